package io.liqojava.core.peering;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.ResourceQuotaSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.liqojava.api.authentication.v1beta1.ResourceSlice;
import io.liqojava.api.authentication.v1beta1.ResourceSliceCondition;
import io.liqojava.api.authentication.v1beta1.ResourceSliceConditionStatus;
import io.liqojava.api.authentication.v1beta1.ResourceSliceConditionType;
import io.liqojava.api.authentication.v1beta1.ResourceSliceSpec;
import io.liqojava.api.consts.Finalizers;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.core.v1beta1.PeeringConditionStatus;
import io.liqojava.api.core.v1beta1.PeeringConditionType;
import io.liqojava.api.core.v1beta1.PeeringEnabled;
import io.liqojava.api.core.v1beta1.TenantNamespace;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.api.offloading.v1beta1.VirtualNode;
import io.liqojava.api.offloading.v1beta1.VirtualNodeSpec;
import io.liqojava.core.authentication.AuthenticationException;
import io.liqojava.core.runtime.ObjectKey;
import io.liqojava.core.runtime.Reconciler;
import io.liqojava.core.runtime.Result;
import io.liqojava.core.runtime.ServerSideApply;
import io.liqojava.core.tenant.TenantNamespaces;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer side of a peering: for each ForeignCluster whose outgoing peering is enabled, it
 * authenticates with the provider, asks it for resources with a ResourceSlice, and creates the
 * VirtualNode that becomes the provider's virtual node; when the outgoing peering is disabled or
 * the ForeignCluster deleted, it takes all of that down again, completing even when the provider is
 * gone. Its progress is the ForeignCluster's AuthenticationStatus and OutgoingPeering conditions.
 */
final class OutgoingPeeringReconciler implements Reconciler {

  private static final Logger LOG = LoggerFactory.getLogger(OutgoingPeeringReconciler.class);
  // While a step is pending, the next is polled for: the provider's grant comes from another
  // cluster.
  private static final Duration WHILE_PENDING = Duration.ofMillis(500);
  private static final Duration WHILE_ESTABLISHED = Duration.ofSeconds(30);
  private static final Duration AFTER_LASTING_FAILURE = Duration.ofSeconds(30);
  private static final Duration AFTER_PASSING_FAILURE = Duration.ofSeconds(3);
  private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofDays(1);
  private static final Set<AuthenticationException.Reason> NEEDS_A_PERSON =
      EnumSet.of(
          AuthenticationException.Reason.INVALID_TOKEN,
          AuthenticationException.Reason.NAME_CONFLICT,
          AuthenticationException.Reason.WRONG_CLUSTER,
          AuthenticationException.Reason.UNREACHABLE,
          AuthenticationException.Reason.RATE_LIMITED);

  private final KubernetesClient client;
  private final SharedIndexInformer<ForeignCluster> foreignClusters;
  private final ClusterIdentity local;
  private final ProviderCredentials credentials;
  private final ForeignClusterConditions conditions;

  OutgoingPeeringReconciler(
      KubernetesClient client,
      SharedIndexInformer<ForeignCluster> foreignClusters,
      ClusterIdentity local,
      ProviderCredentials credentials) {
    this.client = client;
    this.foreignClusters = foreignClusters;
    this.local = local;
    this.credentials = credentials;
    this.conditions = new ForeignClusterConditions(client);
  }

  /**
   * The name of the virtual node (and VirtualNode) standing for the ForeignCluster {@code name}.
   */
  static String virtualNodeName(String foreignClusterName) {
    return "liqo-" + foreignClusterName;
  }

