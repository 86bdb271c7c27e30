package io.liqojava.samples.plugin;

import static io.liqojava.samples.plugin.FeatureFlagReflectorProvider.ORIGIN_CLUSTER_ANNOTATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.reflection.ReflectionConfig;
import io.liqojava.core.reflection.ReflectionManager;
import io.liqojava.core.reflection.ReflectorRegistry;
import io.liqojava.reflection.spi.NamespacePair;
import io.liqojava.reflection.spi.ReflectedResource;
import io.liqojava.reflection.spi.ReflectorProvider;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.junit.Cluster;
import io.liqojava.testing.junit.LocalClusters;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The plugin as the agent runs it: discovered on the classpath, in a reflection manager between two
 * real clusters. The tests check what a user sees in either cluster.
 */
@LocalClusters({"origin", "provider"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeatureFlagReflectionTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ClusterIdentity ORIGIN =
      ClusterIdentity.builder().clusterId("origin-abc123").clusterName("origin").build();
  private static final ClusterIdentity PROVIDER =
      ClusterIdentity.builder().clusterId("provider-def456").clusterName("provider").build();
  private static final NamespacePair SHOP = NamespacePair.of("shop", "shop-origin");

  private final ReflectorRegistry registry = ReflectorRegistry.discover();
  private KubernetesClient local;
  private KubernetesClient remote;
  private ReflectionManager manager;

  @BeforeAll
  void startReflection(
      @Cluster("origin") LocalCluster origin, @Cluster("provider") LocalCluster provider) {
    local = origin.client();
    remote = provider.client();
    FeatureFlagCrd.install(local);
    FeatureFlagCrd.install(remote);
    createNamespace(local, SHOP.local());
    createNamespace(remote, SHOP.remote());
    manager =
        ReflectionManager.builder(local, remote, ORIGIN, PROVIDER)
            .registry(registry)
            .config(onlyFeatureFlags())
            .start();
    manager.startReflection(SHOP);
    await().atMost(TIMEOUT).until(() -> manager.isSynced(SHOP.local()));
  }

  @AfterAll
  void stopReflection() {
    if (manager != null) {
      manager.close();
    }
  }

  @Test
  void serviceLoaderFindsThePlugin() {
    assertThat(registry.providers()).anyMatch(FeatureFlagReflectorProvider.class::isInstance);
    assertThat(manager.reflectors())
        .extracting(ReflectorProvider::name)
        .containsExactly("featureflags");
  }

  @Test
  void reflectsAFlagWithItsSpecLabelsAndOrigin() {
    FeatureFlag flag = localFlags().resource(TestFlags.flag("one-page-checkout", 25)).create();

    FeatureFlag reflected = awaitReflection("one-page-checkout", 25);

    assertThat(reflected.getSpec()).isEqualTo(flag.getSpec());
    assertThat(reflected.getMetadata().getLabels())
        .containsEntry("app", "shop")
        .containsEntry(Labels.REFLECTION_ORIGIN, ORIGIN.clusterId())
        .containsEntry(Labels.REFLECTION_DESTINATION, PROVIDER.clusterId())
        .containsEntry(Labels.MANAGED_BY, Labels.MANAGED_BY_REFLECTION);
    assertThat(reflected.getMetadata().getAnnotations())
        .containsEntry(ORIGIN_CLUSTER_ANNOTATION, ORIGIN.clusterName());
  }

  @Test
  void followsTheSpecButLeavesEachClusterItsOwnStatus() {
    FeatureFlag flag = localFlags().resource(TestFlags.flag("dark-mode", 10)).create();
    FeatureFlag reflected = awaitReflection("dark-mode", 10);
    // What the flag's readers report, each in their own cluster.
    flag.setStatus(new FeatureFlagStatus(1L));
    localFlags().resource(flag).updateStatus();
    reflected.setStatus(new FeatureFlagStatus(7L));
    remoteFlags().resource(reflected).updateStatus();

    localFlags()
        .withName("dark-mode")
        .edit(
            changed -> {
              changed.getSpec().setRolloutPercent(50);
              return changed;
            });

    assertThat(awaitReflection("dark-mode", 50).getStatus()).isEqualTo(new FeatureFlagStatus(7L));
  }

  @Test
  void rejectsAnOutOfRangeRolloutUntilItIsFixed() {
    FeatureFlag flag = localFlags().resource(TestFlags.flag("everyone-twice", 200)).create();

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(failedReflectionsOf(flag))
                    .anySatisfy(
                        message ->
                            assertThat(message)
                                .contains("spec.rolloutPercent is 200; set it between 0 and 100")));
    assertThat(remoteFlags().withName("everyone-twice").get()).as("reflection").isNull();

    localFlags()
        .withName("everyone-twice")
        .edit(
            fixed -> {
              fixed.getSpec().setRolloutPercent(100);
              return fixed;
            });

    awaitReflection("everyone-twice", 100);
  }

  /** Reflects FeatureFlags only, whatever else is on the classpath: 0 workers for the rest. */
  private ReflectionConfig onlyFeatureFlags() {
    var config = ReflectionConfig.builder();
    registry.providers().stream()
        .map(ReflectorProvider::resource)
        .distinct()
        .filter(resource -> !resource.equals(ReflectedResource.of(FeatureFlag.class)))
        .forEach(resource -> config.putWorkers(resource, 0));
    return config.build();
  }

  private FeatureFlag awaitReflection(String name, int rolloutPercent) {
    return await()
        .atMost(TIMEOUT)
        .until(
            () -> remoteFlags().withName(name).get(),
            reflected ->
                reflected != null && reflected.getSpec().getRolloutPercent() == rolloutPercent);
  }

  private List<String> failedReflectionsOf(FeatureFlag flag) {
    return local
        .v1()
        .events()
        .inNamespace(SHOP.local())
        .withField("involvedObject.uid", flag.getMetadata().getUid())
        .withField("reason", "FailedReflection")
        .withField("type", "Warning")
        .list()
        .getItems()
        .stream()
        .map(Event::getMessage)
        .toList();
  }

  private NonNamespaceOperation<
          FeatureFlag, KubernetesResourceList<FeatureFlag>, Resource<FeatureFlag>>
      localFlags() {
    return local.resources(FeatureFlag.class).inNamespace(SHOP.local());
  }

  private NonNamespaceOperation<
          FeatureFlag, KubernetesResourceList<FeatureFlag>, Resource<FeatureFlag>>
      remoteFlags() {
    return remote.resources(FeatureFlag.class).inNamespace(SHOP.remote());
  }

  private static void createNamespace(KubernetesClient client, String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .serverSideApply();
  }
}
