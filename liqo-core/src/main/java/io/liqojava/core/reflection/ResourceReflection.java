package io.liqojava.core.reflection;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.liqojava.core.reflection.PairReflection.Outcome;
import io.liqojava.core.runtime.Controller;
import io.liqojava.core.runtime.ObjectKey;
import io.liqojava.core.runtime.Result;
import io.liqojava.reflection.spi.NamespacePair;
import io.liqojava.reflection.spi.ReflectionPolicy;
import io.liqojava.reflection.spi.Reflector;
import io.liqojava.reflection.spi.ReflectorProvider;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reflection of one resource towards one peer: one work queue and a fixed pool of workers
 * shared by every namespace pair, keyed by local namespace and source name.
 */
final class ResourceReflection implements AutoCloseable {

  private final ReflectorProvider provider;
  private final PeerContext peer;
  private final ReflectionPolicy policy;
  private final Controller controller;
  private final MeterRegistry meters;
  private final Map<Outcome, Counter> items = new EnumMap<>(Outcome.class);
  private final Map<String, PairReflection<?, ?>> pairs = new ConcurrentHashMap<>();

  ResourceReflection(
      ReflectorProvider provider,
      int workers,
      PeerContext peer,
      ReflectionConfig config,
      MeterRegistry meters) {
    this.provider = provider;
    this.peer = peer;
    this.policy = config.policyOf(provider.resource());
    this.meters = meters;
    Tags tags =
        Tags.of(
            "resource", provider.resource().toString(), "peer", peer.remoteCluster().clusterId());
    for (Outcome outcome : Outcome.values()) {
      items.put(
          outcome,
          meters.counter(
              "liqo.reflection.items", tags.and("outcome", outcome.name().toLowerCase())));
    }
    this.controller =
        Controller.builder(
                "reflection-" + peer.remoteCluster().clusterName() + "-" + provider.name(),
                this::reconcile)
            .workers(workers)
            .retryDelays(Duration.ofMillis(100), config.maxRetryDelay())
            .metrics(meters, "liqo.reflection", tags)
            .build();
  }

  ReflectorProvider provider() {
    return provider;
  }

  void start() {
    controller.start();
  }

  /**
   * Starts reflecting between the namespaces of {@code pair}.
   *
   * @throws io.liqojava.reflection.spi.ReflectionException when the provider cannot reflect it
   */
  void startPair(NamespacePair pair) {
    PairReflection<?, ?> reflection =
        pairOf(provider.create(peer.reflectorContext(pair, policy)), pair);
    pairs.put(pair.local(), reflection);
    reflection.start(controller);
  }

  private <S extends HasMetadata, T extends HasMetadata> PairReflection<S, T> pairOf(
      Reflector<S, T> reflector, NamespacePair pair) {
    return new PairReflection<>(reflector, peer, pair, policy);
  }

  void stopPair(String localNamespace) {
    PairReflection<?, ?> reflection = pairs.remove(localNamespace);
    if (reflection != null) {
      reflection.close();
    }
  }

  boolean isSynced(String localNamespace) {
    PairReflection<?, ?> reflection = pairs.get(localNamespace);
    return reflection == null || reflection.isSynced();
  }

  int queueDepth() {
    return controller.queueDepth();
  }

  private Result reconcile(ObjectKey key) {
    PairReflection<?, ?> reflection = pairs.get(key.namespace());
    if (reflection == null) {
      return Result.done();
    }
    if (!reflection.isSynced()) {
      // One side's cache is still filling: a missing source would delete its reflection, a
      // missing reflection would rewrite it. Retried with backoff until both sides are listed.
      throw new IllegalStateException(
          "the pair " + key.namespace() + " is still being listed in one of the clusters");
    }
    items.get(reflection.sync(key.name())).increment();
    return Result.done();
  }

  @Override
  public void close() {
    controller.close();
    pairs.values().forEach(PairReflection::close);
    pairs.clear();
    items.values().forEach(meters::remove);
  }
}
