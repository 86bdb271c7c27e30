package io.liqojava.reflectors.builtin;

import static io.liqojava.reflectors.builtin.ForgedMetadataAssert.assertOnlyForgedFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceReflectorTest {

  private final ServiceReflector reflector = new ServiceReflector(Fixtures.context().build());

  private static ServiceBuilder loadBalancer(Map<String, String> annotations) {
    return new ServiceBuilder()
        .withMetadata(Fixtures.served("web", Map.of("app", "web"), annotations))
        .withNewSpec()
        .withType("LoadBalancer")
        .withSelector(Map.of("app", "web"))
        .withClusterIP("10.96.12.34")
        .withClusterIPs("10.96.12.34")
        .withLoadBalancerIP("203.0.113.10")
        .withExternalTrafficPolicy("Local")
        .withHealthCheckNodePort(32000)
        .withSessionAffinity("ClientIP")
        .addNewPort()
        .withName("http")
        .withProtocol("TCP")
        .withPort(80)
        .withTargetPort(new IntOrString(8080))
        .withNodePort(30080)
        .endPort()
        .endSpec()
        .withNewStatus()
        .withNewLoadBalancer()
        .addNewIngress()
        .withIp("203.0.113.10")
        .endIngress()
        .endLoadBalancer()
        .endStatus();
  }

  @Test
  void leavesAddressesAndNodePortsForTheRemoteClusterToAllocate() {
    Service target = reflector.forge(loadBalancer(Map.of()).build()).orElseThrow();

    assertThat(target.getSpec().getClusterIP()).isNull();
    assertThat(target.getSpec().getClusterIPs()).isEmpty();
    assertThat(target.getSpec().getLoadBalancerIP()).isNull();
    assertThat(target.getSpec().getHealthCheckNodePort()).isNull();
    assertThat(target.getSpec().getPorts())
        .extracting(ServicePort::getNodePort)
        .containsOnlyNulls();
    assertThat(target.getStatus()).isNull();
  }

  @Test
  void keepsEverythingElseVerbatim() {
    Service source = loadBalancer(Map.of("team.example.com/owner", "payments")).build();

    Service target = reflector.forge(source).orElseThrow();

    assertThat(target.getMetadata().getName()).isEqualTo("web");
    assertThat(target.getMetadata().getLabels()).isEqualTo(Map.of("app", "web"));
    assertThat(target.getMetadata().getAnnotations())
        .isEqualTo(Map.of("team.example.com/owner", "payments"));
    assertOnlyForgedFields(target.getMetadata());
    assertThat(target.getSpec().getType()).isEqualTo("LoadBalancer");
    assertThat(target.getSpec().getSelector()).isEqualTo(Map.of("app", "web"));
    assertThat(target.getSpec().getExternalTrafficPolicy()).isEqualTo("Local");
    assertThat(target.getSpec().getSessionAffinity()).isEqualTo("ClientIP");
    ServicePort port = target.getSpec().getPorts().get(0);
    assertThat(port.getName()).isEqualTo("http");
    assertThat(port.getProtocol()).isEqualTo("TCP");
    assertThat(port.getPort()).isEqualTo(80);
    assertThat(port.getTargetPort()).isEqualTo(new IntOrString(8080));
  }

  @Test
  void headlessServiceStaysHeadless() {
    Service source =
        new ServiceBuilder()
            .withMetadata(Fixtures.served("db", Map.of(), Map.of()))
            .withNewSpec()
            .withClusterIP("None")
            .withClusterIPs("None")
            .withSelector(Map.of("app", "db"))
            .addNewPort()
            .withPort(5432)
            .endPort()
            .endSpec()
            .build();

    Service target = reflector.forge(source).orElseThrow();

    assertThat(target.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(target.getSpec().getClusterIPs()).containsExactly("None");
  }

  @Test
  void forceRemoteNodePortKeepsTheNodePorts() {
    Service source = loadBalancer(Map.of("liqo.io/force-remote-node-port", "true")).build();

    Service target = reflector.forge(source).orElseThrow();

    assertThat(target.getSpec().getPorts())
        .extracting(ServicePort::getNodePort)
        .containsExactly(30080);
    assertThat(target.getSpec().getHealthCheckNodePort()).isEqualTo(32000);
    assertThat(target.getSpec().getClusterIP()).isNull();
    assertThat(target.getSpec().getLoadBalancerIP()).isNull();
  }

  @Test
  void sourceIsNeitherChangedNorShared() {
    Service source = loadBalancer(Map.of()).build();
    Service before = new ServiceBuilder(source).build();

    Service target = reflector.forge(source).orElseThrow();
    target.getSpec().getPorts().get(0).setPort(81);
    target.getSpec().getSelector().put("app", "other");

    assertThat(source).isEqualTo(before);
  }
}
