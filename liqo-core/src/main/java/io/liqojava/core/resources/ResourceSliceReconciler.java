package io.liqojava.core.resources;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.liqojava.api.authentication.v1beta1.ResourceSlice;
import io.liqojava.api.authentication.v1beta1.ResourceSliceCondition;
import io.liqojava.api.authentication.v1beta1.ResourceSliceConditionStatus;
import io.liqojava.api.authentication.v1beta1.ResourceSliceConditionType;
import io.liqojava.api.authentication.v1beta1.ResourceSliceStatus;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.core.v1beta1.PeeringCondition;
import io.liqojava.api.core.v1beta1.PeeringConditionStatus;
import io.liqojava.api.core.v1beta1.PeeringConditionType;
import io.liqojava.api.core.v1beta1.PeeringEnabled;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.identity.ClusterIdentityStore;
import io.liqojava.core.peering.ForeignClusterConditions;
import io.liqojava.core.runtime.ObjectKey;
import io.liqojava.core.runtime.OptimisticUpdate;
import io.liqojava.core.runtime.Reconciler;
import io.liqojava.core.runtime.Result;
import io.liqojava.core.tenant.TenantNamespaces;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the ResourceSlices that consumers create in their tenant namespaces ({@code
 * liqo-tenant-<consumer cluster ID>}) on this, the provider, cluster.
 *
 * <p>A slice without {@code spec.resources} is granted the share of this cluster's resources: the
 * {@linkplain ResourceSharingConfig#sharingPercentage() sharing percentage} of the allocatable cpu,
 * memory, pods and extended resources (such as {@code nvidia.com/gpu}) of its schedulable physical
 * nodes (not cordoned, not {@code liqo.io/type=virtual-node}); a slice with an explicit request is
 * granted as asked when every amount fits within that share, and denied with a message naming each
 * resource, the amount asked and the amount available otherwise. The answer goes to {@code
 * status.resources} and to the conditions {@code Authentication} and {@code Resources}; nothing is
 * written when nothing changed. A default grant follows the nodes: the reconciler runs again for
 * every slice when the share changes. An explicit request once granted stays granted while it is
 * unchanged, so that cordoning a node for maintenance does not take a consumer's resources away.
 *
 * <p>The ForeignCluster of the consumer (the one whose {@code spec.clusterID} is the consumer's ID)
 * gets {@code IncomingPeering}: {@code Established} while one of its slices is granted, {@code
 * Denied} when they are all denied, and {@code None} once they are gone (deletion is observed as
 * absence, so no finalizer holds a consumer's unpeering up).
 *
 * <p>Built and run by {@link ResourceSharing}.
 */
public final class ResourceSliceReconciler implements Reconciler {

  /** The ForeignCluster informer index by {@code spec.clusterID}. */
  static final String BY_CLUSTER_ID = "spec.clusterID";

  private static final Logger LOG = LoggerFactory.getLogger(ResourceSliceReconciler.class);
  private static final Set<PeeringConditionStatus> SET_BY_SLICES =
      EnumSet.of(
          PeeringConditionStatus.ESTABLISHED,
          PeeringConditionStatus.DENIED,
          PeeringConditionStatus.DISCONNECTING);

  private final KubernetesClient client;
  private final ResourceSharingConfig config;
  private final SharedIndexInformer<ResourceSlice> slices;
  private final SharedIndexInformer<Node> nodes;
  private final SharedIndexInformer<ForeignCluster> foreignClusters;
  private final ForeignClusterConditions conditions;
  private final AtomicReference<ResourceShare> lastShare = new AtomicReference<>();
  private final Consumer<String> onConsumerGone;
  private final ClusterIdentityStore identity;

  ResourceSliceReconciler(
      KubernetesClient client,
      ResourceSharingConfig config,
      SharedIndexInformer<ResourceSlice> slices,
      SharedIndexInformer<Node> nodes,
      SharedIndexInformer<ForeignCluster> foreignClusters,
      Consumer<String> onConsumerGone) {
    this.client = client;
    this.onConsumerGone = onConsumerGone;
    this.identity = new ClusterIdentityStore(client);
    this.config = config;
    this.slices = slices;
    this.nodes = nodes;
    this.foreignClusters = foreignClusters;
    this.conditions = new ForeignClusterConditions(client);
  }

  /** The indexers the ForeignCluster informer needs. */
  static Map<String, Function<ForeignCluster, List<String>>> foreignClusterIndexers() {
    return Map.of(
        BY_CLUSTER_ID,
        fc ->
            fc.getSpec() == null || fc.getSpec().getClusterID() == null
                ? List.of()
                : List.of(fc.getSpec().getClusterID()));
  }

  @Override
  public Result reconcile(ObjectKey key) {
    String namespace = key.namespace();
    if (namespace == null || !namespace.startsWith(TenantNamespaces.PREFIX)) {
      return Result.done();
    }
    String consumerId = namespace.substring(TenantNamespaces.PREFIX.length());
    Optional<ForeignCluster> foreignCluster = foreignClusterOf(consumerId);
    ResourceShare share = currentShare();
    ResourceSlice slice = slices.getIndexer().getByKey(key.toString());
    if (slice != null && isLive(slice) && isAddressedToThisCluster(slice)) {
      writeStatus(slice, evaluate(slice, consumerId, foreignCluster, share));
    }
    foreignCluster.ifPresent(fc -> reportIncomingPeering(namespace, consumerId, fc, share));
    return Result.done();
  }

  /**
   * The slices to reconcile after a node changed: all of them when the share changed, none
   * otherwise (a heartbeat does not change what is granted).
   */
  Collection<ObjectKey> keysAfterNodeChange() {
    ResourceShare share = ResourceShare.of(nodes.getStore().list(), config.sharingPercentage());
    ResourceShare previous = lastShare.getAndSet(share);
    if (share.equals(previous)) {
      return List.of();
    }
    return slices.getStore().list().stream().map(ObjectKey::of).toList();
  }

  /** The slices to reconcile after the ForeignCluster {@code fc} changed. */
  Collection<ObjectKey> keysOf(ForeignCluster fc) {
    if (fc.getSpec() == null || fc.getSpec().getClusterID() == null) {
      return List.of();
    }
    String clusterId = fc.getSpec().getClusterID();
    String namespace = TenantNamespaces.nameFor(clusterId);
    List<ObjectKey> keys =
        slices.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace).stream()
            .map(ObjectKey::of)
            .toList();
    // No slice: reconcile the slice the consumer would create, so that its absence is reported.
    return keys.isEmpty() ? List.of(ObjectKey.of(namespace, clusterId)) : keys;
  }

  private ResourceShare currentShare() {
    return ResourceShare.of(nodes.getStore().list(), config.sharingPercentage());
  }

  private Optional<ForeignCluster> foreignClusterOf(String clusterId) {
    return foreignClusters.getIndexer().byIndex(BY_CLUSTER_ID, clusterId).stream()
        .min(Comparator.comparing(fc -> fc.getMetadata().getName()));
  }

  private boolean isAddressedToThisCluster(ResourceSlice slice) {
    String provider = slice.getSpec() == null ? null : slice.getSpec().getProviderClusterID();
    return provider == null || config.clusterId().map(provider::equals).orElse(true);
  }

  private static boolean isLive(ResourceSlice slice) {
    return slice.getMetadata().getDeletionTimestamp() == null;
  }

  private Outcome evaluate(
      ResourceSlice slice,
      String consumerId,
      Optional<ForeignCluster> foreignCluster,
      ResourceShare share) {
    String namespace = slice.getMetadata().getNamespace();
    String claimed = slice.getSpec() == null ? null : slice.getSpec().getConsumerClusterID();
    if (claimed != null && !claimed.equals(consumerId)) {
      Verdict mismatch =
          Verdict.denied(
              "ConsumerMismatch",
              "spec.consumerClusterID '"
                  + claimed
                  + "' does not match tenant namespace "
                  + namespace
                  + ", which belongs to cluster "
                  + consumerId
                  + "; a consumer can only ask for resources for itself: set"
                  + " spec.consumerClusterID to "
                  + consumerId);
      return new Outcome(mismatch, mismatch, Map.of());
    }
    Verdict authentication =
        Verdict.accepted(
            "IdentityAccepted",
            "cluster " + consumerId + " is authenticated by its identity in " + namespace);
    if (foreignCluster.isPresent() && incomingDisabled(foreignCluster.get())) {
      return new Outcome(
          authentication,
          Verdict.denied(
              "IncomingPeeringDisabled",
              "incoming peering from cluster "
                  + consumerId
                  + " is disabled on this cluster (ForeignCluster "
                  + foreignCluster.get().getMetadata().getName()
                  + " has spec.incomingPeeringEnabled=No); set it to Auto or Yes to share"
                  + " resources with it"),
          Map.of());
    }
    Map<String, Quantity> request = slice.getSpec() == null ? null : slice.getSpec().getResources();
    Optional<ResourceSliceCondition> granted = grantedAsRequested(slice, request);
    if (granted.isPresent()) {
      // An explicit grant stands while the request does: a cordoned node does not revoke it.
      return new Outcome(
          authentication,
          Verdict.accepted(granted.get().getReason(), granted.get().getMessage()),
          request);
    }
    ResourceShare.Decision decision = share.decide(request);
    Verdict resources =
        decision.accepted()
            ? Verdict.accepted(decision.reason(), decision.message())
            : Verdict.denied(decision.reason(), decision.message());
    return new Outcome(authentication, resources, decision.granted());
  }

  /** The Resources condition of a slice whose explicit request is already granted as it is. */
  private static Optional<ResourceSliceCondition> grantedAsRequested(
      ResourceSlice slice, Map<String, Quantity> request) {
    if (request == null || request.isEmpty() || slice.getStatus() == null) {
      return Optional.empty();
    }
    Map<String, Quantity> granted = slice.getStatus().getResources();
    if (granted == null || !new TreeMap<>(granted).equals(new TreeMap<>(request))) {
      return Optional.empty();
    }
    List<ResourceSliceCondition> conditions = slice.getStatus().getConditions();
    return conditions == null
        ? Optional.empty()
        : conditions.stream()
            .filter(
                c ->
                    c.getType() == ResourceSliceConditionType.RESOURCES
                        && c.getStatus() == ResourceSliceConditionStatus.ACCEPTED)
            .findFirst();
  }

  private static boolean incomingDisabled(ForeignCluster fc) {
    return fc.getSpec() != null && fc.getSpec().getIncomingPeeringEnabled() == PeeringEnabled.NO;
  }

  private void writeStatus(ResourceSlice cached, Outcome outcome) {
    // The consumer's virtual node carries this cluster's labels (liqoctl install --cluster-labels).
    Map<String, String> labels = identity.read().map(ClusterIdentity::labels).orElse(Map.of());
    ResourceSlice stored =
        OptimisticUpdate.updateStatus(
            client,
            cached,
            slice -> {
              if (!isLive(slice)) {
                return false;
              }
              ResourceSliceStatus before = slice.getStatus();
              ResourceSliceStatus after =
                  before == null
                      ? new ResourceSliceStatus()
                      : clone(before, ResourceSliceStatus.class);
              upsert(after, ResourceSliceConditionType.AUTHENTICATION, outcome.authentication());
              upsert(after, ResourceSliceConditionType.RESOURCES, outcome.resources());
              after.setResources(
                  outcome.granted().isEmpty() ? null : new TreeMap<>(outcome.granted()));
              after.setNodeLabels(labels.isEmpty() ? null : new TreeMap<>(labels));
              slice.setStatus(after);
              return !after.equals(before);
            });
    if (stored != null && stored != cached) {
      LOG.info(
          "ResourceSlice {}: resources {}: {}",
          ObjectKey.of(cached),
          outcome.resources().status(),
          outcome.resources().message());
    }
  }

  private static void upsert(
      ResourceSliceStatus status, ResourceSliceConditionType type, Verdict verdict) {
    List<ResourceSliceCondition> list =
        status.getConditions() == null
            ? new ArrayList<>()
            : new ArrayList<>(status.getConditions());
    ResourceSliceCondition condition =
        list.stream().filter(c -> c.getType() == type).findFirst().orElse(null);
    if (condition == null) {
      condition = new ResourceSliceCondition();
      condition.setType(type);
      list.add(condition);
    }
    if (condition.getStatus() != verdict.status() || condition.getLastTransitionTime() == null) {
      condition.setLastTransitionTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }
    condition.setStatus(verdict.status());
    condition.setReason(verdict.reason());
    condition.setMessage(verdict.message());
    status.setConditions(list);
  }

  private void reportIncomingPeering(
      String namespace, String consumerId, ForeignCluster fc, ResourceShare share) {
    List<ResourceSlice> ours =
        slices.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace).stream()
            .filter(this::isAddressedToThisCluster)
            .sorted(Comparator.comparing(s -> s.getMetadata().getName()))
            .toList();
    List<ResourceSlice> live = ours.stream().filter(ResourceSliceReconciler::isLive).toList();
    PeeringConditionStatus status;
    String reason;
    String message;
    if (live.isEmpty()) {
      Optional<PeeringCondition> current =
          ForeignClusterConditions.find(fc, PeeringConditionType.INCOMING_PEERING);
      if (current.isEmpty() || !SET_BY_SLICES.contains(current.get().getStatus())) {
        return; // never established through a slice: leave the condition to the identity issuer
      }
      if (ours.isEmpty()) {
        status = PeeringConditionStatus.NONE;
        reason = ForeignClusterConditions.REASON_NO_RESOURCE_SLICE;
        message = "cluster " + consumerId + " has no ResourceSlice in " + namespace;
      } else {
        status = PeeringConditionStatus.DISCONNECTING;
        reason = "ResourceSliceDeleting";
        message = "the ResourceSlices of cluster " + consumerId + " are being deleted";
      }
    } else {
      Map.Entry<ResourceSlice, Outcome> chosen = null;
      for (ResourceSlice slice : live) {
        Outcome outcome = evaluate(slice, consumerId, Optional.of(fc), share);
        if (chosen == null || (outcome.accepted() && !chosen.getValue().accepted())) {
          chosen = Map.entry(slice, outcome);
        }
      }
      Outcome outcome = chosen.getValue();
      String sliceName = chosen.getKey().getMetadata().getName();
      status =
          outcome.accepted() ? PeeringConditionStatus.ESTABLISHED : PeeringConditionStatus.DENIED;
      reason = outcome.accepted() ? "ResourcesGranted" : "ResourcesDenied";
      message =
          "ResourceSlice " + namespace + "/" + sliceName + ": " + outcome.resources().message();
    }
    if (matches(fc, status, reason, message)) {
      return;
    }
    conditions.set(
        fc.getMetadata().getName(), PeeringConditionType.INCOMING_PEERING, status, reason, message);
    if (status == PeeringConditionStatus.NONE) {
      onConsumerGone.accept(consumerId);
    }
    LOG.info(
        "ForeignCluster {}: incoming peering {} ({})", fc.getMetadata().getName(), status, reason);
  }

  private static boolean matches(
      ForeignCluster fc, PeeringConditionStatus status, String reason, String message) {
    return ForeignClusterConditions.find(fc, PeeringConditionType.INCOMING_PEERING)
        .filter(
            c ->
                c.getStatus() == status
                    && Objects.equals(c.getReason(), reason)
                    && Objects.equals(c.getMessage(), message))
        .isPresent();
  }

  private <T> T clone(T object, Class<T> type) {
    return type.cast(client.getKubernetesSerialization().clone(object));
  }

  /** One condition's worth of answer. */
  private record Verdict(ResourceSliceConditionStatus status, String reason, String message) {

    static Verdict accepted(String reason, String message) {
      return new Verdict(ResourceSliceConditionStatus.ACCEPTED, reason, message);
    }

    static Verdict denied(String reason, String message) {
      return new Verdict(ResourceSliceConditionStatus.DENIED, reason, message);
    }
  }

  /** The whole answer to a slice. */
  private record Outcome(Verdict authentication, Verdict resources, Map<String, Quantity> granted) {

    boolean accepted() {
      return authentication.status() == ResourceSliceConditionStatus.ACCEPTED
          && resources.status() == ResourceSliceConditionStatus.ACCEPTED;
    }
  }
}
