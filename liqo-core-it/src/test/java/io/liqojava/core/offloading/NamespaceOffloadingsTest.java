package io.liqojava.core.offloading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.consts.Finalizers;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.consts.Taints;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.api.offloading.v1beta1.ConditionStatus;
import io.liqojava.api.offloading.v1beta1.MappingPhase;
import io.liqojava.api.offloading.v1beta1.NamespaceMap;
import io.liqojava.api.offloading.v1beta1.NamespaceMapStatus;
import io.liqojava.api.offloading.v1beta1.NamespaceMappingStrategy;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloading;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingSpec;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingStatus;
import io.liqojava.api.offloading.v1beta1.OffloadingPhase;
import io.liqojava.api.offloading.v1beta1.PodOffloadingStrategy;
import io.liqojava.api.offloading.v1beta1.RemoteNamespaceCondition;
import io.liqojava.api.offloading.v1beta1.RemoteNamespaceConditionType;
import io.liqojava.api.offloading.v1beta1.RemoteNamespaceStatus;
import io.liqojava.core.crd.CrdInstaller;
import io.liqojava.core.tenant.TenantNamespaces;
import io.liqojava.core.virtualnode.ProviderLink;
import io.liqojava.reflection.spi.NamespacePair;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.junit.Cluster;
import io.liqojava.testing.junit.LocalClusters;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consumer side of namespace offloading on three real clusters, as in the seed's "Offloading
 * with Policies" tutorial: venice offloads to naples (region south) and florence (region center).
 * The test plays the providers: it creates the virtual nodes and writes the NamespaceMap status a
 * provider would write.
 */
