package io.liqojava.core.reflection;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.offloading.OffloadedNamespaceListener;
import io.liqojava.core.virtualnode.ProviderLink;
import io.liqojava.core.virtualnode.ProviderListener;
import io.liqojava.reflection.spi.NamespacePair;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The reflection of a consumer cluster towards each of its providers: one {@link ReflectionManager}
 * per connected provider, started when its virtual kubelet connects and closed when it disconnects.
 * The namespace pairs asked for are remembered per provider, so that they resume after a
 * reconnection.
 */
public final class PeerReflections
    implements ProviderListener, OffloadedNamespaceListener, AutoCloseable {

  private final KubernetesClient localClient;
  private final ClusterIdentity localCluster;
  private final ReflectionConfig config;
  private final ReflectorRegistry registry;
  private final MeterRegistry meters;
  private final Map<String, ReflectionManager> managers = new HashMap<>();
  private final Map<String, Map<String, NamespacePair>> wanted = new HashMap<>();

  /** Reflection from the cluster of {@code localClient} with the providers of {@code registry}. */
  public PeerReflections(
      KubernetesClient localClient,
      ClusterIdentity localCluster,
      ReflectionConfig config,
      ReflectorRegistry registry,
      MeterRegistry meters) {
    this.localClient = Objects.requireNonNull(localClient, "localClient");
    this.localCluster = Objects.requireNonNull(localCluster, "localCluster");
    this.config = Objects.requireNonNull(config, "config");
    this.registry = Objects.requireNonNull(registry, "registry");
    this.meters = Objects.requireNonNull(meters, "meters");
    registry.select(config); // fails now, not at the first connection, on a bad configuration
  }

  @Override
  public synchronized void connected(ProviderLink link) {
    String clusterId = link.provider().clusterId();
    closeManager(clusterId);
    ReflectionManager manager =
        ReflectionManager.builder(localClient, link.client(), localCluster, link.provider())
            .config(config)
            .registry(registry)
            .meterRegistry(meters)
            .virtualNodeNames(Set.of(link.virtualNodeName()))
            .start();
    managers.put(clusterId, manager);
    wanted.getOrDefault(clusterId, Map.of()).values().forEach(manager::startReflection);
  }

  @Override
  public synchronized void disconnected(String clusterId) {
    closeManager(clusterId);
  }

  /**
   * Reflects {@code pair} towards provider {@code clusterId}: now if it is connected, else as soon
   * as it connects.
   *
   * @throws IllegalStateException when the local namespace is already reflected to another remote
   *     namespace of that provider
   */
  public synchronized void startReflection(String clusterId, NamespacePair pair) {
    Map<String, NamespacePair> pairs =
        wanted.computeIfAbsent(clusterId, id -> new LinkedHashMap<>());
    NamespacePair earlier = pairs.get(pair.local());
    if (earlier != null && !earlier.equals(pair)) {
      throw new IllegalStateException(
          "namespace "
              + pair.local()
              + " is already reflected to "
              + earlier.remote()
              + " in provider "
              + clusterId
              + "; stop that reflection before starting "
              + pair);
    }
    ReflectionManager manager = managers.get(clusterId);
    if (manager != null) {
      manager.startReflection(pair);
    }
    pairs.put(pair.local(), pair);
  }

  /** Stops reflecting {@code localNamespace} towards provider {@code clusterId}. */
  public synchronized void stopReflection(String clusterId, String localNamespace) {
    Map<String, NamespacePair> pairs = wanted.get(clusterId);
    if (pairs != null) {
      pairs.remove(localNamespace);
    }
    ReflectionManager manager = managers.get(clusterId);
    if (manager != null) {
      manager.stopReflection(localNamespace);
    }
  }

  @Override
  public void offloaded(String providerClusterId, NamespacePair pair) {
    startReflection(providerClusterId, pair);
  }

  @Override
  public void unoffloaded(String providerClusterId, String localNamespace) {
    stopReflection(providerClusterId, localNamespace);
  }

  /** The reflection manager of provider {@code clusterId}, while it is connected. */
  public synchronized Optional<ReflectionManager> manager(String clusterId) {
    return Optional.ofNullable(managers.get(clusterId));
  }

  /** The IDs of the providers connected now. */
  public synchronized Set<String> connectedProviders() {
    return Set.copyOf(managers.keySet());
  }

  /** Closes every manager; reflected objects stay. */
  @Override
  public synchronized void close() {
    Set.copyOf(managers.keySet()).forEach(this::closeManager);
  }

  private void closeManager(String clusterId) {
    ReflectionManager manager = managers.remove(clusterId);
    if (manager != null) {
      manager.close();
    }
  }
}
