package io.liqojava.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.liqojava.api.consts.Labels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The URL an agent advertises for the Service in front of its authentication service. */
class AuthServiceEndpointTest {

  @Test
  void aLoadBalancerIsAdvertisedByItsFirstIngressOnceItHasOne() {
    Service pending = service("LoadBalancer").build();
    assertThatThrownBy(() -> AuthServiceEndpoint.urlOf(pending, List.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the LoadBalancer Service liqo/liqo-auth has no address yet")
        .hasMessageContaining("expose it as a NodePort");

    Service byIp =
        service("LoadBalancer")
            .withNewStatus()
            .withNewLoadBalancer()
            .addNewIngress()
            .withIp("203.0.113.7")
            .endIngress()
            .endLoadBalancer()
            .endStatus()
            .build();
    Service byName =
        service("LoadBalancer")
            .withNewStatus()
            .withNewLoadBalancer()
            .addNewIngress()
            .withHostname("lb.rome.example.com")
            .endIngress()
            .endLoadBalancer()
            .endStatus()
            .build();
    assertThat(AuthServiceEndpoint.urlOf(byIp, List.of())).isEqualTo("https://203.0.113.7:443");
    assertThat(AuthServiceEndpoint.urlOf(byName, List.of()))
        .isEqualTo("https://lb.rome.example.com:443");
  }

  @Test
  void aNodePortIsAdvertisedOnAReadyRealNodePreferringItsExternalAddress() {
    Service nodePort = service("NodePort").build();
    Node virtual = node("a-virtual", true, "10.0.0.1", "198.51.100.1");
    virtual.getMetadata().getLabels().put(Labels.TYPE, Labels.TYPE_VIRTUAL_NODE);
    Node notReady = node("b-down", false, "10.0.0.2", null);
    Node internalOnly = node("c-internal", true, "10.0.0.3", null);
    Node external = node("d-external", true, "10.0.0.4", "198.51.100.4");

    assertThat(AuthServiceEndpoint.urlOf(nodePort, List.of(virtual, notReady, internalOnly)))
        .isEqualTo("https://10.0.0.3:31443");
    assertThat(AuthServiceEndpoint.urlOf(nodePort, List.of(internalOnly, external)))
        .isEqualTo("https://198.51.100.4:31443");
    assertThat(AuthServiceEndpoint.urlOf(nodePort, List.of(external)))
        .isEqualTo("https://198.51.100.4:31443");
    assertThat(AuthServiceEndpoint.urlOf(nodePort, List.of(virtual, notReady)))
        .isEqualTo("https://10.0.0.2:31443");
    assertThatThrownBy(() -> AuthServiceEndpoint.urlOf(nodePort, List.of(virtual)))
        .hasMessageContaining("no node of this cluster has an address");
  }

  @Test
  void aClusterIpIsAdvertisedAsItIsIpv6InBrackets() {
    Service v4 = service("ClusterIP").editSpec().withClusterIP("10.96.0.20").endSpec().build();
    Service v6 = service("ClusterIP").editSpec().withClusterIP("fd00::20").endSpec().build();
    Service headless = service("ClusterIP").editSpec().withClusterIP("None").endSpec().build();
    Service external = service("ExternalName").build();

    assertThat(AuthServiceEndpoint.urlOf(v4, List.of())).isEqualTo("https://10.96.0.20:443");
    assertThat(AuthServiceEndpoint.urlOf(v6, List.of())).isEqualTo("https://[fd00::20]:443");
    assertThatThrownBy(() -> AuthServiceEndpoint.urlOf(headless, List.of()))
        .hasMessageContaining("must not be headless");
    assertThatThrownBy(() -> AuthServiceEndpoint.urlOf(external, List.of()))
        .hasMessageContaining("is of type ExternalName: use LoadBalancer, NodePort or ClusterIP");
  }

  @Test
  void serviceNamesAreNamespaceSlashName() {
    assertThat(AuthServiceEndpoint.ServiceName.parse("liqo/liqo-auth"))
        .isEqualTo(new AuthServiceEndpoint.ServiceName("liqo", "liqo-auth"));
    assertThat(AuthServiceEndpoint.ServiceName.parse("liqo/liqo-auth").toString())
        .isEqualTo("liqo/liqo-auth");
    for (String invalid : List.of("liqo-auth", "/liqo-auth", "liqo/", "a/b/c")) {
      assertThatThrownBy(() -> AuthServiceEndpoint.ServiceName.parse(invalid))
          .hasMessageContaining("use NAMESPACE/NAME, for example liqo/liqo-auth");
    }
  }

  @Test
  void anAgentGetsEitherAnAdvertisedUrlOrAServiceNotBoth() {
    assertThatThrownBy(
            () ->
                AgentConfig.builder()
                    .authAdvertisedUrl("https://auth.rome.example.com")
                    .authService(new AuthServiceEndpoint.ServiceName("liqo", "liqo-auth"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not both");
  }

  private static ServiceBuilder service(String type) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withNamespace("liqo")
        .withName("liqo-auth")
        .endMetadata()
        .withNewSpec()
        .withType(type)
        .addNewPort()
        .withName("metrics")
        .withPort(9090)
        .endPort()
        .addNewPort()
        .withName("https")
        .withPort(443)
        .withNodePort(type.equals("NodePort") ? 31443 : null)
        .endPort()
        .endSpec();
  }

  private static Node node(String name, boolean ready, String internal, String external) {
    NodeBuilder node =
        new NodeBuilder()
            .withNewMetadata()
            .withName(name)
            .addToLabels("kubernetes.io/hostname", name)
            .endMetadata()
            .withNewStatus()
            .addNewCondition()
            .withType("Ready")
            .withStatus(ready ? "True" : "False")
            .endCondition()
            .addNewAddress()
            .withType("InternalIP")
            .withAddress(internal)
            .endAddress()
            .endStatus();
    if (external != null) {
      node.editStatus()
          .addNewAddress()
          .withType("ExternalIP")
          .withAddress(external)
          .endAddress()
          .endStatus();
    }
    return node.build();
  }
}