@LocalClusters({"venice", "naples", "florence"})
class NamespaceOffloadingsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String REGION = "topology.liqo.io/region";
  private static final ClusterIdentity VENICE =
      ClusterIdentity.builder().clusterId("venice-a1b2c3").clusterName("venice").build();
  private static final ClusterIdentity NAPLES =
      ClusterIdentity.builder().clusterId("naples-7881be").clusterName("naples").build();
  private static final ClusterIdentity FLORENCE =
      ClusterIdentity.builder().clusterId("florence-539f8b").clusterName("florence").build();
  private static final String TENANT = TenantNamespaces.nameFor(VENICE.clusterId());

  private static KubernetesClient venice;
  private static KubernetesClient naples;
  private static KubernetesClient florence;
  private static LocalCluster veniceCluster;
  private static NamespaceOffloadings offloadings;
  private static final List<String> told = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void startOffloading(
      @Cluster("venice") LocalCluster veniceLocal,
      @Cluster("naples") LocalCluster naplesLocal,
      @Cluster("florence") LocalCluster florenceLocal) {
    veniceCluster = veniceLocal;
    venice = veniceLocal.client();
    naples = naplesLocal.client();
    florence = florenceLocal.client();
    for (KubernetesClient client : List.of(venice, naples, florence)) {
      new CrdInstaller(client).install();
    }
    TenantNamespaces.ensure(naples, VENICE.clusterId());
    TenantNamespaces.ensure(florence, VENICE.clusterId());
    virtualNode("liqo-naples", NAPLES.clusterId(), "south");
    virtualNode("liqo-florence", FLORENCE.clusterId(), "center");
    OffloadedNamespaceListener recorder =
        new OffloadedNamespaceListener() {
          @Override
          public void offloaded(String providerClusterId, NamespacePair pair) {
            told.add("offloaded " + providerClusterId + " " + pair);
          }

          @Override
          public void unoffloaded(String providerClusterId, String localNamespace) {
            told.add("unoffloaded " + providerClusterId + " " + localNamespace);
          }
        };
    offloadings = new NamespaceOffloadings(venice, VENICE, List.of(recorder));
    offloadings.start();
    offloadings.connected(new ProviderLink(NAPLES, "liqo-naples", naples));
    offloadings.connected(new ProviderLink(FLORENCE, "liqo-florence", florence));
  }

  @AfterAll
  static void stop() {
    if (offloadings != null) {
      offloadings.close();
    }
  }

  @Test
  void offloadsOnlyToTheSelectedClusterAndReportsAsTheTutorialShows() {
    String ns = "liqo-demo";
    offload(ns, NamespaceMappingStrategy.ENFORCE_SAME_NAME, null, "south");

    await().atMost(TIMEOUT).until(() -> "liqo-demo".equals(desired(naples, ns)));
    NamespaceOffloadingStatus pending =
        awaitStatus(ns, s -> s.getOffloadingPhase() == OffloadingPhase.IN_PROGRESS);
    assertThat(ready(pending, NAPLES).getStatus()).isEqualTo(ConditionStatus.FALSE);
    assertThat(ready(pending, NAPLES).getReason()).isEqualTo("RemoteNamespaceCreationPending");
    assertThat(told).noneMatch(line -> line.contains(" liqo-demo"));

    report(naples, ns, "liqo-demo", MappingPhase.ACCEPTED);

    NamespaceOffloadingStatus status =
        awaitStatus(ns, s -> s.getOffloadingPhase() == OffloadingPhase.READY);
    assertThat(status.getRemoteNamespaceName()).isEqualTo("liqo-demo");
    assertThat(status.getRemoteNamespacesConditions())
        .containsOnlyKeys(NAPLES.clusterId(), FLORENCE.clusterId());
    List<RemoteNamespaceCondition> florenceConditions =
        status.getRemoteNamespacesConditions().get(FLORENCE.clusterId());
    assertThat(florenceConditions).hasSize(1);
    assertCondition(
        florenceConditions.get(0),
        RemoteNamespaceConditionType.OFFLOADING_REQUIRED,
        ConditionStatus.FALSE,
        "ClusterNotSelected",
        "You have not selected this cluster through ClusterSelector fields");
    List<RemoteNamespaceCondition> naplesConditions =
        status.getRemoteNamespacesConditions().get(NAPLES.clusterId());
    assertThat(naplesConditions).hasSize(2);
    assertCondition(
        naplesConditions.get(0),
        RemoteNamespaceConditionType.OFFLOADING_REQUIRED,
        ConditionStatus.TRUE,
        "ClusterSelected",
        "The remote cluster has been selected through the ClusterSelector field");
    assertCondition(
        naplesConditions.get(1),
        RemoteNamespaceConditionType.READY,
        ConditionStatus.TRUE,
        "RemoteNamespaceCreated",
        "Namespace correctly offloaded on this cluster");
    NamespaceOffloading offloading = offloading(ns);
    assertThat(status.getObservedGeneration()).isEqualTo(offloading.getMetadata().getGeneration());
    assertThat(offloading.getMetadata().getFinalizers()).contains(Finalizers.NAMESPACE_OFFLOADING);
    assertThat(desired(florence, ns)).as("florence is not asked for the namespace").isNull();
    assertThat(told).contains("offloaded naples-7881be liqo-demo->liqo-demo");
    assertThat(told).noneMatch(line -> line.startsWith("offloaded florence") && line.contains(ns));
    assertThat(venice.namespaces().withName(ns).get().getMetadata().getLabels())
        .containsEntry(Labels.SCHEDULING_ENABLED, "true");
    assertThat(veniceCluster.kubectl("get", "namespaceoffloadings", "-n", ns))
        .containsPattern("offloading\\s+EnforceSameName\\s+LocalAndRemote\\s+Ready");
  }

  @Test
  void changingTheSelectorMovesTheNamespaceAndKeepsItsDefaultName() {
    String ns = "moving";
    String remote = "moving-venice-a1b2c3";
    offload(ns, null, null, "south");
    offload("staying", null, null, "south");
    await().atMost(TIMEOUT).until(() -> remote.equals(desired(naples, ns)));
    await().atMost(TIMEOUT).until(() -> desired(naples, "staying") != null);
    report(naples, ns, remote, MappingPhase.ACCEPTED);
    await().atMost(TIMEOUT).until(() -> told.contains("offloaded naples-7881be moving->" + remote));

    venice
        .resources(NamespaceOffloading.class)
        .inNamespace(ns)
        .withName(NamespaceOffloading.DEFAULT_NAME)
        .edit(
            o -> {
              o.getSpec().setClusterSelector(selector("center"));
              return o;
            });

    await().atMost(TIMEOUT).until(() -> remote.equals(desired(florence, ns)));
    await().atMost(TIMEOUT).until(() -> desired(naples, ns) == null);
    await().atMost(TIMEOUT).until(() -> told.contains("unoffloaded naples-7881be moving"));
    NamespaceOffloadingStatus status =
        awaitStatus(
            ns,
            s ->
                s.getRemoteNamespacesConditions().get(NAPLES.clusterId()).size() == 1
                    && s.getOffloadingPhase() == OffloadingPhase.IN_PROGRESS);
    assertThat(status.getRemoteNamespaceName()).isEqualTo(remote);
    assertThat(status.getRemoteNamespacesConditions().get(NAPLES.clusterId()).get(0).getReason())
        .isEqualTo("ClusterNotSelected");
    assertThat(ready(status, FLORENCE).getReason()).isEqualTo("RemoteNamespaceCreationPending");
    assertThat(desired(naples, "staying"))
        .as("other namespaces' entries stay")
        .isEqualTo("staying-venice-a1b2c3");
  }

  @Test
  void selectedNameIsUsedAndAMissingOneIsReportedWithTheFix() {
    offload("chosen", NamespaceMappingStrategy.SELECTED_NAME, "chosen-elsewhere", "south");
    await().atMost(TIMEOUT).until(() -> "chosen-elsewhere".equals(desired(naples, "chosen")));
    assertThat(
            awaitStatus("chosen", s -> s.getRemoteNamespaceName() != null).getRemoteNamespaceName())
        .isEqualTo("chosen-elsewhere");

    offload("unnamed", NamespaceMappingStrategy.SELECTED_NAME, null, "south");
    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                warnings("unnamed", "InvalidNamespaceOffloading").stream()
                    .anyMatch(
                        m ->
                            m.contains("spec.remoteNamespaceName is missing")
                                && m.contains("set it to the name of the twin namespace")));
    assertThat(desired(naples, "unnamed")).isNull();
  }

  @Test
  void aProviderThatCannotCreateTheNamespaceFailsTheOffloading() {
    String ns = "clash";
    offload(ns, NamespaceMappingStrategy.ENFORCE_SAME_NAME, null, "south", "center");
    await()
        .atMost(TIMEOUT)
        .until(() -> ns.equals(desired(naples, ns)) && ns.equals(desired(florence, ns)));

    report(naples, ns, ns, MappingPhase.CREATION_LOOP_BACK_OFF);
    report(florence, ns, ns, MappingPhase.ACCEPTED);
    NamespaceOffloadingStatus some =
        awaitStatus(ns, s -> s.getOffloadingPhase() == OffloadingPhase.SOME_FAILED);
    assertThat(ready(some, NAPLES).getStatus()).isEqualTo(ConditionStatus.FALSE);
    assertThat(ready(some, NAPLES).getReason()).isEqualTo("CreationLoopBackOff");
    assertThat(ready(some, FLORENCE).getStatus()).isEqualTo(ConditionStatus.TRUE);
    await().atMost(TIMEOUT).until(() -> told.contains("offloaded florence-539f8b clash->clash"));
    assertThat(told).doesNotContain("offloaded naples-7881be clash->clash");

    report(florence, ns, ns, MappingPhase.CREATION_LOOP_BACK_OFF);
    awaitStatus(ns, s -> s.getOffloadingPhase() == OffloadingPhase.ALL_FAILED);
    await().atMost(TIMEOUT).until(() -> told.contains("unoffloaded florence-539f8b clash"));
  }

  @Test
  void aNamespaceLabelledEnabledGetsTheDefaultOffloading() {
    String ns = "labelled";
    venice
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(ns)
                .addToLabels(Labels.OFFLOADING_ENABLED, "true")
                .endMetadata()
                .build())
        .create();

    await().atMost(TIMEOUT).until(() -> offloading(ns) != null);
    NamespaceOffloadingSpec spec = offloading(ns).getSpec();
    assertThat(spec.getNamespaceMappingStrategy()).isEqualTo(NamespaceMappingStrategy.DEFAULT_NAME);
    assertThat(spec.getPodOffloadingStrategy()).isEqualTo(PodOffloadingStrategy.LOCAL_AND_REMOTE);
    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                "labelled-venice-a1b2c3".equals(desired(naples, ns))
                    && "labelled-venice-a1b2c3".equals(desired(florence, ns)));
  }

  @Test
  void anOffloadingWithAnotherNameIsIgnoredWithAWarning() {
    String ns = "misnamed";
    createNamespace(ns);
    NamespaceOffloading other = newOffloading(ns, null, null);
    other.getMetadata().setName("my-offloading");
    venice.resource(other).create();

    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                warnings(ns, "IgnoredNamespaceOffloading").stream()
                    .anyMatch(m -> m.contains("only the one named 'offloading'")));
    assertThat(desired(naples, ns)).isNull();
    assertThat(desired(florence, ns)).isNull();
  }

  @Test
  void deletionWithdrawsTheNamespaceAndReleasesTheFinalizerOnceTheProviderIsDone() {
    String ns = "leaving";
    String remote = "leaving-venice-a1b2c3";
    offload(ns, null, null, "south");
    await().atMost(TIMEOUT).until(() -> remote.equals(desired(naples, ns)));
    report(naples, ns, remote, MappingPhase.ACCEPTED);
    awaitStatus(ns, s -> s.getOffloadingPhase() == OffloadingPhase.READY);
    Pod offloaded =
        venice
            .pods()
            .inNamespace(ns)
            .resource(
                new PodBuilder()
                    .withNewMetadata()
                    .withName("offloaded")
                    .endMetadata()
                    .withNewSpec()
                    .withNodeName("liqo-naples")
                    .withTolerations(Taints.virtualNodeToleration())
                    .addNewContainer()
                    .withName("app")
                    .withImage("nginx")
                    .endContainer()
                    .endSpec()
                    .build())
            .create();
    venice
        .pods()
        .inNamespace(ns)
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("local")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage("nginx")
                .endContainer()
                .endSpec()
                .build())
        .create();

    venice.resource(offloading(ns)).delete();

    awaitStatus(ns, s -> s.getOffloadingPhase() == OffloadingPhase.TERMINATING);
    await().atMost(TIMEOUT).until(() -> desired(naples, ns) == null);
    await().atMost(TIMEOUT).until(() -> told.contains("unoffloaded naples-7881be leaving"));
    assertThat(offloading(ns)).as("held while naples still reports the namespace").isNotNull();

    dropReport(naples, ns);

    await().atMost(TIMEOUT).until(() -> offloading(ns) == null);
    Pod after = venice.pods().inNamespace(ns).withName("offloaded").get();
    assertThat(after == null || after.getMetadata().getDeletionTimestamp() != null)
        .as("the pod on the virtual node is deleted")
        .isTrue();
    assertThat(after == null ? null : after.getMetadata().getUid())
        .isIn(null, offloaded.getMetadata().getUid());
    assertThat(
            venice
                .pods()
                .inNamespace(ns)
                .withName("local")
                .get()
                .getMetadata()
                .getDeletionTimestamp())
        .as("a local pod stays")
        .isNull();
    assertThat(venice.namespaces().withName(ns).get().getMetadata().getLabels())
        .doesNotContainKey(Labels.SCHEDULING_ENABLED);
  }

  @Test
  void aDisconnectionIsReportedAndTheReconnectionResumes() {
    String ns = "paused";
    String remote = "paused-venice-a1b2c3";
    offload(ns, null, null, "center");
    await().atMost(TIMEOUT).until(() -> remote.equals(desired(florence, ns)));
    report(florence, ns, remote, MappingPhase.ACCEPTED);
    awaitStatus(ns, s -> s.getOffloadingPhase() == OffloadingPhase.READY);

    offloadings.disconnected(FLORENCE.clusterId());
    try {
      NamespaceOffloadingStatus away =
          awaitStatus(ns, s -> s.getOffloadingPhase() == OffloadingPhase.IN_PROGRESS);
      assertThat(ready(away, FLORENCE).getReason()).isEqualTo("ProviderNotConnected");
      assertThat(ready(away, FLORENCE).getMessage()).contains("not connected");
      assertThat(told)
          .as("reflection waits for the reconnection")
          .doesNotContain("unoffloaded florence-539f8b paused");
    } finally {
      offloadings.connected(new ProviderLink(FLORENCE, "liqo-florence", florence));
    }

    NamespaceOffloadingStatus back =
        awaitStatus(ns, s -> s.getOffloadingPhase() == OffloadingPhase.READY);
    assertThat(ready(back, FLORENCE).getReason()).isEqualTo("RemoteNamespaceCreated");
  }

  @Test
  void aDisconnectedProviderDoesNotHoldTheDeletion() {
    ClusterIdentity genoa =
        ClusterIdentity.builder().clusterId("genoa-0c0ffe").clusterName("genoa").build();
    virtualNode("liqo-genoa", genoa.clusterId(), "north");
    try {
      String ns = "stranded";
      offload(ns, null, null, "north");
      NamespaceOffloadingStatus status =
          awaitStatus(
              ns,
              s ->
                  s.getRemoteNamespacesConditions() != null
                      && s.getRemoteNamespacesConditions().containsKey(genoa.clusterId())
                      && s.getOffloadingPhase() == OffloadingPhase.IN_PROGRESS);
      assertThat(ready(status, genoa).getReason()).isEqualTo("ProviderNotConnected");

      venice.resource(offloading(ns)).delete();

      await().atMost(TIMEOUT).until(() -> offloading(ns) == null);
      assertThat(warnings(ns, "ProviderNotConnected"))
          .anySatisfy(
              m ->
                  assertThat(m)
                      .contains("genoa-0c0ffe is not connected")
                      .contains("stranded-venice-a1b2c3")
                      .contains("when the peering with genoa-0c0ffe is torn down"));
    } finally {
      venice.nodes().withName("liqo-genoa").delete();
    }
  }

  // --- the world around the component --------------------------------------------------------

  private static void virtualNode(String name, String clusterId, String region) {
    venice
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels(Labels.TYPE, Labels.TYPE_VIRTUAL_NODE)
                .addToLabels(Labels.REMOTE_CLUSTER_ID, clusterId)
                .addToLabels(REGION, region)
                .endMetadata()
                .withNewSpec()
                .withTaints(Taints.virtualNode())
                .endSpec()
                .build())
        .create();
  }

  private static void createNamespace(String ns) {
    venice
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
  }

  private static void offload(
      String ns, NamespaceMappingStrategy strategy, String remoteName, String... regions) {
    createNamespace(ns);
    venice.resource(newOffloading(ns, strategy, remoteName, regions)).create();
  }

  private static NamespaceOffloading newOffloading(
      String ns, NamespaceMappingStrategy strategy, String remoteName, String... regions) {
    NamespaceOffloading offloading = new NamespaceOffloading();
    offloading.getMetadata().setName(NamespaceOffloading.DEFAULT_NAME);
    offloading.getMetadata().setNamespace(ns);
    NamespaceOffloadingSpec spec = new NamespaceOffloadingSpec();
    spec.setNamespaceMappingStrategy(strategy);
    spec.setRemoteNamespaceName(remoteName);
    spec.setPodOffloadingStrategy(PodOffloadingStrategy.LOCAL_AND_REMOTE);
    spec.setClusterSelector(regions.length == 0 ? null : selector(regions));
    offloading.setSpec(spec);
    return offloading;
  }

  private static NodeSelector selector(String... regions) {
    NodeSelectorTerm term = new NodeSelectorTerm();
    term.setMatchExpressions(List.of(new NodeSelectorRequirement(REGION, "In", List.of(regions))));
    return new NodeSelector(List.of(term));
  }

  private static NamespaceOffloading offloading(String ns) {
    return venice
        .resources(NamespaceOffloading.class)
        .inNamespace(ns)
        .withName(NamespaceOffloading.DEFAULT_NAME)
        .get();
  }

  private static NamespaceOffloadingStatus awaitStatus(
      String ns, Predicate<NamespaceOffloadingStatus> condition) {
    return await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              NamespaceOffloading offloading = offloading(ns);
              return offloading == null ? null : offloading.getStatus();
            },
            status -> status != null && condition.test(status));
  }

  private static RemoteNamespaceCondition ready(
      NamespaceOffloadingStatus status, ClusterIdentity cluster) {
    return status.getRemoteNamespacesConditions().get(cluster.clusterId()).stream()
        .filter(c -> c.getType() == RemoteNamespaceConditionType.READY)
        .findFirst()
        .orElseThrow();
  }

  private static void assertCondition(
      RemoteNamespaceCondition condition,
      RemoteNamespaceConditionType type,
      ConditionStatus status,
      String reason,
      String message) {
    assertThat(condition.getType()).isEqualTo(type);
    assertThat(condition.getStatus()).isEqualTo(status);
    assertThat(condition.getReason()).isEqualTo(reason);
    assertThat(condition.getMessage()).isEqualTo(message);
    assertThat(condition.getLastTransitionTime()).isNotBlank();
  }

  private static List<String> warnings(String ns, String reason) {
    return venice.v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> "Warning".equals(e.getType()) && reason.equals(e.getReason()))
        .map(Event::getMessage)
        .toList();
  }

  // --- playing the provider --------------------------------------------------------------------

  private static NamespaceMap map(KubernetesClient provider) {
    return provider
        .resources(NamespaceMap.class)
        .inNamespace(TENANT)
        .withName(VENICE.clusterId())
        .get();
  }

  private static String desired(KubernetesClient provider, String ns) {
    NamespaceMap map = map(provider);
    return map == null || map.getSpec() == null || map.getSpec().getDesiredMapping() == null
        ? null
        : map.getSpec().getDesiredMapping().get(ns);
  }

  private static void report(
      KubernetesClient provider, String ns, String remote, MappingPhase phase) {
    provider
        .resources(NamespaceMap.class)
        .inNamespace(TENANT)
        .withName(VENICE.clusterId())
        .editStatus(
            map -> {
              NamespaceMapStatus status =
                  map.getStatus() == null ? new NamespaceMapStatus() : map.getStatus();
              Map<String, RemoteNamespaceStatus> mapping =
                  status.getCurrentMapping() == null
                      ? new HashMap<>()
                      : new HashMap<>(status.getCurrentMapping());
              RemoteNamespaceStatus entry = new RemoteNamespaceStatus();
              entry.setRemoteNamespace(remote);
              entry.setPhase(phase);
              mapping.put(ns, entry);
              status.setCurrentMapping(mapping);
              map.setStatus(status);
              return map;
            });
  }

  private static void dropReport(KubernetesClient provider, String ns) {
    provider
        .resources(NamespaceMap.class)
        .inNamespace(TENANT)
        .withName(VENICE.clusterId())
        .editStatus(
            map -> {
              Map<String, RemoteNamespaceStatus> mapping =
                  new HashMap<>(map.getStatus().getCurrentMapping());
              mapping.remove(ns);
              map.getStatus().setCurrentMapping(mapping);
              return map;
            });
  }
}
