package io.liqojava.core.agent;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloading;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingSpec;
import io.liqojava.api.offloading.v1beta1.OffloadingPhase;
import io.liqojava.core.install.LiqoInstaller;
import io.liqojava.core.peering.Peering;
import io.liqojava.testing.ClusterSpec;
import io.liqojava.testing.TestBed;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * End-to-end benchmark of pod start-up on two local control planes with their agents: the time from
 * a pod's creation on the origin to the origin seeing it Running with an IP, for pods the scheduler
 * binds to a physical node and for pods it binds to the virtual node (offloaded through a ShadowPod
 * and the provider's simulated kubelet, status copied back). It prints p50, p90, p99 and max of
 * sequential starts and the wall time of a burst, for both. Not run by {@code ./mvnw verify}:
 * {@code ./mvnw -pl liqo-core-it -am verify -Dtest=PodStartBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class PodStartBenchmark {

  private static final int SEQUENTIAL = 30;
  private static final int BURST = 20;
  private static final Duration TIMEOUT = Duration.ofMinutes(3);
  private static final String NAMESPACE = "bench";

  @Test
  void podStart() {
    try (TestBed bed =
        TestBed.builder()
            .cluster(ClusterSpec.named("bench-origin"))
            .cluster(ClusterSpec.builder().name("bench-provider").podCidr("10.202.0.0/16").build())
            .start()) {
      KubernetesClient origin = bed.cluster("bench-origin").client();
      KubernetesClient provider = bed.cluster("bench-provider").client();
      new LiqoInstaller(origin).install("bench-origin", Map.of());
      new LiqoInstaller(provider).install("bench-provider", Map.of());
      try (KubernetesClient originAgentClient = bed.cluster("bench-origin").newClient();
          KubernetesClient providerAgentClient = bed.cluster("bench-provider").newClient();
          LiqoAgent originAgent = LiqoAgent.start(originAgentClient, AgentConfig.defaults());
          LiqoAgent providerAgent = LiqoAgent.start(providerAgentClient, AgentConfig.defaults())) {
        Peering.peerWithKubeconfig(origin, provider, Map.of(), line -> {});
        new Peering(origin).awaitOutgoing("bench-provider", TIMEOUT, line -> {});
        await()
            .atMost(TIMEOUT)
            .until(() -> isReady(origin.nodes().withName("liqo-bench-provider").get()));
        offload(origin);

        Map<String, Long> running = new ConcurrentHashMap<>();
        SharedIndexInformer<Pod> informer = watchRunning(origin, running);
        try {
          long[] local = sequential(origin, running, "local", "NotIn");
          long[] offloaded = sequential(origin, running, "remote", "In");
          long localBurst = burst(origin, running, "local-burst", "NotIn");
          long offloadedBurst = burst(origin, running, "remote-burst", "In");
          System.out.println("Pod start benchmark (creation on the origin -> Running there)");
          System.out.printf(
              "  %d sequential pods, physical node:  %s%n", SEQUENTIAL, percentiles(local));
          System.out.printf(
              "  %d sequential pods, virtual node:   %s%n", SEQUENTIAL, percentiles(offloaded));
          System.out.printf(
              "  burst of %d pods, physical node: all Running after %d ms%n", BURST, localBurst);
          System.out.printf(
              "  burst of %d pods, virtual node:  all Running after %d ms%n",
              BURST, offloadedBurst);
          System.out.printf(
              "  offloaded/local p50: %.1fx%n",
              (double) percentile(offloaded, 50) / Math.max(1, percentile(local, 50)));
        } finally {
          informer.close();
        }
      }
    }
  }

  private static void offload(KubernetesClient origin) {
    origin
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
    NamespaceOffloading offloading = new NamespaceOffloading();
    offloading.getMetadata().setName(NamespaceOffloading.DEFAULT_NAME);
    offloading.setSpec(new NamespaceOffloadingSpec());
    origin
        .resources(NamespaceOffloading.class)
        .inNamespace(NAMESPACE)
        .resource(offloading)
        .create();
    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                origin
                    .resources(NamespaceOffloading.class)
                    .inNamespace(NAMESPACE)
                    .withName(NamespaceOffloading.DEFAULT_NAME)
                    .get(),
            o ->
                o.getStatus() != null
                    && o.getStatus().getOffloadingPhase() == OffloadingPhase.READY);
  }

  private static long[] sequential(
      KubernetesClient origin, Map<String, Long> running, String prefix, String operator) {
    long[] samples = new long[SEQUENTIAL];
    for (int i = 0; i < SEQUENTIAL; i++) {
      String name = prefix + "-" + i;
      long start = System.nanoTime();
      origin.pods().inNamespace(NAMESPACE).resource(pod(name, operator)).create();
      await()
          .pollInterval(Duration.ofMillis(5))
          .atMost(TIMEOUT)
          .until(() -> running.containsKey(name));
      samples[i] = (running.get(name) - start) / 1_000_000;
    }
    return samples;
  }

  private static long burst(
      KubernetesClient origin, Map<String, Long> running, String prefix, String operator) {
    List<String> names = IntStream.range(0, BURST).mapToObj(i -> prefix + "-" + i).toList();
    long start = System.nanoTime();
    names.parallelStream()
        .forEach(
            name -> origin.pods().inNamespace(NAMESPACE).resource(pod(name, operator)).create());
    await()
        .pollInterval(Duration.ofMillis(10))
        .atMost(TIMEOUT)
        .until(() -> names.stream().allMatch(running::containsKey));
    return (names.stream().mapToLong(running::get).max().orElseThrow() - start) / 1_000_000;
  }

  private static SharedIndexInformer<Pod> watchRunning(
      KubernetesClient origin, Map<String, Long> running) {
    return origin
        .pods()
        .inNamespace(NAMESPACE)
        .inform(
            new ResourceEventHandler<>() {
              @Override
              public void onAdd(Pod pod) {
                record(pod);
              }

              @Override
              public void onUpdate(Pod oldPod, Pod newPod) {
                record(newPod);
              }

              @Override
              public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {}

              private void record(Pod pod) {
                if ("Running".equals(pod.getStatus().getPhase())
                    && pod.getStatus().getPodIP() != null) {
                  running.putIfAbsent(pod.getMetadata().getName(), System.nanoTime());
                }
              }
            });
  }

  private static Pod pod(String name, String virtualNodeOperator) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("nginx")
        .endContainer()
        .withNewAffinity()
        .withNewNodeAffinity()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution()
        .addNewNodeSelectorTerm()
        .addNewMatchExpression()
        .withKey(Labels.TYPE)
        .withOperator(virtualNodeOperator)
        .withValues(Labels.TYPE_VIRTUAL_NODE)
        .endMatchExpression()
        .endNodeSelectorTerm()
        .endRequiredDuringSchedulingIgnoredDuringExecution()
        .endNodeAffinity()
        .endAffinity()
        .endSpec()
        .build();
  }

  private static String percentiles(long[] samples) {
    return String.format(
        "p50 %d ms, p90 %d ms, p99 %d ms, max %d ms",
        percentile(samples, 50),
        percentile(samples, 90),
        percentile(samples, 99),
        Arrays.stream(samples).max().orElseThrow());
  }

  private static long percentile(long[] samples, int percent) {
    long[] sorted = samples.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static boolean isReady(Node node) {
    return node != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