  @Override
  public Result reconcile(ObjectKey key) {
    ForeignCluster fc = foreignClusters.getIndexer().getByKey(key.toString());
    if (fc == null) {
      return Result.done();
    }
    String name = fc.getMetadata().getName();
    String remoteId = fc.getSpec().getClusterID();
    String tenant = TenantNamespaces.nameFor(remoteId);
    boolean deleting = fc.getMetadata().getDeletionTimestamp() != null;
    if (!deleting) {
      addFinalizer(fc);
      initializeConditions(name);
    }
    if (deleting || !outgoingEnabled(fc)) {
      Optional<Result> pending = tearDown(fc, tenant);
      if (pending.isPresent()) {
        return pending.get();
      }
      if (deleting) {
        forget(fc, tenant);
        removeFinalizer(fc);
      } else if (abandoned(fc)) {
        LOG.info(
            "{} no longer peers with this cluster in either direction: removing its ForeignCluster",
            name);
        client.resources(ForeignCluster.class).withName(name).delete();
      }
      return Result.done();
    }
    Optional<Namespace> previous = TenantNamespaces.find(client, remoteId);
    if (previous.isPresent() && previous.get().getMetadata().getDeletionTimestamp() != null) {
      conditions.set(
          name,
          PeeringConditionType.OUTGOING_PEERING,
          PeeringConditionStatus.PENDING,
          "WaitingForTenantNamespace",
          "Waiting for the tenant namespace " + tenant + " of an earlier peering to be deleted");
      return Result.requeueAfter(Duration.ofSeconds(1));
    }
    TenantNamespaces.ensure(client, remoteId);
    conditions.update(
        name,
        status -> {
          TenantNamespace namespaces =
              status.getTenantNamespace() == null
                  ? new TenantNamespace()
                  : status.getTenantNamespace();
          namespaces.setLocal(tenant);
          namespaces.setRemote(TenantNamespaces.nameFor(local.clusterId()));
          status.setTenantNamespace(namespaces);
        });

    Attempt authentication = authenticate(fc);
    if (authentication.client() == null) {
      return Result.requeueAfter(authentication.retryAfter());
    }
    Optional<ResourceSlice> slice = negotiate(fc, authentication.client());
    if (slice.isEmpty()) {
      return Result.requeueAfter(WHILE_PENDING);
    }
    ensureVirtualNode(fc, tenant, slice.get());
    return awaitNodeReady(fc)
        ? Result.requeueAfter(WHILE_ESTABLISHED)
        : Result.requeueAfter(WHILE_PENDING);
  }

  /** Gives the conditions no one else has set yet their resting value. */
  private void initializeConditions(String name) {
    conditions.setIfAbsent(
        name,
        PeeringConditionType.INCOMING_PEERING,
        PeeringConditionStatus.NONE,
        "NoIncomingPeering",
        "The remote cluster does not offload to this cluster");
    conditions.setIfAbsent(
        name,
        PeeringConditionType.NETWORK_STATUS,
        PeeringConditionStatus.NONE,
        "NetworkFabricNotAvailable",
        "This release of liqo-java has no network fabric: pods reach each other across clusters"
            + " only where the clusters' networks already connect them");
  }

  private static boolean outgoingEnabled(ForeignCluster fc) {
    return fc.getSpec().getOutgoingPeeringEnabled() == PeeringEnabled.YES;
  }

  /**
   * The outcome of an authentication: the client to the provider, or how long to wait before the
   * next attempt.
   */
  private record Attempt(KubernetesClient client, Duration retryAfter) {}

