package io.liqojava.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.liqojava.testing.junit.LocalClusters;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** An API server can be stopped and started again, keeping its address and its data. */
@LocalClusters("outage")
class ApiServerOutageTest {

  @Test
  void stoppedApiServerRefusesClientsAndComesBackWithItsData(LocalCluster cluster) {
    cluster
        .client()
        .configMaps()
        .inNamespace("default")
        .resource(
            new ConfigMapBuilder().withNewMetadata().withName("survivor").endMetadata().build())
        .create();

    cluster.stopApiServer();

    assertThat(cluster.isApiServerRunning()).isFalse();
    Config noRetries = cluster.clientConfig();
    noRetries.setRequestRetryBackoffLimit(0);
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(noRetries).build()) {
      assertThatThrownBy(() -> client.configMaps().inNamespace("default").list())
          .isInstanceOf(KubernetesClientException.class);
    }

    cluster.startApiServer();

    assertThat(cluster.client().configMaps().inNamespace("default").withName("survivor").get())
        .isNotNull();
    // The simulated node keeps renewing its lease through the new API server.
    var before =
        cluster
            .client()
            .leases()
            .inNamespace("kube-node-lease")
            .withName(cluster.nodeNames().get(0))
            .get()
            .getSpec()
            .getRenewTime();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                cluster
                    .client()
                    .leases()
                    .inNamespace("kube-node-lease")
                    .withName(cluster.nodeNames().get(0))
                    .get()
                    .getSpec()
                    .getRenewTime()
                    .isAfter(before));
  }
}
