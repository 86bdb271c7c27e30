package io.liqojava.core.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.consts.Taints;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloading;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingSpec;
import io.liqojava.api.offloading.v1beta1.OffloadingPhase;
import io.liqojava.api.offloading.v1beta1.ShadowPod;
import io.liqojava.core.install.LiqoInstaller;
import io.liqojava.core.peering.Peering;
import io.liqojava.testing.ClusterSpec;
import io.liqojava.testing.TestBed;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Namespace and pod offloading end to end on two real clusters, each with its in-process agent
 * (webhooks called by the real API server, the real scheduler binding pods to the virtual node):
 * rome offloads {@code liqo-demo} to milan, as in the quick start. Steps build on each other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OffloadingTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);
  private static final String DEMO = "liqo-demo";
  private static TestBed bed;
  private static KubernetesClient romeAgentClient;
  private static KubernetesClient milanAgentClient;
  private static LiqoAgent romeAgent;
  private static LiqoAgent milanAgent;
  private static ClusterIdentity rome;
  private static String twin;

  @BeforeAll
  static void peerRomeWithMilan() {
    bed =
        TestBed.builder()
            .cluster(ClusterSpec.named("rome"))
            .cluster(ClusterSpec.builder().name("milan").podCidr("10.202.0.0/16").build())
            .start();
    rome = new LiqoInstaller(bed.cluster("rome").client()).install("rome", Map.of());
    new LiqoInstaller(bed.cluster("milan").client()).install("milan", Map.of());
    romeAgentClient = bed.cluster("rome").newClient();
    milanAgentClient = bed.cluster("milan").newClient();
    romeAgent = LiqoAgent.start(romeAgentClient, AgentConfig.defaults());
    milanAgent = LiqoAgent.start(milanAgentClient, AgentConfig.defaults());
    Peering.peerWithKubeconfig(romeClient(), milanClient(), Map.of(), line -> {});
    new Peering(romeClient()).awaitOutgoing("milan", TIMEOUT, line -> {});
    await().atMost(TIMEOUT).until(() -> isReady(romeClient().nodes().withName("liqo-milan").get()));
  }

  @AfterAll
  static void stop() {
    if (romeAgent != null) {
      romeAgent.close();
    }
    if (milanAgent != null) {
      milanAgent.close();
    }
    if (romeAgentClient != null) {
      romeAgentClient.close();
    }
    if (milanAgentClient != null) {
      milanAgentClient.close();
    }
    if (bed != null) {
      bed.close();
    }
  }

  @Test
  @Order(1)
  void offloadingANamespaceCreatesItsTwinInTheProvider() {
    romeClient().namespaces().resource(namespace(DEMO)).create();
    romeClient()
        .resources(NamespaceOffloading.class)
        .inNamespace(DEMO)
        .resource(offloading())
        .create();

    NamespaceOffloading ready = awaitPhase(DEMO, OffloadingPhase.READY);
    twin = ready.getStatus().getRemoteNamespaceName();
    assertThat(twin).isEqualTo(DEMO + "-" + rome.clusterId());
    assertThat(ready.getStatus().getRemoteNamespacesConditions()).hasSize(1);
    assertThat(milanClient().namespaces().withName(twin).get()).isNotNull();
    assertThat(romeClient().namespaces().withName(DEMO).get().getMetadata().getLabels())
        .containsEntry(Labels.SCHEDULING_ENABLED, Labels.TRUE);
  }

  @Test
  @Order(2)
  void theQuickStartPodsRunOneHereOneThereAndTheServiceHasBoth() {
    romeClient().pods().inNamespace(DEMO).resource(nginx("nginx-local", "NotIn")).create();
    romeClient().pods().inNamespace(DEMO).resource(nginx("nginx-remote", "In")).create();
    romeClient()
        .services()
        .inNamespace(DEMO)
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName(DEMO)
                .endMetadata()
                .withNewSpec()
                .addToSelector("app", DEMO)
                .addNewPort()
                .withName("web")
                .withPort(80)
                .endPort()
                .endSpec()
                .build())
        .create();

    Pod remote = awaitRunning(romeClient(), DEMO, "nginx-remote");
    Pod local = awaitRunning(romeClient(), DEMO, "nginx-local");
    assertThat(remote.getSpec().getNodeName()).isEqualTo("liqo-milan");
    assertThat(local.getSpec().getNodeName()).isNotEqualTo("liqo-milan");
    Pod inMilan = milanClient().pods().inNamespace(twin).withName("nginx-remote").get();
    assertThat(remote.getStatus().getPodIP())
        .startsWith("10.202.")
        .isEqualTo(inMilan.getStatus().getPodIP());
    assertThat(remote.getSpec().getTolerations())
        .anyMatch(t -> Taints.VIRTUAL_NODE_KEY.equals(t.getKey()));
    assertThat(
            milanClient()
                .resources(ShadowPod.class)
                .inNamespace(twin)
                .withName("nginx-remote")
                .get())
        .isNotNull();
    assertThat(milanClient().services().inNamespace(twin).withName(DEMO).get()).isNotNull();
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(endpointAddresses(DEMO))
                    .containsExactlyInAnyOrder(
                        local.getStatus().getPodIP(), remote.getStatus().getPodIP()));
  }

  @Test
  @Order(3)
  void aPodForcedOnTheVirtualNodeOfANamespaceNotOffloadedBacksOff() {
    romeClient().namespaces().resource(namespace("not-offloaded")).create();
    Pod pod =
        new PodBuilder(nginx("forced", "In"))
            .editSpec()
            .withNodeName("liqo-milan")
            .addNewToleration()
            .withKey(Taints.VIRTUAL_NODE_KEY)
            .withOperator("Exists")
            .endToleration()
            .endSpec()
            .build();
    romeClient().pods().inNamespace("not-offloaded").resource(pod).create();

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              Pod current =
                  romeClient().pods().inNamespace("not-offloaded").withName("forced").get();
              assertThat(current.getStatus().getPhase()).isEqualTo("Pending");
              assertThat(current.getStatus().getReason()).isEqualTo("OffloadingBackOff");
            });
  }

  @Test
  @Order(4)
  void offloadedPodsKeepRunningWhileTheConsumerIsAwayAndComeBackWithoutDuplicates()
      throws Exception {
    Pod before = romeClient().pods().inNamespace(DEMO).withName("nginx-remote").get();
    romeAgent.close(); // rome is gone for milan: nothing talks to it any more

    Pod original = milanClient().pods().inNamespace(twin).withName("nginx-remote").get();
    milanClient().pods().inNamespace(twin).withName("nginx-remote").delete();
    Pod recreated =
        await()
            .atMost(TIMEOUT)
            .until(
                () -> milanClient().pods().inNamespace(twin).withName("nginx-remote").get(),
                pod ->
                    pod != null
                        && !pod.getMetadata().getUid().equals(original.getMetadata().getUid())
                        && "Running".equals(pod.getStatus().getPhase()));
    assertThat(recreated.getSpec().getNodeName()).isEqualTo(original.getSpec().getNodeName());
    assertThat(romeClient().pods().inNamespace(DEMO).withName("nginx-remote").get().getStatus())
        .isEqualTo(before.getStatus());

    romeAgent = LiqoAgent.start(romeAgentClient, AgentConfig.defaults());

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              Pod now = romeClient().pods().inNamespace(DEMO).withName("nginx-remote").get();
              assertThat(now.getStatus().getPodIP()).isEqualTo(recreated.getStatus().getPodIP());
              assertThat(now.getStatus().getContainerStatuses())
                  .extracting(ContainerStatus::getRestartCount)
                  .containsOnly(1);
            });
    assertThat(milanClient().pods().inNamespace(twin).list().getItems())
        .extracting(p -> p.getMetadata().getName())
        .containsOnlyOnce("nginx-remote");
    assertThat(milanClient().resources(ShadowPod.class).inNamespace(twin).list().getItems())
        .extracting(p -> p.getMetadata().getName())
        .containsExactly("nginx-remote");
  }

  @Test
  @Order(5)
  void deletingTheLocalPodDeletesTheRemoteOne() {
    romeClient().pods().inNamespace(DEMO).withName("nginx-remote").delete();

    await()
        .atMost(TIMEOUT)
        .until(() -> romeClient().pods().inNamespace(DEMO).withName("nginx-remote").get() == null);
    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                milanClient().pods().inNamespace(twin).withName("nginx-remote").get() == null
                    && milanClient()
                            .resources(ShadowPod.class)
                            .inNamespace(twin)
                            .withName("nginx-remote")
                            .get()
                        == null);
  }

  @Test
  @Order(6)
  void unoffloadingRemovesTheTwinAndBringsPodsHome() {
    romeClient()
        .apps()
        .deployments()
        .inNamespace(DEMO)
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("prefers-remote")
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .addToMatchLabels("app", "prefers-remote")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", "prefers-remote")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("nginx")
                .withImage("nginx")
                .endContainer()
                .withNewAffinity()
                .withNewNodeAffinity()
                .addNewPreferredDuringSchedulingIgnoredDuringExecution()
                .withWeight(100)
                .withNewPreference()
                .withMatchExpressions(virtualNode("In"))
                .endPreference()
                .endPreferredDuringSchedulingIgnoredDuringExecution()
                .endNodeAffinity()
                .endAffinity()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .create();
    await().atMost(TIMEOUT).until(() -> nodesOf("prefers-remote").equals(List.of("liqo-milan")));

    romeClient()
        .resources(NamespaceOffloading.class)
        .inNamespace(DEMO)
        .withName(NamespaceOffloading.DEFAULT_NAME)
        .delete();

    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                romeClient()
                            .resources(NamespaceOffloading.class)
                            .inNamespace(DEMO)
                            .withName(NamespaceOffloading.DEFAULT_NAME)
                            .get()
                        == null
                    && milanClient().namespaces().withName(twin).get() == null);
    assertThat(romeClient().namespaces().withName(DEMO).get().getMetadata().getLabels())
        .doesNotContainKey(Labels.SCHEDULING_ENABLED);
    await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              List<String> nodes = nodesOf("prefers-remote");
              return nodes.size() == 1 && !nodes.contains("liqo-milan");
            });
  }

  @Test
  @Order(7)
  void unpeeringLeavesNothingOfOursInTheProvider() {
    Peering peering = new Peering(romeClient());
    peering.unpeer("milan");
    peering.awaitUnpeered("milan", TIMEOUT, line -> {});

    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                milanClient()
                    .namespaces()
                    .withLabel(Labels.REMOTE_CLUSTER_ID, rome.clusterId())
                    .list()
                    .getItems()
                    .isEmpty());
    assertThat(milanClient().resources(ShadowPod.class).inAnyNamespace().list().getItems())
        .isEmpty();
  }

  private static List<String> nodesOf(String app) {
    return romeClient().pods().inNamespace(DEMO).withLabel("app", app).list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(p -> "Running".equals(p.getStatus().getPhase()))
        .map(p -> p.getSpec().getNodeName())
        .toList();
  }

  private static List<String> endpointAddresses(String service) {
    var endpoints = romeClient().endpoints().inNamespace(DEMO).withName(service).get();
    if (endpoints == null || endpoints.getSubsets() == null) {
      return List.of();
    }
    return endpoints.getSubsets().stream()
        .filter(s -> s.getAddresses() != null)
        .flatMap(s -> s.getAddresses().stream())
        .map(a -> a.getIp())
        .toList();
  }

  private static NamespaceOffloading awaitPhase(String namespace, OffloadingPhase phase) {
    return await()
        .atMost(TIMEOUT)
        .until(
            () ->
                romeClient()
                    .resources(NamespaceOffloading.class)
                    .inNamespace(namespace)
                    .withName(NamespaceOffloading.DEFAULT_NAME)
                    .get(),
            o -> o.getStatus() != null && o.getStatus().getOffloadingPhase() == phase);
  }

  private static Pod awaitRunning(KubernetesClient client, String namespace, String name) {
    return await()
        .atMost(TIMEOUT)
        .until(
            () -> client.pods().inNamespace(namespace).withName(name).get(),
            pod ->
                pod != null
                    && "Running".equals(pod.getStatus().getPhase())
                    && pod.getStatus().getPodIP() != null);
  }

  private static NamespaceOffloading offloading() {
    NamespaceOffloading offloading = new NamespaceOffloading();
    offloading.getMetadata().setName(NamespaceOffloading.DEFAULT_NAME);
    offloading.setSpec(new NamespaceOffloadingSpec());
    return offloading;
  }

  private static Pod nginx(String name, String virtualNodeOperator) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("app", DEMO)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("nginx")
        .withImage("nginx")
        .addNewPort()
        .withName("web")
        .withContainerPort(80)
        .endPort()
        .endContainer()
        .withNewAffinity()
        .withNewNodeAffinity()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution()
        .addNewNodeSelectorTerm()
        .withMatchExpressions(virtualNode(virtualNodeOperator))
        .endNodeSelectorTerm()
        .endRequiredDuringSchedulingIgnoredDuringExecution()
        .endNodeAffinity()
        .endAffinity()
        .endSpec()
        .build();
  }

  private static io.fabric8.kubernetes.api.model.NodeSelectorRequirement virtualNode(
      String operator) {
    return new NodeSelectorRequirementBuilder()
        .withKey(Labels.TYPE)
        .withOperator(operator)
        .withValues(Labels.TYPE_VIRTUAL_NODE)
        .build();
  }

  private static io.fabric8.kubernetes.api.model.Namespace namespace(String name) {
    return new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
  }

  private static boolean isReady(io.fabric8.kubernetes.api.model.Node node) {
    return node != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static KubernetesClient romeClient() {
    return bed.cluster("rome").client();
  }

  private static KubernetesClient milanClient() {
    return bed.cluster("milan").client();
  }
}