  /**
   * The client to the provider, authenticating first when there is no identity yet. Failures that
   * need a person (wrong token, wrong URL, unreachable service, name conflict) set the
   * AuthenticationStatus to Error and are retried slowly; others (the provider busy or in the
   * middle of a change) keep it Pending and are retried soon.
   */
  private Attempt authenticate(ForeignCluster fc) {
    String name = fc.getMetadata().getName();
    Optional<Instant> expiry = credentials.expiry(fc.getSpec().getClusterID());
    if (expiry.isPresent() && expiry.get().isBefore(Instant.now().plus(RENEW_BEFORE_EXPIRY))) {
      if (!credentials.canAuthenticate(fc)) {
        conditions.set(
            name,
            PeeringConditionType.AUTHENTICATION_STATUS,
            PeeringConditionStatus.ERROR,
            "IdentityExpired",
            "The certificate of this cluster's identity in "
                + name
                + " expires at "
                + expiry.get()
                + " and this cluster cannot renew it by itself (it was peered with both"
                + " kubeconfigs): run 'liqoctl peer --remote-kubeconfig' again to issue a new one");
        return new Attempt(null, AFTER_LASTING_FAILURE);
      }
      LOG.info("the identity of this cluster in {} expires at {}: renewing it", name, expiry.get());
      conditions.set(
          name,
          PeeringConditionType.AUTHENTICATION_STATUS,
          PeeringConditionStatus.PENDING,
          "RenewingIdentity",
          "The certificate of this cluster's identity in "
              + name
              + " expires at "
              + expiry.get()
              + ": asking "
              + name
              + " for a new one");
      credentials.dropIdentity(fc);
    }
    Optional<KubernetesClient> remote = credentials.client(fc);
    if (remote.isPresent()) {
      conditions.set(
          name,
          PeeringConditionType.AUTHENTICATION_STATUS,
          PeeringConditionStatus.ESTABLISHED,
          "IdentityAccepted",
          "This cluster holds an identity accepted by " + name);
      return new Attempt(remote.get(), null);
    }
    if (ForeignClusterConditions.statusOf(fc, PeeringConditionType.AUTHENTICATION_STATUS)
        != PeeringConditionStatus.ERROR) {
      conditions.set(
          name,
          PeeringConditionType.AUTHENTICATION_STATUS,
          PeeringConditionStatus.PENDING,
          "Authenticating",
          "Asking the authentication service of " + name + " for an identity");
    }
    boolean lasting;
    String message;
    try {
      credentials.authenticate(fc);
      return new Attempt(credentials.client(fc).orElseThrow(), null);
    } catch (AuthenticationException e) {
      lasting = NEEDS_A_PERSON.contains(e.reason());
      message = e.getMessage();
    } catch (PeeringException e) {
      lasting = true;
      message = e.getMessage();
    }
    conditions.set(
        name,
        PeeringConditionType.AUTHENTICATION_STATUS,
        lasting ? PeeringConditionStatus.ERROR : PeeringConditionStatus.PENDING,
        lasting ? "AuthenticationFailed" : "AuthenticationRetrying",
        message);
    conditions.set(
        name,
        PeeringConditionType.OUTGOING_PEERING,
        PeeringConditionStatus.PENDING,
        "WaitingForAuthentication",
        "The outgoing peering waits for authentication with " + name);
    // The provider locks out addresses that fail too often: retry at a pace it tolerates.
    return new Attempt(null, lasting ? AFTER_LASTING_FAILURE : AFTER_PASSING_FAILURE);
  }

