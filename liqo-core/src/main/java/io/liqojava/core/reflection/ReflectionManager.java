package io.liqojava.core.reflection;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.events.KubernetesEvents;
import io.liqojava.net.spi.AddressRemapper;
import io.liqojava.reflection.spi.EventRecorder;
import io.liqojava.reflection.spi.NamespacePair;
import io.liqojava.reflection.spi.ReflectionException;
import io.liqojava.reflection.spi.ReflectorProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reflects resources between the local cluster and one peer, for the namespace pairs it is told
 * about: the heart of the virtual kubelet of that peer.
 *
 * <p>Per resource it runs one de-duplicating work queue and a fixed pool of workers (the provider's
 * default, 10 for pods and EndpointSlices and 3 for the rest, or the configured count; 0 turns the
 * resource off), shared by every namespace pair; per pair and resource one informer on each side.
 * Every write is a server-side apply of what the {@link io.liqojava.reflection.spi.Reflector}
 * forged, stamped with ownership labels; objects without them are never written (a Warning event
 * {@code FailedReflection} on the local object says why). Reflection is level triggered: after a
 * restart or a lost connection the informers list both sides again and every pair converges.
 *
 * <pre>{@code
 * try (ReflectionManager reflection =
 *     ReflectionManager.builder(localClient, remoteClient, localIdentity, remoteIdentity)
 *         .config(ReflectionConfig.defaults())
 *         .start()) {
 *   reflection.startReflection(NamespacePair.of("shop", "shop-rome"));
 *   ...
 * }
 * }</pre>
 *
 * <p>Metrics (Micrometer, tagged with {@code resource} and {@code peer}): {@code
 * liqo.reflection.items} (by {@code outcome}: applied, unchanged, deleted, absent, conflict,
 * rejected), {@code liqo.reflection.errors}, {@code liqo.reflection.queue.depth} and {@code
 * liqo.reflection.latency} (from the first event of an object to its reflection).
 */
