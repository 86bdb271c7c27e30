package io.liqojava.core.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.reflection.spi.NamespacePair;
import io.liqojava.reflection.spi.ReflectedResource;
import io.liqojava.reflection.spi.ReflectorProvider;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.junit.Cluster;
import io.liqojava.testing.junit.LocalClusters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * End-to-end benchmark of ConfigMap reflection on two local control planes, with the built-in
 * reflector and its default of 3 workers ({@code -Dbenchmark.workers=N} to change it; the bare
 * loops use as many threads). It prints, for the same API servers in the same run: the throughput
 * of reflecting 1,000 ConfigMaps and of a burst of 1,000 updates, each against a bare loop that
 * creates or updates as many ConfigMaps in the remote cluster with as many threads; and the
 * propagation latency (p50, p99) of single objects at idle. Not run by {@code ./mvnw verify}:
 * {@code ./mvnw -pl liqo-core-it verify -Dtest=ReflectionBenchmark}.
 */
@LocalClusters({"bench-origin", "bench-provider"})
class ReflectionBenchmark {

  private static final int OBJECTS = 1000;
  private static final int WRITERS = Integer.getInteger("benchmark.workers", 3);
  private static final int LATENCY_SAMPLES = 200;
  private static final Duration TIMEOUT = Duration.ofMinutes(5);
  private static final ClusterIdentity ORIGIN =
      ClusterIdentity.builder().clusterId("origin-000001").clusterName("origin").build();
  private static final ClusterIdentity PROVIDER =
      ClusterIdentity.builder().clusterId("provider-000001").clusterName("provider").build();

  @Test
  void configMaps(
      @Cluster("bench-origin") LocalCluster origin,
      @Cluster("bench-provider") LocalCluster provider)
      throws Exception {
    KubernetesClient local = origin.client();
    KubernetesClient remote = provider.client();
    namespace(local, "bench");
    namespace(remote, "bench-origin");
    namespace(remote, "baseline");
    Map<String, Long> arrivals = new ConcurrentHashMap<>();
    Map<String, String> versions = new ConcurrentHashMap<>();
    SharedIndexInformer<ConfigMap> watch = watchRemote(remote, arrivals, versions);

    // Baselines: the same API servers, written directly. The update baseline runs the origin's
    // burst of updates too, as the reflected burst does: both clusters share this machine's CPUs.
    namespace(local, "baseline-origin");
    parallel(i -> create(local, "baseline-origin", i, "v1"));
    double bareCreates = rate(() -> parallel(i -> create(remote, "baseline", i, "v1")));
    namespace(remote, "baseline-apply");
    double bareApplies = rate(() -> parallel(i -> apply(remote, "baseline-apply", i, "v1")));
    double bareUpdates =
        rate(
            () -> {
              ExecutorService originWriter = Executors.newSingleThreadExecutor();
              try {
                Future<?> burst =
                    originWriter.submit(
                        () -> parallel(i -> update(local, "baseline-origin", i, "v2")));
                parallel(i -> update(remote, "baseline", i, "v2"));
                burst.get();
              } finally {
                originWriter.shutdownNow();
              }
            });

    // Reflection of 1,000 ConfigMaps that exist before the namespace pair starts.
    parallel(i -> create(local, "bench", i, "v1"));
    try (ReflectionManager manager =
        ReflectionManager.builder(local, remote, ORIGIN, PROVIDER)
            .registry(ReflectorRegistry.of(List.of(builtinConfigMaps())))
            .config(
                ReflectionConfig.builder()
                    .putWorkers(ReflectedResource.of(ConfigMap.class), WRITERS)
                    .build())
            .start()) {
      double reflectedCreates =
          rate(
              () -> {
                manager.startReflection(NamespacePair.of("bench", "bench-origin"));
                awaitAll(versions, "v1");
              });

      // A burst of 1,000 updates while reflection runs.
      double reflectedUpdates =
          rate(
              () -> {
                parallel(i -> update(local, "bench", i, "v2"));
                awaitAll(versions, "v2");
              });

      // Latency of single objects at idle.
      long[] latencies = new long[LATENCY_SAMPLES];
      for (int i = 0; i < LATENCY_SAMPLES; i++) {
        String name = "idle-" + i;
        long start = System.nanoTime();
        local.configMaps().inNamespace("bench").resource(configMap(name, "v1")).create();
        await()
            .atMost(TIMEOUT)
            .pollInterval(Duration.ofMillis(1))
            .until(() -> arrivals.containsKey(name));
        latencies[i] = arrivals.get(name) - start;
        Thread.sleep(20);
      }
      Arrays.sort(latencies);
      System.gc();
      long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();

      System.out.printf(
          "%nReflection benchmark (ConfigMaps, %d objects, %d workers; bare loops with %d"
              + " threads)%n",
          OBJECTS, WRITERS, WRITERS);
      System.out.printf(
          "  create: reflection %7.1f/s, bare loop %7.1f/s -> %5.1f%% of bare%n",
          reflectedCreates, bareCreates, 100 * reflectedCreates / bareCreates);
      System.out.printf(
          "          bare loop of server-side applies (reflection's write) %7.1f/s -> %5.1f%%%n",
          bareApplies, 100 * reflectedCreates / bareApplies);
      System.out.printf(
          "  update: reflection %7.1f/s, bare loop %7.1f/s -> %5.1f%% of bare%n",
          reflectedUpdates, bareUpdates, 100 * reflectedUpdates / bareUpdates);
      System.out.printf(
          "  propagation at idle (%d samples): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          LATENCY_SAMPLES,
          millis(latencies[LATENCY_SAMPLES / 2]),
          millis(latencies[(int) Math.ceil(LATENCY_SAMPLES * 0.99) - 1]),
          millis(latencies[LATENCY_SAMPLES - 1]));
      System.out.printf(
          "  JVM heap in use after GC (test bed client and informers included): %d MiB%n%n",
          heap >> 20);
    } finally {
      watch.close();
    }
    assertThat(versions).hasSizeGreaterThanOrEqualTo(OBJECTS);
  }