  /** The accepted ResourceSlice of this cluster in the provider, once the provider granted it. */
  private Optional<ResourceSlice> negotiate(ForeignCluster fc, KubernetesClient remote) {
    String name = fc.getMetadata().getName();
    ResourceSlice desired = new ResourceSlice();
    desired.getMetadata().setName(local.clusterId());
    desired.getMetadata().setNamespace(TenantNamespaces.nameFor(local.clusterId()));
    desired.getMetadata().setLabels(Map.of(Labels.REMOTE_CLUSTER_ID, local.clusterId()));
    ResourceSliceSpec spec = new ResourceSliceSpec();
    spec.setConsumerClusterID(local.clusterId());
    spec.setProviderClusterID(fc.getSpec().getClusterID());
    spec.setResources(PeeringRequests.requestedResources(fc));
    desired.setSpec(spec);
    ResourceSlice slice;
    try {
      slice = ServerSideApply.apply(remote, desired);
    } catch (KubernetesClientException e) {
      conditions.set(
          name,
          PeeringConditionType.OUTGOING_PEERING,
          PeeringConditionStatus.ERROR,
          "ResourceRequestFailed",
          "Cannot ask " + name + " for resources: " + e.getMessage());
      throw e;
    }
    Optional<ResourceSliceCondition> resources =
        slice.getStatus() == null || slice.getStatus().getConditions() == null
            ? Optional.empty()
            : slice.getStatus().getConditions().stream()
                .filter(c -> c.getType() == ResourceSliceConditionType.RESOURCES)
                .findFirst();
    if (resources.isPresent()
        && resources.get().getStatus() == ResourceSliceConditionStatus.DENIED) {
      conditions.set(
          name,
          PeeringConditionType.OUTGOING_PEERING,
          PeeringConditionStatus.DENIED,
          "ResourcesDenied",
          name + " denied the resources asked for: " + resources.get().getMessage());
      return Optional.empty();
    }
    if (resources.isEmpty()
        || resources.get().getStatus() != ResourceSliceConditionStatus.ACCEPTED
        || slice.getStatus().getResources() == null) {
      conditions.set(
          name,
          PeeringConditionType.OUTGOING_PEERING,
          PeeringConditionStatus.PENDING,
          "NegotiatingResources",
          "Waiting for " + name + " to grant resources");
      return Optional.empty();
    }
    return Optional.of(slice);
  }

  private void ensureVirtualNode(ForeignCluster fc, String tenant, ResourceSlice slice) {
    VirtualNode desired = new VirtualNode();
    desired.getMetadata().setName(virtualNodeName(fc.getMetadata().getName()));
    desired.getMetadata().setNamespace(tenant);
    desired.getMetadata().setLabels(Map.of(Labels.REMOTE_CLUSTER_ID, fc.getSpec().getClusterID()));
    VirtualNodeSpec spec = new VirtualNodeSpec();
    spec.setClusterID(fc.getSpec().getClusterID());
    spec.setCreateNode(true);
    spec.setKubeconfigSecretRef(new LocalObjectReference(credentials.secretName()));
    ResourceQuotaSpec quota = new ResourceQuotaSpec();
    quota.setHard(new LinkedHashMap<>(slice.getStatus().getResources()));
    spec.setResourceQuota(quota);
    Map<String, String> labels = slice.getStatus().getNodeLabels();
    spec.setLabels(labels == null ? Map.of() : labels);
    desired.setSpec(spec);
    ServerSideApply.apply(client, desired);
  }

  private boolean awaitNodeReady(ForeignCluster fc) {
    String name = fc.getMetadata().getName();
    String nodeName = virtualNodeName(name);
    Node node = client.nodes().withName(nodeName).get();
    Optional<NodeCondition> ready =
        node == null || node.getStatus() == null
            ? Optional.empty()
            : node.getStatus().getConditions().stream()
                .filter(c -> "Ready".equals(c.getType()))
                .findFirst();
    if (ready.isPresent() && "True".equals(ready.get().getStatus())) {
      conditions.set(
          name,
          PeeringConditionType.OUTGOING_PEERING,
          PeeringConditionStatus.ESTABLISHED,
          "VirtualNodeReady",
          "Virtual node " + nodeName + " is Ready: pods can be offloaded to " + name);
      return true;
    }
    conditions.set(
        name,
        PeeringConditionType.OUTGOING_PEERING,
        PeeringConditionStatus.PENDING,
        node == null ? "CreatingVirtualNode" : "VirtualNodeNotReady",
        node == null
            ? "Creating virtual node " + nodeName
            : "Virtual node "
                + nodeName
                + " is not Ready"
                + ready.map(c -> ": " + c.getMessage()).orElse(""));
    return false;
  }

