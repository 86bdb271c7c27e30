package io.liqojava.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.testing.internal.Cidr;
import io.liqojava.testing.junit.LocalClusters;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * In every cluster a Deployment with two replicas and a Service behave as in a real cluster: the
 * real scheduler binds the pods to simulated nodes, they turn Running and Ready with IPs from the
 * node's pod CIDR, and the real EndpointSlice controller publishes both pod IPs.
 */
@LocalClusters(
    value = {"london", "newyork"},
    nodes = 2)
class WorkloadsOnSimulatedNodesTest {

  private static final String NAMESPACE = "workloads";

  @Test
  void deploymentAndServiceProduceRunningPodsAndAnEndpointSlice(TestBed bed) {
    for (LocalCluster cluster : bed.clusters()) {
      KubernetesClient client = cluster.client();
      deployNginx(client);

      List<Pod> pods =
          await("two Running and Ready nginx pods in " + cluster.name())
              .atMost(Duration.ofSeconds(60))
              .until(() -> readyPods(client), list -> list.size() == 2);
      for (Pod pod : pods) {
        assertThat(pod.getSpec().getNodeName()).isIn(cluster.nodeNames());
        assertThat(pod.getStatus().getContainerStatuses())
            .singleElement()
            .satisfies(
                status -> {
                  assertThat(status.getReady()).isTrue();
                  assertThat(status.getState().getRunning()).isNotNull();
                  assertThat(status.getImage()).isEqualTo("nginx:1.25");
                });
        assertThat(Cidr.parse(cluster.spec().podCidr()).offsetOf(pod.getStatus().getPodIP()))
            .isNotNegative();
      }
      List<String> podIps = pods.stream().map(p -> p.getStatus().getPodIP()).toList();
      assertThat(podIps).doesNotHaveDuplicates();

      List<String> endpointIps =
          await("an EndpointSlice of the nginx Service with both pod IPs in " + cluster.name())
              .atMost(Duration.ofSeconds(60))
              .until(() -> readyEndpointAddresses(client), ips -> ips.size() == 2);
      assertThat(endpointIps).containsExactlyInAnyOrderElementsOf(podIps);
    }
  }

  @Test
  void deletingAPodCompletesAndTheReplicaSetReplacesIt(TestBed bed) {
    LocalCluster cluster = bed.clusters().get(0);
    KubernetesClient client = cluster.client();
    String namespace = "replace";
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .create();
    client.apps().deployments().inNamespace(namespace).resource(nginx()).create();
    List<Pod> before =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> readyPods(client, namespace), list -> list.size() == 2);

    client.pods().inNamespace(namespace).resource(before.get(0)).delete();

    await("the deleted pod to be gone and replaced")
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> readyPods(client, namespace),
            list ->
                list.size() == 2
                    && list.stream()
                        .noneMatch(
                            p ->
                                p.getMetadata()
                                    .getUid()
                                    .equals(before.get(0).getMetadata().getUid())));
    assertThat(
            client
                .pods()
                .inNamespace(namespace)
                .withName(before.get(0).getMetadata().getName())
                .get())
        .isNull();
  }

  private static void deployNginx(KubernetesClient client) {
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
    client.apps().deployments().inNamespace(NAMESPACE).resource(nginx()).create();
    client
        .services()
        .inNamespace(NAMESPACE)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("nginx")
                .endMetadata()
                .withNewSpec()
                .addToSelector("app", "nginx")
                .addNewPort()
                .withPort(80)
                .withNewTargetPort(80)
                .endPort()
                .endSpec()
                .build())
        .create();
  }

  private static io.fabric8.kubernetes.api.model.apps.Deployment nginx() {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("nginx")
        .endMetadata()
        .withNewSpec()
        .withReplicas(2)
        .withNewSelector()
        .addToMatchLabels("app", "nginx")
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", "nginx")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("nginx")
        .withImage("nginx:1.25")
        .addNewPort()
        .withContainerPort(80)
        .endPort()
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static List<Pod> readyPods(KubernetesClient client) {
    return readyPods(client, NAMESPACE);
  }

  private static List<Pod> readyPods(KubernetesClient client, String namespace) {
    return client.pods().inNamespace(namespace).withLabel("app", "nginx").list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(p -> "Running".equals(p.getStatus().getPhase()))
        .filter(
            p ->
                p.getStatus().getConditions().stream()
                    .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
        .toList();
  }

  /**
   * The ready endpoint addresses of the nginx Service, from whichever EndpointSlice API is served.
   */
  private static List<String> readyEndpointAddresses(KubernetesClient client) {
    if (client.supports(io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice.class)) {
      return client
          .discovery()
          .v1()
          .endpointSlices()
          .inNamespace(NAMESPACE)
          .withLabel("kubernetes.io/service-name", "nginx")
          .list()
          .getItems()
          .stream()
          .flatMap(slice -> slice.getEndpoints().stream())
          .filter(
              e -> e.getConditions() == null || !Boolean.FALSE.equals(e.getConditions().getReady()))
          .flatMap(e -> e.getAddresses().stream())
          .toList();
    }
    return client
        .discovery()
        .v1beta1()
        .endpointSlices()
        .inNamespace(NAMESPACE)
        .withLabel("kubernetes.io/service-name", "nginx")
        .list()
        .getItems()
        .stream()
        .flatMap(slice -> slice.getEndpoints().stream())
        .filter(
            e -> e.getConditions() == null || !Boolean.FALSE.equals(e.getConditions().getReady()))
        .flatMap(e -> e.getAddresses().stream())
        .toList();
  }
}
