package io.liqojava.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.liqojava.testing.junit.Cluster;
import io.liqojava.testing.junit.LocalClusters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Three clusters started side by side share nothing: neither objects nor credentials. */
@LocalClusters({"rome", "milan", "naples"})
class ClusterIsolationTest {

  @Test
  void objectsCreatedInOneClusterAreAbsentFromTheOthers(
      @Cluster("rome") LocalCluster rome,
      @Cluster("milan") LocalCluster milan,
      @Cluster("naples") LocalCluster naples) {
    rome.client()
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName("only-in-rome").endMetadata().build())
        .create();
    rome.client()
        .configMaps()
        .inNamespace("only-in-rome")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("greeting")
                .endMetadata()
                .addToData("hello", "rome")
                .build())
        .create();

    assertThat(rome.client().configMaps().inNamespace("only-in-rome").withName("greeting").get())
        .isNotNull();
    for (LocalCluster other : List.of(milan, naples)) {
      assertThat(other.client().namespaces().withName("only-in-rome").get()).isNull();
      assertThat(other.client().configMaps().inNamespace("only-in-rome").withName("greeting").get())
          .isNull();
    }
  }

  @Test
  void adminCredentialsOfOneClusterAreRejectedByAnother(
      @Cluster("rome") LocalCluster rome, @Cluster("milan") LocalCluster milan) {
    io.fabric8.kubernetes.client.Config romeCredentialsAtMilan = rome.clientConfig();
    romeCredentialsAtMilan.setMasterUrl(milan.apiServerUrl());
    // Trust milan's serving certificate, so that only the client certificate is in question.
    romeCredentialsAtMilan.setCaCertData(milan.clientConfig().getCaCertData());

    try (KubernetesClient client =
        new KubernetesClientBuilder().withConfig(romeCredentialsAtMilan).build()) {
      // Milan does not accept a certificate signed by Rome's CA: the request counts as anonymous.
      assertThatThrownBy(() -> client.namespaces().list())
          .isInstanceOfSatisfying(
              KubernetesClientException.class,
              e -> {
                assertThat(e.getCode()).isEqualTo(403);
                assertThat(e.getMessage()).contains("system:anonymous");
              });
    }
  }

  @Test
  void eachClusterHasItsOwnAddressAndCertificateAuthority(TestBed bed) {
    assertThat(bed.clusters()).extracting(LocalCluster::apiServerUrl).doesNotHaveDuplicates();
    assertThat(bed.clusters())
        .extracting(c -> c.clientConfig().getCaCertData())
        .doesNotHaveDuplicates();
  }

  @Test
  void kubectlListsTheReadySimulatedNodes(@Cluster("naples") LocalCluster naples) {
    String nodes = naples.kubectl("get", "nodes");
    assertThat(nodes).contains("naples-worker").contains("Ready");
  }
}
