package io.liqojava.samples.liqoctl;

import static io.liqojava.samples.liqoctl.LiqoctlRunner.liqoctl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.core.v1beta1.ForeignClusterSpec;
import io.liqojava.api.core.v1beta1.PeeringEnabled;
import io.liqojava.api.offloading.v1beta1.ConditionStatus;
import io.liqojava.api.offloading.v1beta1.NamespaceMappingStrategy;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloading;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingStatus;
import io.liqojava.api.offloading.v1beta1.OffloadingPhase;
import io.liqojava.api.offloading.v1beta1.PodOffloadingStrategy;
import io.liqojava.api.offloading.v1beta1.RemoteNamespaceCondition;
import io.liqojava.api.offloading.v1beta1.RemoteNamespaceConditionType;
import io.liqojava.core.crd.CrdInstaller;
import io.liqojava.samples.liqoctl.LiqoctlRunner.Run;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.junit.LocalClusters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * liqoctl offload namespace and unoffload namespace against a real API server with the Liqo CRDs;
 * the tests play the agent's controller by writing the status and releasing the finalizer.
 */
@LocalClusters({"rome"})
class OffloadNamespaceTest {

  private static final String NAPLES = "naples-7881be";
  private static final String FLORENCE = "florence-539f8b";

  @TempDir Path home;

  @BeforeAll
  static void installCrdsAndAPeer(LocalCluster rome) {
    new CrdInstaller(rome.client()).install();
    ForeignCluster naples = new ForeignCluster();
    naples.getMetadata().setName("naples");
    ForeignClusterSpec spec = new ForeignClusterSpec();
    spec.setClusterID(NAPLES);
    spec.setOutgoingPeeringEnabled(PeeringEnabled.YES);
    naples.setSpec(spec);
    rome.client().resource(naples).create();
  }

  @Test
  void storesTheFlagsAndTimeoutZeroReturnsAtOnce(LocalCluster rome) {
    namespace(rome, "flags");

    Run run =
        offload(
            rome,
            "flags",
            "--namespace-mapping-strategy",
            "EnforceSameName",
            "--pod-offloading-strategy",
            "Remote",
            "--selector",
            "region in (europe,us-west), !staging",
            "--selector",
            "topology.liqo.io/region=south",
            "--timeout",
            "0");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.out())
        .contains(
            "NamespaceOffloading flags/offloading created",
            "namespace mapping EnforceSameName, pods Remote, clusters matching 'region in"
                + " (europe,us-west), !staging' or 'topology.liqo.io/region=south'",
            "Not waiting (--timeout 0)")
        .doesNotContain("Waiting");
    NamespaceOffloading stored = offloading(rome, "flags").get();
    assertThat(stored.getSpec().getNamespaceMappingStrategy())
        .isEqualTo(NamespaceMappingStrategy.ENFORCE_SAME_NAME);
    assertThat(stored.getSpec().getPodOffloadingStrategy()).isEqualTo(PodOffloadingStrategy.REMOTE);
    assertThat(stored.getSpec().getRemoteNamespaceName()).isNull();
    assertThat(stored.getSpec().getClusterSelector().getNodeSelectorTerms())
        .extracting(NodeSelectorTerm::getMatchExpressions)
        .containsExactly(
            List.of(
                new NodeSelectorRequirement("region", "In", List.of("europe", "us-west")),
                new NodeSelectorRequirement("staging", "DoesNotExist", List.of())),
            List.of(
                new NodeSelectorRequirement("topology.liqo.io/region", "In", List.of("south"))));

    // the mapping strategy is immutable: refused before anything is written
    String resourceVersion = stored.getMetadata().getResourceVersion();
    Run change = offload(rome, "flags", "--timeout", "0");