  private static ReflectorProvider builtinConfigMaps() {
    return ReflectorRegistry.discover().providers().stream()
        .filter(p -> p.name().equals("configmaps"))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("the built-in configmaps reflector is not on the classpath"));
  }

  private static SharedIndexInformer<ConfigMap> watchRemote(
      KubernetesClient remote, Map<String, Long> arrivals, Map<String, String> versions) {
    return remote
        .configMaps()
        .inNamespace("bench-origin")
        .inform(
            new ResourceEventHandler<>() {
              @Override
              public void onAdd(ConfigMap cm) {
                arrivals.putIfAbsent(cm.getMetadata().getName(), System.nanoTime());
                record(cm);
              }

              @Override
              public void onUpdate(ConfigMap before, ConfigMap after) {
                record(after);
              }

              @Override
              public void onDelete(ConfigMap cm, boolean unknown) {}

              private void record(ConfigMap cm) {
                if (cm.getData() != null && cm.getData().get("version") != null) {
                  versions.put(cm.getMetadata().getName(), cm.getData().get("version"));
                }
              }
            });
  }

  private static void awaitAll(Map<String, String> versions, String version) {
    await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(5))
        .until(
            () -> IntStream.range(0, OBJECTS).allMatch(i -> version.equals(versions.get(name(i)))));
  }

  private interface Work {
    void run() throws Exception;
  }

  /** Objects per second that {@code work} handles. */
  private static double rate(Work work) throws Exception {
    long start = System.nanoTime();
    work.run();
    return OBJECTS / ((System.nanoTime() - start) / 1e9);
  }

  private static Void parallel(IntConsumer write) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < WRITERS; t++) {
        int first = t;
        futures.add(
            pool.submit(
                () -> {
                  for (int i = first; i < OBJECTS; i += WRITERS) {
                    write.accept(i);
                  }
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
      return null;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void create(KubernetesClient client, String namespace, int i, String version) {
    client.configMaps().inNamespace(namespace).resource(configMap(name(i), version)).create();
  }

  private static void apply(KubernetesClient client, String namespace, int i, String version) {
    client
        .configMaps()
        .inNamespace(namespace)
        .resource(configMap(name(i), version))
        .fieldManager("benchmark")
        .forceConflicts()
        .serverSideApply();
  }

  private static void update(KubernetesClient client, String namespace, int i, String version) {
    client
        .configMaps()
        .inNamespace(namespace)
        .withName(name(i))
        .patch(
            PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"version\":\"" + version + "\"}}");
  }

  private static ConfigMap configMap(String name, String version) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("app", "benchmark")
        .endMetadata()
        .addToData("version", version)
        .addToData("payload", "x".repeat(512))
        .build();
  }

  private static String name(int i) {
    return "cm-" + i;
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  private static void namespace(KubernetesClient client, String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .serverSideApply();
  }
}