public final class ReflectionManager implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReflectionManager.class);

  private final PeerContext peer;
  private final List<ResourceReflection> resources;
  private final Map<String, NamespacePair> pairs = new LinkedHashMap<>();

  private ReflectionManager(PeerContext peer, List<ResourceReflection> resources) {
    this.peer = peer;
    this.resources = resources;
  }

  /**
   * Starts configuring the reflection between the local cluster and a peer.
   *
   * @param localClient a client of the local cluster; not closed by the manager
   * @param remoteClient a client of the peer with the identity it granted; not closed by the
   *     manager
   */
  public static Builder builder(
      KubernetesClient localClient,
      KubernetesClient remoteClient,
      ClusterIdentity localCluster,
      ClusterIdentity remoteCluster) {
    return new Builder(localClient, remoteClient, localCluster, remoteCluster);
  }

  /**
   * Starts reflecting between the namespaces of {@code pair}; returns at once, the informers list
   * both sides in the background (see {@link #isSynced}). Starting a pair that runs already does
   * nothing.
   *
   * @throws IllegalStateException when the local namespace is already paired with another remote
   *     namespace
   */
  public synchronized void startReflection(NamespacePair pair) {
    NamespacePair running = pairs.get(pair.local());
    if (running != null) {
      if (running.equals(pair)) {
        return;
      }
      throw new IllegalStateException(
          "namespace "
              + pair.local()
              + " is already reflected to "
              + running.remote()
              + " in cluster "
              + peer.remoteCluster().clusterName()
              + "; stop that reflection before starting "
              + pair);
    }
    for (ResourceReflection resource : resources) {
      try {
        resource.startPair(pair);
      } catch (ReflectionException e) {
        LOG.warn(
            "not reflecting {} in {}: {}", resource.provider().resource(), pair, e.getMessage());
      }
    }
    pairs.put(pair.local(), pair);
    LOG.info("reflecting {} to cluster {}", pair, peer.remoteCluster().clusterName());
  }

  /**
   * Stops reflecting the namespace {@code localNamespace}; the reflections already made stay in the
   * remote namespace (removing that namespace removes them). Does nothing if it is not reflected.
   */
  public synchronized void stopReflection(String localNamespace) {
    if (pairs.remove(localNamespace) != null) {
      resources.forEach(resource -> resource.stopPair(localNamespace));
      LOG.info(
          "stopped reflecting namespace {} to cluster {}",
          localNamespace,
          peer.remoteCluster().clusterName());
    }
  }

  /** The namespace pairs being reflected. */
  public synchronized Set<NamespacePair> namespacePairs() {
    return Set.copyOf(pairs.values());
  }

  /**
   * Whether every informer of the pair of {@code localNamespace} has listed its side: from then on
   * the pair converges as fast as its queues drain.
   */
  public boolean isSynced(String localNamespace) {
    return resources.stream().allMatch(resource -> resource.isSynced(localNamespace));
  }

  /** The providers that reflect, one per resource with at least one worker. */
  public List<ReflectorProvider> reflectors() {
    return resources.stream().map(ResourceReflection::provider).toList();
  }

  /** How many objects wait to be reflected, over all resources. */
  public int queueDepth() {
    return resources.stream().mapToInt(ResourceReflection::queueDepth).sum();
  }

  /** Stops every reflection; reflected objects stay. */
  @Override
  public synchronized void close() {
    resources.forEach(ResourceReflection::close);
    pairs.clear();
  }

  /** Configures a {@link ReflectionManager}. */
  public static final class Builder {

    private final KubernetesClient localClient;
    private final KubernetesClient remoteClient;
    private final ClusterIdentity localCluster;
    private final ClusterIdentity remoteCluster;
    private ReflectionConfig config = ReflectionConfig.defaults();
    private ReflectorRegistry registry;
    private AddressRemapper remapper = AddressRemapper.identity();
    private MeterRegistry meters = new SimpleMeterRegistry();
    private Set<String> virtualNodeNames = Set.of();
    private EventRecorder events;

    private Builder(
        KubernetesClient localClient,
        KubernetesClient remoteClient,
        ClusterIdentity localCluster,
        ClusterIdentity remoteCluster) {
      this.localClient = Objects.requireNonNull(localClient, "localClient");
      this.remoteClient = Objects.requireNonNull(remoteClient, "remoteClient");
      this.localCluster = Objects.requireNonNull(localCluster, "localCluster");
      this.remoteCluster = Objects.requireNonNull(remoteCluster, "remoteCluster");
    }

    /**
     * Workers, policies and providers per resource; default {@link ReflectionConfig#defaults()}.
     */
    public Builder config(ReflectionConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * The providers to choose from; default those on the classpath ({@link
     * ReflectorRegistry#discover()}).
     */
    public Builder registry(ReflectorRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /** The address remapper of this peer; default the identity. */
    public Builder remapper(AddressRemapper remapper) {
      this.remapper = Objects.requireNonNull(remapper, "remapper");
      return this;
    }

    /** Where metrics go; default nowhere. */
    public Builder meterRegistry(MeterRegistry meters) {
      this.meters = Objects.requireNonNull(meters, "meters");
      return this;
    }

    /** The local virtual nodes that stand for the peer; default none. */
    public Builder virtualNodeNames(Set<String> names) {
      this.virtualNodeNames = Set.copyOf(names);
      return this;
    }

    /** Where events go; default core/v1 Events in the local cluster. */
    public Builder events(EventRecorder events) {
      this.events = Objects.requireNonNull(events, "events");
      return this;
    }

    /**
     * Starts the work queues and workers of every selected resource; no namespace is reflected
     * until {@link ReflectionManager#startReflection}.
     *
     * @throws IllegalArgumentException when the configuration names a provider that is missing
     */
    public ReflectionManager start() {
      PeerContext peer =
          new PeerContext(
              localClient,
              remoteClient,
              localCluster,
              remoteCluster,
              events != null ? events : new KubernetesEvents(localClient, "liqo-reflection"),
              remapper,
              virtualNodeNames);
      ReflectorRegistry providers = registry != null ? registry : ReflectorRegistry.discover();
      List<ResourceReflection> resources = new ArrayList<>();
      List<String> off = new ArrayList<>();
      for (ReflectorProvider provider : providers.select(config)) {
        int workers = config.workersOf(provider);
        if (workers == 0) {
          off.add(provider.resource().toString());
        } else {
          resources.add(new ResourceReflection(provider, workers, peer, config, meters));
        }
      }
      resources.forEach(ResourceReflection::start);
      LOG.info(
          "reflection to cluster {}: {}{}",
          remoteCluster.clusterName(),
          resources.stream()
              .map(r -> r.provider().resource() + " (" + r.provider().name() + ")")
              .collect(Collectors.joining(", ")),
          off.isEmpty() ? "" : "; off: " + String.join(", ", off));
      return new ReflectionManager(peer, resources);
    }
  }
}