    assertThat(change.exitCode()).as(change.output()).isEqualTo(1);
    assertThat(change.err())
        .contains(
            "namespace flags is already offloaded with namespace mapping strategy"
                + " EnforceSameName, which cannot change (to DefaultName)",
            "--namespace-mapping-strategy EnforceSameName",
            "'liqoctl unoffload namespace flags'",
            "Nothing was changed");
    assertThat(offloading(rome, "flags").get().getMetadata().getResourceVersion())
        .isEqualTo(resourceVersion);
  }

  @Test
  void waitsForTheAgentThenPrintsEachClusterAndTheRemoteName(LocalCluster rome) {
    namespace(rome, "demo");
    CompletableFuture<Void> agent =
        actAsAgent(
            rome,
            "demo",
            OffloadingPhase.READY,
            Map.of(
                FLORENCE,
                List.of(
                    condition(
                        RemoteNamespaceConditionType.OFFLOADING_REQUIRED,
                        ConditionStatus.FALSE,
                        "ClusterNotSelected")),
                NAPLES,
                List.of(
                    condition(
                        RemoteNamespaceConditionType.OFFLOADING_REQUIRED,
                        ConditionStatus.TRUE,
                        "ClusterSelected"),
                    condition(
                        RemoteNamespaceConditionType.READY,
                        ConditionStatus.TRUE,
                        "RemoteNamespaceCreated"))));

    Run run =
        offload(
            rome,
            "demo",
            "--namespace-mapping-strategy",
            "EnforceSameName",
            "--selector",
            "topology.liqo.io/region=south",
            "--timeout",
            "1m");
    agent.join();

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.out())
        .contains(
            "Waiting for the twin namespaces (at most 1m)",
            "  waiting for the agent to process the NamespaceOffloading (generation 1)",
            "  phase Ready: 1 of 1 selected cluster ready",
            "Offloading of namespace demo: phase Ready, remote namespace demo")
        .containsPattern("(?m)^  CLUSTER\\s+SELECTED\\s+NAMESPACE$")
        .containsPattern("(?m)^  " + FLORENCE + "\\s+no\\s+-$")
        .containsPattern("(?m)^  naples\\s+yes\\s+Ready$")
        .endsWith("Namespace demo is offloaded." + System.lineSeparator());
  }

  @Test
  void failedClustersExitWithTheirReason(LocalCluster rome) {
    namespace(rome, "clash");
    RemoteNamespaceCondition failed =
        condition(RemoteNamespaceConditionType.READY, ConditionStatus.FALSE, "CreationFailed");
    failed.setMessage("namespace clash already exists");
    CompletableFuture<Void> agent =
        actAsAgent(
            rome,
            "clash",
            OffloadingPhase.ALL_FAILED,
            Map.of(
                NAPLES,
                List.of(
                    condition(
                        RemoteNamespaceConditionType.OFFLOADING_REQUIRED,
                        ConditionStatus.TRUE,
                        "ClusterSelected"),
                    failed)));

    Run run = offload(rome, "clash", "--namespace-mapping-strategy", "EnforceSameName");
    agent.join();

    assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
    assertThat(run.out())
        .containsPattern(
            "(?m)^  naples\\s+yes\\s+not ready: CreationFailed: namespace clash already exists$");
    assertThat(run.err())
        .contains(
            "the twin namespace of clash could not be created in any selected cluster (phase"
                + " AllFailed)");
  }

  @Test
  void timeoutSaysWhatIsPending(LocalCluster rome) {
    namespace(rome, "idle");

    Run run = offload(rome, "idle", "--timeout", "1s");

    assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            "namespace idle is not offloaded yet after 1s: the agent has not processed the"
                + " NamespaceOffloading yet (observed generation none, current 1)",
            "check that the agent of this cluster runs");
    assertThat(offloading(rome, "idle").get()).isNotNull();
  }

  @Test
  void badInputChangesNothing(LocalCluster rome) {
    namespace(rome, "untouched");

    Run missing = offload(rome, "nowhere");
    Run badSelector = offload(rome, "untouched", "--selector", "region in europe");

    assertThat(missing.exitCode()).as(missing.output()).isEqualTo(1);
    assertThat(missing.err())
        .contains(
            "namespace nowhere does not exist in this cluster",
            "create it with 'kubectl create namespace nowhere', then offload it");
    assertThat(rome.client().namespaces().withName("nowhere").get()).isNull();
    assertThat(badSelector.exitCode()).as(badSelector.output()).isEqualTo(2);
    assertThat(badSelector.err()).contains("'region in europe' is not a valid cluster selector");
    assertThat(offloading(rome, "untouched").get()).isNull();
  }

  @Test
  void outputYamlAppliesWithKubectl(LocalCluster rome) throws IOException {
    namespace(rome, "gitops");
    Run run =
        offload(
            rome,
            "gitops",
            "--namespace-mapping-strategy",
            "SelectedName",
            "--remote-namespace-name",
            "gitops-remote",
            "--selector",
            "!staging",
            "--output",
            "yaml");
    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(offloading(rome, "gitops").get()).as("--output applies nothing").isNull();
    Path manifest = Files.writeString(home.resolve("offloading.yaml"), run.out());

    rome.kubectl("apply", "-f", manifest.toString());

    NamespaceOffloading stored = offloading(rome, "gitops").get();
    assertThat(stored.getSpec().getNamespaceMappingStrategy())
        .isEqualTo(NamespaceMappingStrategy.SELECTED_NAME);
    assertThat(stored.getSpec().getRemoteNamespaceName()).isEqualTo("gitops-remote");
    assertThat(stored.getSpec().getClusterSelector().getNodeSelectorTerms()).hasSize(1);
  }

  @Test
  void unoffloadWaitsForTheAgentToReleaseIt(LocalCluster rome) {
    namespace(rome, "leaving");
    Run offloaded = offload(rome, "leaving", "--timeout", "0");
    assertThat(offloaded.exitCode()).as(offloaded.output()).isZero();
    offloading(rome, "leaving").edit(o -> withFinalizer(o, "liqo.io/namespaceoffloading"));
    CompletableFuture<Void> agent =
        CompletableFuture.runAsync(
            () -> {
              await()
                  .atMost(Duration.ofSeconds(30))
                  .until(
                      () -> offloading(rome, "leaving").get().getMetadata().getDeletionTimestamp(),
                      timestamp -> timestamp != null);
              sleep(Duration.ofMillis(600));
              offloading(rome, "leaving").edit(o -> withFinalizer(o, null));
            });

    Run run = unoffload(rome, "leaving");
    agent.join();
    Run again = unoffload(rome, "leaving");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.out())
        .contains(
            "Unoffloading namespace leaving",
            "Deleted NamespaceOffloading leaving/offloading",
            "  waiting for the agent to remove the twin namespaces (phase unknown, finalizers"
                + " liqo.io/namespaceoffloading)")
        .endsWith("Namespace leaving is no longer offloaded." + System.lineSeparator());
    assertThat(offloading(rome, "leaving").get()).isNull();
    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(again.out())
        .contains("Namespace leaving is not offloaded in this cluster", "nothing to do");
  }

  private Run offload(LocalCluster rome, String namespace, String... flags) {
    List<String> args = new ArrayList<>(List.of("offload", "namespace", namespace));
    args.addAll(List.of(flags));
    args.addAll(List.of("--kubeconfig", rome.kubeconfig().toString()));
    return liqoctl(Map.of("HOME", home.toString()), args.toArray(String[]::new));
  }

  private Run unoffload(LocalCluster rome, String namespace) {
    return liqoctl(
        Map.of("HOME", home.toString()),
        "unoffload",
        "namespace",
        namespace,
        "--timeout",
        "30s",
        "--kubeconfig",
        rome.kubeconfig().toString());
  }

  private static void namespace(LocalCluster rome, String name) {
    rome.client()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
  }

  private static Resource<NamespaceOffloading> offloading(LocalCluster rome, String namespace) {
    return rome.client()
        .resources(NamespaceOffloading.class)
        .inNamespace(namespace)
        .withName(NamespaceOffloading.DEFAULT_NAME);
  }

  /**
   * What the agent's controller does: once the NamespaceOffloading exists, after a while, reports
   * on its generation.
   */
  private static CompletableFuture<Void> actAsAgent(
      LocalCluster rome,
      String namespace,
      OffloadingPhase phase,
      Map<String, List<RemoteNamespaceCondition>> conditions) {
    return CompletableFuture.runAsync(
        () -> {
          await()
              .atMost(Duration.ofSeconds(30))
              .until(() -> offloading(rome, namespace).get() != null);
          sleep(Duration.ofMillis(600));
          offloading(rome, namespace)
              .editStatus(
                  offloading -> {
                    NamespaceOffloadingStatus status = new NamespaceOffloadingStatus();
                    status.setObservedGeneration(offloading.getMetadata().getGeneration());
                    status.setOffloadingPhase(phase);
                    status.setRemoteNamespaceName(namespace);
                    status.setRemoteNamespacesConditions(new LinkedHashMap<>(conditions));
                    offloading.setStatus(status);
                    return offloading;
                  });
        });
  }

  private static RemoteNamespaceCondition condition(
      RemoteNamespaceConditionType type, ConditionStatus status, String reason) {
    RemoteNamespaceCondition condition = new RemoteNamespaceCondition();
    condition.setType(type);
    condition.setStatus(status);
    condition.setReason(reason);
    condition.setLastTransitionTime("2022-05-05T15:08:43Z");
    return condition;
  }

  private static NamespaceOffloading withFinalizer(NamespaceOffloading offloading, String name) {
    offloading.getMetadata().setFinalizers(name == null ? List.of() : List.of(name));
    return offloading;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
