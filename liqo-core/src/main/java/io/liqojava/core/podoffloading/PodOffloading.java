package io.liqojava.core.podoffloading;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.events.KubernetesEvents;
import io.liqojava.core.offloading.OffloadedNamespaceListener;
import io.liqojava.core.virtualnode.ProviderLink;
import io.liqojava.core.virtualnode.ProviderListener;
import io.liqojava.net.spi.AddressRemapper;
import io.liqojava.reflection.spi.NamespacePair;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Offloads the pods bound to the virtual node of each connected provider, consumer side.
 *
 * <ul>
 *   <li>A pod of a namespace offloaded to the provider becomes a {@code ShadowPod} of the same name
 *       in the twin namespace, labelled {@code offloading.liqo.io/origin} and {@code
 *       offloading.liqo.io/destination}, with its scheduling constraints, host namespaces and
 *       service account removed. Its service account token is replaced by a Secret {@code
 *       liqo-token-<pod>} holding a token of the pod's service account in this cluster (bound to
 *       the pod, renewed at 80 % of its lifetime) and the reflected root CA {@code
 *       kube-root-ca.crt.<origin ID>}, with {@code KUBERNETES_SERVICE_HOST}/{@code _PORT} naming
 *       this cluster's API server: offloaded pods talk to their origin with their own identity.
 *   <li>The status of the pod the provider runs comes back to the local pod: phase, conditions,
 *       container statuses (restart counts plus the ShadowPod's {@code podRecreations}), start
 *       time, QoS class; pod IPs remapped with the {@link AddressRemapper}; host IP the virtual
 *       node's InternalIP. While the provider is disconnected the local status stays as it was.
 *   <li>A pod of a namespace that is not offloaded there stays Pending with reason {@value
 *       #OFFLOADING_BACK_OFF}.
 *   <li>Deleting the local pod deletes the ShadowPod; the local pod goes once the provider's pod is
 *       gone. ShadowPods of this cluster whose local pod is gone (after a crash) are deleted.
 * </ul>
 *
 * <p>Register it as the {@link ProviderListener} of the virtual kubelets and as an {@link
 * OffloadedNamespaceListener} of namespace offloading. Calls return at once; the work runs on one
 * controller per provider ({@link PodOffloadingConfig#workers()} workers).
 */
public final class PodOffloading
    implements ProviderListener, OffloadedNamespaceListener, AutoCloseable {

  /** The status reason of a pod on a virtual node whose namespace is not offloaded there. */
  public static final String OFFLOADING_BACK_OFF = "OffloadingBackOff";

  private final KubernetesClient localClient;
  private final ClusterIdentity localCluster;
  private final ProviderOffloading.Settings settings;
  private final Map<String, ProviderOffloading> providers = new HashMap<>();
  private final Map<String, Map<String, NamespacePair>> wanted = new HashMap<>();

  /**
   * Pod offloading from the cluster of {@code localClient} (not closed here).
   *
   * @param remapper translates the provider's pod IPs into local addresses
   */
  public PodOffloading(
      KubernetesClient localClient,
      ClusterIdentity localCluster,
      AddressRemapper remapper,
      PodOffloadingConfig config) {
    this(localClient, localCluster, remapper, config, null);
  }

  /**
   * As {@link #PodOffloading(KubernetesClient, ClusterIdentity, AddressRemapper,
   * PodOffloadingConfig)}, publishing each provider's {@code liqo.podoffloading.*} controller
   * metrics (tag {@code peer}) to {@code meters}.
   */
  public PodOffloading(
      KubernetesClient localClient,
      ClusterIdentity localCluster,
      AddressRemapper remapper,
      PodOffloadingConfig config,
      MeterRegistry meters) {
    this.localClient = Objects.requireNonNull(localClient, "localClient");
    this.localCluster = Objects.requireNonNull(localCluster, "localCluster");
    Objects.requireNonNull(remapper, "remapper");
    Objects.requireNonNull(config, "config");
    this.settings =
        new ProviderOffloading.Settings(
            config,
            OriginApiServer.of(config, localClient),
            remapper,
            new KubernetesEvents(localClient, "liqo-pod-offloading"),
            meters);
  }

  @Override
  public synchronized void connected(ProviderLink link) {
    String providerId = link.provider().clusterId();
    close(providerId);
    ProviderOffloading provider =
        new ProviderOffloading(
            localClient,
            localCluster.clusterId(),
            providerId,
            link.provider().clusterName(),
            link.virtualNodeName(),
            link.client(),
            settings);
    provider.start();
    providers.put(providerId, provider);
    wanted.getOrDefault(providerId, Map.of()).values().forEach(provider::startPair);
  }

  @Override
  public synchronized void disconnected(String clusterId) {
    close(clusterId);
  }

  @Override
  public synchronized void offloaded(String providerClusterId, NamespacePair pair) {
    wanted.computeIfAbsent(providerClusterId, id -> new LinkedHashMap<>()).put(pair.local(), pair);
    ProviderOffloading provider = providers.get(providerClusterId);
    if (provider != null) {
      provider.startPair(pair);
    }
  }

  @Override
  public synchronized void unoffloaded(String providerClusterId, String localNamespace) {
    Map<String, NamespacePair> pairs = wanted.get(providerClusterId);
    if (pairs != null) {
      pairs.remove(localNamespace);
    }
    ProviderOffloading provider = providers.get(providerClusterId);
    if (provider != null) {
      provider.stopPair(localNamespace);
    }
  }

  /** The IDs of the providers connected now. */
  public synchronized Set<String> connectedProviders() {
    return Set.copyOf(providers.keySet());
  }

  /** Stops offloading to every provider; local pods, ShadowPods and statuses stay as they are. */
  @Override
  public synchronized void close() {
    Set.copyOf(providers.keySet()).forEach(this::close);
  }

  private void close(String providerId) {
    ProviderOffloading provider = providers.remove(providerId);
    if (provider != null) {
      provider.close();
    }
  }
}
