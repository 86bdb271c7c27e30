package io.liqojava.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.junit.LocalClusters;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The controller runtime on a real API server: caches, keys, retries and informer ownership. */
@LocalClusters("rome")
class ControllerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static KubernetesClient client;

  @BeforeAll
  static void namespaces(LocalCluster rome) {
    client = rome.client();
    for (String namespace : new String[] {"owned", "shared", "retries", "serial"}) {
      client
          .namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
          .create();
    }
  }

  @Test
  void aControllerThatOwnsItsInformersStartsThemReconcilesEveryObjectAndClosesThem() {
    configMap("owned", "before-start", "1");
    Set<ObjectKey> seen = ConcurrentHashMap.newKeySet();
    SharedIndexInformer<ConfigMap> informer = configMaps("owned");
    Controller controller =
        Controller.builder("owned", key -> record(seen, key))
            .watch(informer)
            .ownInformers()
            .build();

    controller.start();
    try {
      assertThat(informer.isRunning()).isTrue();
      assertThat(informer.hasSynced()).isTrue();
      await().atMost(TIMEOUT).until(() -> seen.contains(ObjectKey.of("owned", "before-start")));
      configMap("owned", "after-start", "1");
      await().atMost(TIMEOUT).until(() -> seen.contains(ObjectKey.of("owned", "after-start")));

      assertThatThrownBy(controller::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("owned already started");
    } finally {
      controller.close();
    }

    assertThat(informer.isRunning()).isFalse();
    assertThatThrownBy(controller::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("owned was closed");
    controller.close(); // idempotent
  }

  @Test
  void theCallersInformersKeepRunningAfterTheControllerCloses() {
    SharedIndexInformer<ConfigMap> informer = configMaps("shared");
    informer.start();
    try {
      Set<ObjectKey> seen = ConcurrentHashMap.newKeySet();
      Controller controller =
          Controller.builder("shared", key -> record(seen, key)).watch(informer).build();
      controller.start();
      configMap("shared", "one", "1");
      await().atMost(TIMEOUT).until(() -> seen.contains(ObjectKey.of("shared", "one")));

      controller.close();

      assertThat(informer.isRunning()).isTrue();
      configMap("shared", "two", "1");
      await().atMost(TIMEOUT).until(() -> informer.getStore().getByKey("shared/two") != null);
      assertThat(seen).doesNotContain(ObjectKey.of("shared", "two"));
    } finally {
      informer.close();
    }
  }

  @Test
  void aFailingReconcileIsRetriedWithBackoffUntilItSucceeds() {
    AtomicInteger attempts = new AtomicInteger();
    Controller controller =
        Controller.builder(
                "retries",
                key -> {
                  if (key.name().equals("flaky") && attempts.incrementAndGet() < 4) {
                    throw new IllegalStateException("not yet");
                  }
                  return Result.done();
                })
            .watch(configMaps("retries"))
            .retryDelays(Duration.ofMillis(10), Duration.ofMillis(100))
            .ownInformers()
            .build();
    controller.start();
    try {
      configMap("retries", "flaky", "1");

      await().atMost(TIMEOUT).until(() -> attempts.get() >= 4);
      await().during(Duration.ofMillis(500)).atMost(TIMEOUT).until(() -> attempts.get() == 4);
    } finally {
      controller.close();
    }
  }

  @Test
  void oneKeyIsNeverReconciledTwiceAtOnceAndItsEventsAreCoalesced() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    Map<ObjectKey, AtomicInteger> reconciles = new ConcurrentHashMap<>();
    Controller controller =
        Controller.builder(
                "serial",
                key -> {
                  if (!key.name().equals("busy")) {
                    return Result.done(); // kube-root-ca.crt, which the controller-manager adds
                  }
                  maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                  try {
                    Thread.sleep(200);
                  } finally {
                    inFlight.decrementAndGet();
                  }
                  reconciles.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                  return Result.done();
                })
            .watch(configMaps("serial"))
            .workers(4)
            .ownInformers()
            .build();
    controller.start();
    try {
      configMap("serial", "busy", "0");
      for (int i = 1; i <= 20; i++) {
        configMap("serial", "busy", Integer.toString(i));
      }
      ObjectKey busy = ObjectKey.of("serial", "busy");
      await()
          .atMost(TIMEOUT)
          .until(() -> reconciles.containsKey(busy) && controller.queueDepth() == 0);
      await().during(Duration.ofMillis(300)).atMost(TIMEOUT).until(() -> inFlight.get() == 0);

      assertThat(maxInFlight.get()).isEqualTo(1);
      assertThat(reconciles.get(busy).get()).isBetween(1, 20);
    } finally {
      controller.close();
    }
  }

  private static Result record(Set<ObjectKey> seen, ObjectKey key) {
    seen.add(key);
    return Result.done();
  }

  private static SharedIndexInformer<ConfigMap> configMaps(String namespace) {
    return client.configMaps().inNamespace(namespace).runnableInformer(0);
  }

  private static void configMap(String namespace, String name, String value) {
    client
        .configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withData(Map.of("value", value))
                .build())
        .serverSideApply();
  }
}
