package io.liqojava.core.offloading;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.liqojava.api.consts.Finalizers;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.api.offloading.v1beta1.ConditionStatus;
import io.liqojava.api.offloading.v1beta1.MappingPhase;
import io.liqojava.api.offloading.v1beta1.NamespaceMap;
import io.liqojava.api.offloading.v1beta1.NamespaceMappingStrategy;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloading;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingSpec;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingStatus;
import io.liqojava.api.offloading.v1beta1.PodOffloadingStrategy;
import io.liqojava.api.offloading.v1beta1.RemoteNamespaceConditionType;
import io.liqojava.api.offloading.v1beta1.RemoteNamespaceStatus;
import io.liqojava.core.runtime.ObjectKey;
import io.liqojava.core.runtime.OptimisticUpdate;
import io.liqojava.core.runtime.Reconciler;
import io.liqojava.core.runtime.Result;
import io.liqojava.reflection.spi.EventRecorder;
import io.liqojava.reflection.spi.NamespacePair;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles the offloading of one local namespace (the key's name) towards every provider that has
 * a virtual node here; see {@link NamespaceOffloadings} for the behaviour. Built and run by {@link
 * NamespaceOffloadings}.
 */
final class NamespaceOffloadingReconciler implements Reconciler {

  private static final Logger LOG = LoggerFactory.getLogger(NamespaceOffloadingReconciler.class);
  private static final Duration WAIT_FOR_PROVIDER = Duration.ofSeconds(1);
  private static final Duration RECHECK_TERMINATION = Duration.ofSeconds(10);

  private final KubernetesClient client;
  private final ClusterIdentity localCluster;
  private final List<OffloadedNamespaceListener> listeners;
  private final SharedIndexInformer<NamespaceOffloading> offloadings;
  private final SharedIndexInformer<Namespace> namespaces;
  private final SharedIndexInformer<Node> virtualNodes;
  private final Function<String, Optional<ProviderNamespaceMap>> providers;
  private final Collection<String> connectedProviders;
  private final EventRecorder events;

  /** Per local namespace, the providers (and twin names) listeners were told about. */
  private final Map<String, Map<String, String>> told = new ConcurrentHashMap<>();

  NamespaceOffloadingReconciler(
      KubernetesClient client,
      ClusterIdentity localCluster,
      List<OffloadedNamespaceListener> listeners,
      SharedIndexInformer<NamespaceOffloading> offloadings,
      SharedIndexInformer<Namespace> namespaces,
      SharedIndexInformer<Node> virtualNodes,
      Function<String, Optional<ProviderNamespaceMap>> providers,
      Collection<String> connectedProviders,
      EventRecorder events) {
    this.client = client;
    this.localCluster = localCluster;
    this.listeners = listeners;
    this.offloadings = offloadings;
    this.namespaces = namespaces;
    this.virtualNodes = virtualNodes;
    this.providers = providers;
    this.connectedProviders = connectedProviders;
    this.events = events;
  }

  @Override
  public Result reconcile(ObjectKey key) {
    String namespace = key.name();
    warnAboutMisnamed(namespace);
    NamespaceOffloading offloading =
        offloadings.getStore().getByKey(namespace + "/" + NamespaceOffloading.DEFAULT_NAME);
    Namespace ns = namespaces.getStore().getByKey(namespace);
    if (offloading == null) {
      tellUnoffloaded(namespace, told.getOrDefault(namespace, Map.of()).keySet());
      if (ns != null && offloadingEnabled(ns)) {
        createDefaultOffloading(namespace);
      }
      return Result.done();
    }
    if (offloading.getMetadata().getDeletionTimestamp() != null) {
      return finalizeOffloading(offloading, ns);
    }
    offloading = ensureFinalizer(offloading);
    if (offloading == null) {
      return Result.done();
    }
    setSchedulingLabel(ns, true);
    String remote;
    try {
      remote = remoteNamespaceName(offloading);
    } catch (IllegalArgumentException e) {
      events.warning(offloading, "InvalidNamespaceOffloading", e.getMessage());
      return Result.done();
    }
    return offload(offloading, remote);
  }

  private Result offload(NamespaceOffloading offloading, String remote) {
    String namespace = offloading.getMetadata().getNamespace();
    Map<String, Map<String, String>> clusters = clusterLabels();
    Map<String, Boolean> selection = new TreeMap<>();
    try {
      for (var cluster : clusters.entrySet()) {
        selection.put(
            cluster.getKey(),
            ClusterSelectors.matches(
                offloading.getSpec() == null ? null : offloading.getSpec().getClusterSelector(),
                cluster.getValue()));
      }
    } catch (IllegalArgumentException e) {
      events.warning(
          offloading, "InvalidClusterSelector", "spec.clusterSelector: " + e.getMessage());
      return Result.done();
    }
    // A connected provider without a virtual node here is not selectable, but loses the entry.
    for (String connected : connectedProviders) {
      selection.putIfAbsent(connected, false);
    }
    List<ClusterOutcome> outcomes = new ArrayList<>();
    List<RuntimeException> failures = new ArrayList<>();
    boolean waiting = false;
    for (var entry : selection.entrySet()) {
      String clusterId = entry.getKey();
      boolean selected = entry.getValue();
      Optional<ProviderNamespaceMap> provider = providers.apply(clusterId);
      ClusterOutcome outcome;
      if (provider.isEmpty()) {
        outcome =
            selected
                ? ClusterOutcome.notReady(
                    clusterId,
                    ClusterOutcome.PROVIDER_NOT_CONNECTED,
                    "The remote cluster is not connected: the namespace is offloaded once its"
                        + " virtual kubelet connects")
                : ClusterOutcome.notSelected(clusterId);
      } else if (!provider.get().synced()) {
        waiting = true;
        outcome =
            selected
                ? ClusterOutcome.notReady(
                    clusterId,
                    ClusterOutcome.CREATION_PENDING,
                    "Reading the NamespaceMap of this cluster in the remote cluster")
                : ClusterOutcome.notSelected(clusterId);
      } else {
        try {
          if (selected) {
            provider.get().ensureEntry(namespace, remote);
          } else {
            provider.get().removeEntry(namespace);
          }
          outcome =
              selected ? outcomeOf(provider.get(), namespace, remote) : notSelected(clusterId);
        } catch (KubernetesClientException e) {
          failures.add(e);
          outcome =
              selected
                  ? ClusterOutcome.notReady(
                      clusterId,
                      ClusterOutcome.NAMESPACE_MAP_NOT_UPDATED,
                      "The NamespaceMap in the remote cluster could not be updated: "
                          + e.getMessage())
                  : ClusterOutcome.notSelected(clusterId);
        }
      }
      if (clusters.containsKey(clusterId)) {
        outcomes.add(outcome);
      }
      if (provider.isPresent() && provider.get().synced()) {
        notifyListeners(namespace, clusterId, remote, provider.get(), selected);
      }
    }
    writeStatus(offloading, remote, outcomes);
    if (!failures.isEmpty()) {
      throw failures.get(0); // retried with backoff
    }
    return waiting ? Result.requeueAfter(WAIT_FOR_PROVIDER) : Result.done();
  }

  private static ClusterOutcome notSelected(String clusterId) {
    return ClusterOutcome.notSelected(clusterId);
  }

  private static ClusterOutcome outcomeOf(
      ProviderNamespaceMap provider, String namespace, String remote) {
    String clusterId = provider.providerId();
    RemoteNamespaceStatus report = provider.report(namespace).orElse(null);
    if (report == null || report.getPhase() == null) {
      return ClusterOutcome.notReady(
          clusterId,
          ClusterOutcome.CREATION_PENDING,
          "Waiting for the remote cluster to create namespace " + remote);
    }
    if (!remote.equals(report.getRemoteNamespace())) {
      return ClusterOutcome.notReady(
          clusterId,
          ClusterOutcome.CREATION_PENDING,
          "The remote cluster reports namespace "
              + report.getRemoteNamespace()
              + " instead of "
              + remote
              + "; waiting for it to follow the NamespaceMap");
    }
    if (report.getPhase() == MappingPhase.ACCEPTED) {
      return ClusterOutcome.ready(clusterId);
    }
    if (report.getPhase() == MappingPhase.CREATION_LOOP_BACK_OFF) {
      return ClusterOutcome.failed(
          clusterId,
          report.getMessage() != null
              ? report.getMessage()
              : "The remote cluster cannot create namespace " + remote);
    }
    return ClusterOutcome.notReady(
        clusterId,
        ClusterOutcome.REMOTE_NAMESPACE_TERMINATING,
        "Namespace " + remote + " is being deleted in the remote cluster");
  }

  /** Tells listeners when the provider's acceptance of the selected pair starts or stops. */
  private void notifyListeners(
      String namespace,
      String clusterId,
      String remote,
      ProviderNamespaceMap provider,
      boolean selected) {
    boolean accepted =
        selected
            && provider
                .report(namespace)
                .filter(
                    r ->
                        r.getPhase() == MappingPhase.ACCEPTED
                            && remote.equals(r.getRemoteNamespace()))
                .isPresent();
    Map<String, String> pairs = told.computeIfAbsent(namespace, ns -> new ConcurrentHashMap<>());
    if (accepted && !remote.equals(pairs.get(clusterId))) {
      NamespacePair pair = NamespacePair.of(namespace, remote);
      for (OffloadedNamespaceListener listener : listeners) {
        call(() -> listener.offloaded(clusterId, pair), "offloaded", clusterId, namespace);
      }
      pairs.put(clusterId, remote);
      LOG.info("namespace {} offloaded to cluster {} as {}", namespace, clusterId, remote);
    } else if (!accepted && pairs.containsKey(clusterId)) {
      tellUnoffloaded(namespace, Set.of(clusterId));
    }
  }

  private void tellUnoffloaded(String namespace, Collection<String> clusterIds) {
    Map<String, String> pairs = told.getOrDefault(namespace, new HashMap<>());
    for (String clusterId : List.copyOf(clusterIds)) {
      for (OffloadedNamespaceListener listener : listeners) {
        call(() -> listener.unoffloaded(clusterId, namespace), "unoffloaded", clusterId, namespace);
      }
      if (pairs.remove(clusterId) != null) {
        LOG.info("namespace {} no longer offloaded to cluster {}", namespace, clusterId);
      }
    }
    if (pairs.isEmpty()) {
      told.remove(namespace);
    }
  }

  private static void call(Runnable call, String what, String clusterId, String namespace) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn(
          "an offloaded-namespace listener failed on {} of {} to {}: {}",
          what,
          namespace,
          clusterId,
          e.toString());
    }
  }

  private Result finalizeOffloading(NamespaceOffloading offloading, Namespace ns) {
    String namespace = offloading.getMetadata().getNamespace();
    if (!hasFinalizer(offloading)) {
      return Result.done();
    }
    NamespaceOffloading current =
        OptimisticUpdate.updateStatus(
            client,
            offloading,
            o -> {
              NamespaceOffloadingStatus next = OffloadingStatuses.terminating(o.getStatus());
              if (next.equals(o.getStatus())) {
                return false;
              }
              o.setStatus(next);
              return true;
            });
    if (current == null) {
      return Result.done();
    }
    Set<String> known = new TreeSet<>(clusterLabels().keySet());
    known.addAll(connectedProviders);
    known.addAll(told.getOrDefault(namespace, Map.of()).keySet());
    tellUnoffloaded(namespace, known);
    boolean waiting = false;
    Set<String> notConnected = new TreeSet<>();
    for (String clusterId : known) {
      Optional<ProviderNamespaceMap> provider = providers.apply(clusterId);
      if (provider.isEmpty()) {
        if (wasSelected(current, clusterId)) {
          notConnected.add(clusterId);
        }
        continue;
      }
      if (!provider.get().synced()) {
        waiting = true;
        continue;
      }
      provider.get().removeEntry(namespace);
      if (provider.get().report(namespace).isPresent()) {
        waiting = true;
      }
    }
    if (waiting) {
      return Result.requeueAfter(RECHECK_TERMINATION);
    }
    String remote =
        current.getStatus() == null ? null : current.getStatus().getRemoteNamespaceName();
    for (String clusterId : notConnected) {
      events.warning(
          current,
          ClusterOutcome.PROVIDER_NOT_CONNECTED,
          "Cluster "
              + clusterId
              + " is not connected: its twin namespace"
              + (remote == null ? "" : " " + remote)
              + " is not removed now; it goes when the peering with "
              + clusterId
              + " is torn down");
    }
    // The label goes first, so that the replacements of the deleted pods stay local.
    setSchedulingLabel(ns, false);
    deletePodsOnVirtualNodes(namespace);
    OptimisticUpdate.update(
        client,
        current,
        o -> o.getMetadata().getFinalizers().remove(Finalizers.NAMESPACE_OFFLOADING));
    told.remove(namespace);
    LOG.info("namespace {} unoffloaded", namespace);
    return Result.done();
  }

  private static boolean wasSelected(NamespaceOffloading offloading, String clusterId) {
    if (offloading.getStatus() == null
        || offloading.getStatus().getRemoteNamespacesConditions() == null) {
      return false;
    }
    return offloading
        .getStatus()
        .getRemoteNamespacesConditions()
        .getOrDefault(clusterId, List.of())
        .stream()
        .anyMatch(
            c ->
                c.getType() == RemoteNamespaceConditionType.OFFLOADING_REQUIRED
                    && c.getStatus() == ConditionStatus.TRUE);
  }

  /** Pods bound to virtual nodes go; their controllers recreate them, now without offloading. */
  private void deletePodsOnVirtualNodes(String namespace) {
    Set<String> nodeNames = new HashSet<>();
    for (Node node : virtualNodes.getStore().list()) {
      nodeNames.add(node.getMetadata().getName());
    }
    if (nodeNames.isEmpty()) {
      return;
    }
    for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
      String nodeName = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
      if (nodeName != null
          && nodeNames.contains(nodeName)
          && pod.getMetadata().getDeletionTimestamp() == null) {
        client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).delete();
        LOG.info(
            "deleted pod {}/{} from virtual node {}: its namespace is no longer offloaded",
            namespace,
            pod.getMetadata().getName(),
            nodeName);
      }
    }
  }

  private void writeStatus(
      NamespaceOffloading offloading, String remote, List<ClusterOutcome> outcomes) {
    NamespaceOffloading stored =
        OptimisticUpdate.updateStatus(
            client,
            offloading,
            o -> {
              if (o.getMetadata().getDeletionTimestamp() != null) {
                return false;
              }
              NamespaceOffloadingStatus next =
                  OffloadingStatuses.next(
                      o.getStatus(),
                      remote,
                      o.getMetadata().getGeneration(),
                      outcomes,
                      Instant.now());
              if (next.equals(o.getStatus())) {
                return false;
              }
              o.setStatus(next);
              return true;
            });
    if (stored != null && stored != offloading && stored.getStatus() != null) {
      LOG.debug(
          "NamespaceOffloading {}: phase {}",
          ObjectKey.of(offloading),
          stored.getStatus().getOffloadingPhase());
    }
  }

  /** The name fixed in the status, or the one the strategy gives the first time. */
  private String remoteNamespaceName(NamespaceOffloading offloading) {
    if (offloading.getStatus() != null && offloading.getStatus().getRemoteNamespaceName() != null) {
      return offloading.getStatus().getRemoteNamespaceName();
    }
    return RemoteNamespaceNames.of(
        offloading.getMetadata().getNamespace(), offloading.getSpec(), localCluster.clusterId());
  }

  /** The labels of each provider's virtual node, by provider cluster ID. */
  private Map<String, Map<String, String>> clusterLabels() {
    Map<String, Map<String, String>> clusters = new TreeMap<>();
    List<Node> nodes = new ArrayList<>(virtualNodes.getStore().list());
    nodes.sort((a, b) -> a.getMetadata().getName().compareTo(b.getMetadata().getName()));
    for (Node node : nodes) {
      Map<String, String> labels = node.getMetadata().getLabels();
      String clusterId = labels == null ? null : labels.get(Labels.REMOTE_CLUSTER_ID);
      if (clusterId != null) {
        clusters.putIfAbsent(clusterId, labels);
      }
    }
    return clusters;
  }

  private NamespaceOffloading ensureFinalizer(NamespaceOffloading offloading) {
    if (hasFinalizer(offloading)) {
      return offloading;
    }
    return OptimisticUpdate.update(
        client,
        offloading,
        o -> {
          if (hasFinalizer(o) || o.getMetadata().getDeletionTimestamp() != null) {
            return false;
          }
          o.getMetadata().getFinalizers().add(Finalizers.NAMESPACE_OFFLOADING);
          return true;
        });
  }

  private static boolean hasFinalizer(NamespaceOffloading offloading) {
    return offloading.getMetadata().getFinalizers() != null
        && offloading.getMetadata().getFinalizers().contains(Finalizers.NAMESPACE_OFFLOADING);
  }

  private void setSchedulingLabel(Namespace ns, boolean present) {
    if (ns == null) {
      return;
    }
    Map<String, String> labels = ns.getMetadata().getLabels();
    boolean has = labels != null && Labels.TRUE.equals(labels.get(Labels.SCHEDULING_ENABLED));
    if (has == present) {
      return;
    }
    OptimisticUpdate.update(
        client,
        ns,
        n -> {
          Map<String, String> current =
              n.getMetadata().getLabels() == null
                  ? new HashMap<>()
                  : new HashMap<>(n.getMetadata().getLabels());
          boolean changed =
              present
                  ? !Labels.TRUE.equals(current.put(Labels.SCHEDULING_ENABLED, Labels.TRUE))
                  : current.remove(Labels.SCHEDULING_ENABLED) != null;
          n.getMetadata().setLabels(current);
          return changed;
        });
  }

  private static boolean offloadingEnabled(Namespace ns) {
    Map<String, String> labels = ns.getMetadata().getLabels();
    return ns.getMetadata().getDeletionTimestamp() == null
        && labels != null
        && Labels.TRUE.equals(labels.get(Labels.OFFLOADING_ENABLED));
  }

  private void createDefaultOffloading(String namespace) {
    NamespaceOffloading offloading = new NamespaceOffloading();
    offloading.setMetadata(
        new ObjectMetaBuilder()
            .withName(NamespaceOffloading.DEFAULT_NAME)
            .withNamespace(namespace)
            .build());
    NamespaceOffloadingSpec spec = new NamespaceOffloadingSpec();
    spec.setNamespaceMappingStrategy(NamespaceMappingStrategy.DEFAULT_NAME);
    spec.setPodOffloadingStrategy(PodOffloadingStrategy.LOCAL_AND_REMOTE);
    offloading.setSpec(spec);
    try {
      client.resource(offloading).create();
      LOG.info(
          "namespace {} is labelled {}=true: created its default NamespaceOffloading",
          namespace,
          Labels.OFFLOADING_ENABLED);
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
    }
  }

  private void warnAboutMisnamed(String namespace) {
    for (NamespaceOffloading other :
        offloadings.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace)) {
      if (!NamespaceOffloading.DEFAULT_NAME.equals(other.getMetadata().getName())) {
        events.warning(
            other,
            "IgnoredNamespaceOffloading",
            "NamespaceOffloading "
                + other.getMetadata().getName()
                + " is ignored: only the one named '"
                + NamespaceOffloading.DEFAULT_NAME
                + "' configures the offloading of a namespace; create it with that name");
      }
    }
  }

  /** The namespaces whose offloading involves the NamespaceMap {@code map} of a provider. */
  Collection<ObjectKey> keysOf(ProviderNamespaceMap provider, NamespaceMap map) {
    if (!provider.isOurs(map)) {
      return List.of();
    }
    Set<ObjectKey> keys = new LinkedHashSet<>();
    if (map.getSpec() != null && map.getSpec().getDesiredMapping() != null) {
      map.getSpec().getDesiredMapping().keySet().forEach(ns -> keys.add(ObjectKey.of(ns)));
    }
    if (map.getStatus() != null && map.getStatus().getCurrentMapping() != null) {
      map.getStatus().getCurrentMapping().keySet().forEach(ns -> keys.add(ObjectKey.of(ns)));
    }
    if (provider.map().isEmpty()) {
      keys.addAll(allKeys()); // deleted: every offloading may need it back
    }
    return keys;
  }

  /** The namespaces that have a NamespaceOffloading. */
  Collection<ObjectKey> allKeys() {
    Set<ObjectKey> keys = new LinkedHashSet<>();
    for (NamespaceOffloading offloading : offloadings.getStore().list()) {
      keys.add(ObjectKey.of(offloading.getMetadata().getNamespace()));
    }
    return keys;
  }

  /** The key of the namespace an offloading lives in. */
  static Collection<ObjectKey> keyOf(NamespaceOffloading offloading) {
    return List.of(ObjectKey.of(offloading.getMetadata().getNamespace()));
  }
}