  /**
   * Takes the outgoing peering down.
   *
   * @return the requeue to wait for a step, or empty once nothing of it is left
   */
  private Optional<Result> tearDown(ForeignCluster fc, String tenant) {
    String name = fc.getMetadata().getName();
    boolean hasState =
        credentials.exists(fc.getSpec().getClusterID()) || virtualNode(fc, tenant).isPresent();
    if (hasState) {
      conditions.set(
          name,
          PeeringConditionType.OUTGOING_PEERING,
          PeeringConditionStatus.DISCONNECTING,
          "TearingDown",
          "Draining and deleting virtual node " + virtualNodeName(name));
      if (virtualNode(fc, tenant).isPresent()) {
        client
            .resources(VirtualNode.class)
            .inNamespace(tenant)
            .withName(virtualNodeName(name))
            .delete();
        return Optional.of(Result.requeueAfter(Duration.ofSeconds(1)));
      }
      List<String> leftovers = credentials.release(fc);
      conditions.set(
          name,
          PeeringConditionType.OUTGOING_PEERING,
          PeeringConditionStatus.NONE,
          leftovers.isEmpty() ? "PeeringDisabled" : "PeeringDisabledWithLeftovers",
          leftovers.isEmpty()
              ? "The outgoing peering is disabled"
              : "The outgoing peering is disabled, but not everything could be cleaned up: "
                  + String.join("; ", leftovers));
      LOG.info("outgoing peering with {} torn down", name);
    } else if (ForeignClusterConditions.statusOf(fc, PeeringConditionType.OUTGOING_PEERING)
            != PeeringConditionStatus.NONE
        || ForeignClusterConditions.find(fc, PeeringConditionType.OUTGOING_PEERING).isEmpty()) {
      conditions.set(
          name,
          PeeringConditionType.OUTGOING_PEERING,
          PeeringConditionStatus.NONE,
          "PeeringDisabled",
          "The outgoing peering is disabled");
    }
    return Optional.empty();
  }

  /**
   * Whether nothing connects this cluster with the ForeignCluster's any more: the outgoing peering
   * is off and the other cluster took its last ResourceSlice back.
   */
  private static boolean abandoned(ForeignCluster fc) {
    return ForeignClusterConditions.find(fc, PeeringConditionType.INCOMING_PEERING)
        .filter(c -> c.getStatus() == PeeringConditionStatus.NONE)
        .filter(c -> ForeignClusterConditions.REASON_NO_RESOURCE_SLICE.equals(c.getReason()))
        .isPresent();
  }

  /**
   * Deletes what this cluster keeps about a ForeignCluster being deleted: tenant namespace, tokens.
   */
  private void forget(ForeignCluster fc, String tenant) {
    String remoteId = fc.getSpec().getClusterID();
    client.namespaces().withName(tenant).delete();
    credentials.deleteToken(remoteId);
    credentials.deletePeeringToken(remoteId);
    LOG.info("forgot cluster {} ({})", fc.getMetadata().getName(), remoteId);
  }

  private Optional<VirtualNode> virtualNode(ForeignCluster fc, String tenant) {
    return Optional.ofNullable(
        client
            .resources(VirtualNode.class)
            .inNamespace(tenant)
            .withName(virtualNodeName(fc.getMetadata().getName()))
            .get());
  }

  private void addFinalizer(ForeignCluster fc) {
    if (!fc.getMetadata().getFinalizers().contains(Finalizers.FOREIGN_CLUSTER)) {
      client
          .resources(ForeignCluster.class)
          .withName(fc.getMetadata().getName())
          .edit(
              current -> {
                current.addFinalizer(Finalizers.FOREIGN_CLUSTER);
                return current;
              });
    }
  }

  private void removeFinalizer(ForeignCluster fc) {
    if (fc.getMetadata().getFinalizers().contains(Finalizers.FOREIGN_CLUSTER)) {
      client
          .resources(ForeignCluster.class)
          .withName(fc.getMetadata().getName())
          .edit(
              current -> {
                current.removeFinalizer(Finalizers.FOREIGN_CLUSTER);
                return current;
              });
    }
  }
}
