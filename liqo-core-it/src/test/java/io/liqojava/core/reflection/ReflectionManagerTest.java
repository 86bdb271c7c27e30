package io.liqojava.core.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.consts.Annotations;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.reflection.spi.NamespacePair;
import io.liqojava.reflection.spi.PolicyType;
import io.liqojava.reflection.spi.ReflectedResource;
import io.liqojava.reflection.spi.ReflectionPolicy;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.junit.Cluster;
import io.liqojava.testing.junit.LocalClusters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reflection manager against two real clusters, with reflectors that copy objects as they are:
 * what it adds to any reflector (ownership, conflicts, policies, workers, restarts, outages).
 */
@LocalClusters({"rome", "milan"})
class ReflectionManagerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ClusterIdentity ROME =
      ClusterIdentity.builder().clusterId("rome-aaaaaa").clusterName("rome").build();
  private static final ClusterIdentity MILAN =
      ClusterIdentity.builder().clusterId("milan-bbbbbb").clusterName("milan").build();
  private static final ReflectedResource CONFIG_MAP = ReflectedResource.of(ConfigMap.class);

  private static KubernetesClient rome;
  private static KubernetesClient milan;

  @BeforeAll
  static void clients(
      @Cluster("rome") LocalCluster romeCluster, @Cluster("milan") LocalCluster milanCluster) {
    rome = romeCluster.client();
    milan = milanCluster.client();
  }

  @Test
  void reflectsCreationsUpdatesAndDeletionsWithOwnershipLabels() {
    NamespacePair pair = pair("basics");
    try (ReflectionManager manager = start(ReflectionConfig.defaults())) {
      manager.startReflection(pair);
      create(pair.local(), "settings", Map.of("color", "blue"), Map.of("team", "web"), Map.of());
      ConfigMap remote =
          awaitRemote(pair, "settings", cm -> "blue".equals(cm.getData().get("color")));
      assertThat(remote.getMetadata().getLabels())
          .containsEntry("team", "web")
          .containsEntry(Labels.REFLECTION_ORIGIN, ROME.clusterId())
          .containsEntry(Labels.REFLECTION_DESTINATION, MILAN.clusterId())
          .containsEntry(Labels.MANAGED_BY, Labels.MANAGED_BY_REFLECTION);
      assertThat(remote.getMetadata().getAnnotations())
          .containsEntry(Annotations.REFLECTION_SOURCE, "settings");

      rome.configMaps()
          .inNamespace(pair.local())
          .withName("settings")
          .edit(
              cm ->
                  new ConfigMapBuilder(cm)
                      .withData(Map.of("color", "red"))
                      .editMetadata()
                      .withLabels(Map.of())
                      .endMetadata()
                      .build());
      ConfigMap updated =
          awaitRemote(pair, "settings", cm -> "red".equals(cm.getData().get("color")));
      assertThat(updated.getMetadata().getLabels())
          .as("a label removed locally")
          .doesNotContainKey("team");

      rome.configMaps().inNamespace(pair.local()).withName("settings").delete();
      await().atMost(TIMEOUT).until(() -> remote(pair, "settings") == null);
    }
  }

  @Test
  void leavesAForeignObjectAloneAndRecordsFailedReflection() {
    NamespacePair pair = pair("foreign");
    ConfigMap foreign =
        milan
            .configMaps()
            .inNamespace(pair.remote())
            .resource(
                new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName("shared")
                    .endMetadata()
                    .withData(Map.of("owner", "milan"))
                    .build())
            .create();
    try (ReflectionManager manager = start(ReflectionConfig.defaults())) {
      manager.startReflection(pair);
      ConfigMap local = create(pair.local(), "shared", Map.of("owner", "rome"), Map.of(), Map.of());
      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () ->
                  assertThat(warnings(pair.local(), local))
                      .anySatisfy(
                          message ->
                              assertThat(message)
                                  .contains(
                                      "ConfigMap foreign-rome/shared already exists in cluster milan")
                                  .contains("left untouched")));
      ConfigMap after = remote(pair, "shared");
      assertThat(after.getData()).containsEntry("owner", "milan");
      assertThat(after.getMetadata().getResourceVersion())
          .isEqualTo(foreign.getMetadata().getResourceVersion());

      milan.resource(after).delete();
      awaitRemote(pair, "shared", cm -> "rome".equals(cm.getData().get("owner")));
    }
  }

  @Test
  void denyListSkipsAnnotatedObjectsAndAllowListTakesOnlyAnnotatedOnes() {
    NamespacePair denied = pair("denylist");
    NamespacePair allowed = pair("allowlist");
    try (ReflectionManager denyList = start(ReflectionConfig.defaults());
        ReflectionManager allowList =
            start(
                ReflectionConfig.builder()
                    .defaultPolicy(ReflectionPolicy.builder().type(PolicyType.ALLOW_LIST).build())
                    .build())) {
      denyList.startReflection(denied);
      allowList.startReflection(allowed);

      create(
          denied.local(),
          "skipped",
          Map.of("a", "1"),
          Map.of(),
          Map.of(Annotations.SKIP_REFLECTION, "true"));
      create(denied.local(), "plain", Map.of("a", "1"), Map.of(), Map.of());
      awaitRemote(denied, "plain", cm -> true);
      assertThat(remote(denied, "skipped")).as("skipped under a deny list").isNull();

      create(
          allowed.local(),
          "chosen",
          Map.of("a", "1"),
          Map.of(),
          Map.of(Annotations.ALLOW_REFLECTION, "true"));
      create(allowed.local(), "plain", Map.of("a", "1"), Map.of(), Map.of());
      awaitRemote(allowed, "chosen", cm -> true);
      assertThat(remote(allowed, "plain")).as("not chosen under an allow list").isNull();

      rome.configMaps()
          .inNamespace(denied.local())
          .withName("plain")
          .edit(
              cm ->
                  new ConfigMapBuilder(cm)
                      .editMetadata()
                      .addToAnnotations(Annotations.SKIP_REFLECTION, "true")
                      .endMetadata()
                      .build());
      await("reflection of an object that became skipped")
          .atMost(TIMEOUT)
          .until(() -> remote(denied, "plain") == null);
    }
  }

  @Test
  void leavesOutLabelsAndAnnotationsThePolicyLists() {
    NamespacePair pair = pair("skiplist");
    ReflectionConfig config =
        ReflectionConfig.builder()
            .putPolicies(
                CONFIG_MAP,
                ReflectionPolicy.builder()
                    .addLabelsNotReflected("argocd.argoproj.io/instance")
                    .addAnnotationsNotReflected("kubectl.kubernetes.io/last-applied-configuration")
                    .build())
            .build();
    try (ReflectionManager manager = start(config)) {
      manager.startReflection(pair);
      create(
          pair.local(),
          "app",
          Map.of("k", "v"),
          Map.of("argocd.argoproj.io/instance", "shop", "app", "shop"),
          Map.of("kubectl.kubernetes.io/last-applied-configuration", "{}", "note", "kept"));
      ConfigMap remote = awaitRemote(pair, "app", cm -> true);
      assertThat(remote.getMetadata().getLabels())
          .containsEntry("app", "shop")
          .doesNotContainKey("argocd.argoproj.io/instance");
      assertThat(remote.getMetadata().getAnnotations())
          .containsEntry("note", "kept")
          .doesNotContainKey("kubectl.kubernetes.io/last-applied-configuration");
    }
  }

  @Test
  void zeroWorkersTurnsAResourceOff() {
    NamespacePair pair = pair("workers");
    ReflectionConfig config =
        ReflectionConfig.builder().putWorkers(ReflectedResource.of("", "Secret"), 0).build();
    try (ReflectionManager manager = start(config)) {
      assertThat(manager.reflectors()).extracting(p -> p.name()).containsExactly("test-configmaps");
      manager.startReflection(pair);
      rome.secrets()
          .inNamespace(pair.local())
          .resource(
              new SecretBuilder()
                  .withNewMetadata()
                  .withName("token")
                  .endMetadata()
                  .addToStringData("t", "x")
                  .build())
          .create();
      create(pair.local(), "witness", Map.of("a", "1"), Map.of(), Map.of());
      awaitRemote(pair, "witness", cm -> true);
      assertThat(milan.secrets().inNamespace(pair.remote()).withName("token").get()).isNull();
    }
  }

  @Test
  void convergesAfterARestartWithoutRewritingWhatIsUnchanged() {
    NamespacePair pair = pair("restart");
    ConfigMap kept;
    try (ReflectionManager manager = start(ReflectionConfig.defaults())) {
      manager.startReflection(pair);
      create(pair.local(), "kept", Map.of("v", "1"), Map.of(), Map.of());
      create(pair.local(), "changed", Map.of("v", "1"), Map.of(), Map.of());
      create(pair.local(), "removed", Map.of("v", "1"), Map.of(), Map.of());
      kept = awaitRemote(pair, "kept", cm -> true);
      awaitRemote(pair, "changed", cm -> true);
      awaitRemote(pair, "removed", cm -> true);
    }
    // The agent is down: the origin changes.
    rome.configMaps()
        .inNamespace(pair.local())
        .withName("changed")
        .edit(cm -> new ConfigMapBuilder(cm).withData(Map.of("v", "2")).build());
    rome.configMaps().inNamespace(pair.local()).withName("removed").delete();
    create(pair.local(), "added", Map.of("v", "1"), Map.of(), Map.of());

    try (ReflectionManager manager = start(ReflectionConfig.defaults())) {
      manager.startReflection(pair);
      awaitRemote(pair, "changed", cm -> "2".equals(cm.getData().get("v")));
      awaitRemote(pair, "added", cm -> true);
      await().atMost(TIMEOUT).until(() -> remote(pair, "removed") == null);
      await()
          .atMost(TIMEOUT)
          .until(() -> manager.isSynced(pair.local()) && manager.queueDepth() == 0);
      assertThat(remote(pair, "kept").getMetadata().getResourceVersion())
          .as("an unchanged reflection is not written again")
          .isEqualTo(kept.getMetadata().getResourceVersion());
    }
  }

  @Test
  void resumesAfterTheRemoteApiServerRestarts(@Cluster("milan") LocalCluster milanCluster) {
    NamespacePair pair = pair("outage");
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    try (ReflectionManager manager =
        ReflectionManager.builder(rome, milan, ROME, MILAN)
            .registry(registry())
            .meterRegistry(meters)
            .start()) {
      manager.startReflection(pair);
      create(pair.local(), "before", Map.of("v", "1"), Map.of(), Map.of());
      awaitRemote(pair, "before", cm -> true);

      milanCluster.stopApiServer();
      try {
        create(pair.local(), "during", Map.of("v", "1"), Map.of(), Map.of());
        rome.configMaps()
            .inNamespace(pair.local())
            .withName("before")
            .edit(cm -> new ConfigMapBuilder(cm).withData(Map.of("v", "2")).build());
      } finally {
        milanCluster.startApiServer();
      }
      awaitRemote(pair, "during", cm -> true);
      awaitRemote(pair, "before", cm -> "2".equals(cm.getData().get("v")));

      assertThat(meters.get("liqo.reflection.items").tag("outcome", "applied").counter().count())
          .isGreaterThanOrEqualTo(3);
      assertThat(meters.get("liqo.reflection.latency").timer().count()).isPositive();
      assertThat(meters.get("liqo.reflection.queue.depth").gauge()).isNotNull();
    }
  }

  @Test
  void refusesToPairALocalNamespaceTwice() {
    try (ReflectionManager manager = start(ReflectionConfig.defaults())) {
      manager.startReflection(NamespacePair.of("twice", "twice-a"));
      manager.startReflection(NamespacePair.of("twice", "twice-a"));
      assertThatThrownBy(() -> manager.startReflection(NamespacePair.of("twice", "twice-b")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("twice is already reflected to twice-a");
    }
  }

  @Test
  void namesAMissingProviderAndTheAvailableOnes() {
    ReflectionConfig config =
        ReflectionConfig.builder().putProviders(CONFIG_MAP, "fancy-configmaps").build();
    assertThatThrownBy(() -> start(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "no reflector provider named 'fancy-configmaps' for ConfigMap; available: test-configmaps");
  }

  private static ReflectorRegistry registry() {
    return ReflectorRegistry.of(List.of(VerbatimProvider.configMaps(), VerbatimProvider.secrets()));
  }

  private static ReflectionManager start(ReflectionConfig config) {
    return ReflectionManager.builder(rome, milan, ROME, MILAN)
        .registry(registry())
        .config(config)
        .start();
  }

  private static NamespacePair pair(String name) {
    NamespacePair pair = NamespacePair.of(name, name + "-rome");
    rome.namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(pair.local()).endMetadata().build())
        .serverSideApply();
    milan
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(pair.remote()).endMetadata().build())
        .serverSideApply();
    return pair;
  }

  private static ConfigMap create(
      String namespace,
      String name,
      Map<String, String> data,
      Map<String, String> labels,
      Map<String, String> annotations) {
    return rome.configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .withAnnotations(annotations)
                .endMetadata()
                .withData(data)
                .build())
        .create();
  }

  private static ConfigMap remote(NamespacePair pair, String name) {
    return milan.configMaps().inNamespace(pair.remote()).withName(name).get();
  }

  private static ConfigMap awaitRemote(
      NamespacePair pair, String name, java.util.function.Predicate<ConfigMap> condition) {
    return await()
        .atMost(TIMEOUT)
        .until(() -> remote(pair, name), cm -> cm != null && condition.test(cm));
  }

  private static List<String> warnings(String namespace, ConfigMap object) {
    return rome.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> object.getMetadata().getUid().equals(e.getInvolvedObject().getUid()))
        .filter(e -> "Warning".equals(e.getType()) && "FailedReflection".equals(e.getReason()))
        .map(Event::getMessage)
        .toList();
  }
}
