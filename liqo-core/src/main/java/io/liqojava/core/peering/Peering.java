package io.liqojava.core.peering;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.core.v1beta1.ForeignClusterSpec;
import io.liqojava.api.core.v1beta1.PeeringCondition;
import io.liqojava.api.core.v1beta1.PeeringConditionStatus;
import io.liqojava.api.core.v1beta1.PeeringConditionType;
import io.liqojava.api.core.v1beta1.PeeringEnabled;
import io.liqojava.api.core.v1beta1.PeeringType;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.authentication.AuthenticationException;
import io.liqojava.core.authentication.IdentityIssuer;
import io.liqojava.core.authentication.RemoteIdentity;
import io.liqojava.core.identity.ClusterIdentityStore;
import io.liqojava.core.identity.LiqoNamespace;
import io.liqojava.core.runtime.ServerSideApply;
import io.liqojava.core.tenant.TenantNamespaces;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Peers this cluster with others and tears peerings down: the Java entry point behind {@code
 * liqoctl peer} and {@code liqoctl unpeer}, for operators that embed peering.
 *
 * <p>Methods only declare intent in the cluster — a ForeignCluster and, out of band, the token to
 * authenticate with — and the liqo-java agent running in the cluster carries it out. The {@code
 * await} methods follow its progress through the ForeignCluster's conditions.
 *
 * <pre>{@code
 * Peering peering = new Peering(client);
 * peering.peerOutOfBand("naples", URI.create(authUrl), "naples-7881be", token);
 * peering.awaitOutgoing("naples", Duration.ofMinutes(2), System.out::println);
 * ...
 * peering.unpeer("naples");
 * UnpeerReport report = peering.awaitUnpeered("naples", Duration.ofMinutes(2), System.out::println);
 * }</pre>
 */
public final class Peering {

  /** The Lease the agent renews as its heartbeat, in the liqo namespace. */
  public static final String AGENT_LEASE = "liqo-agent";

  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration AGENT_SILENCE = Duration.ofSeconds(30);
  private static final Duration TENANT_NAMESPACE_DELETION = Duration.ofMinutes(1);

  private final KubernetesClient local;
  private final ProviderCredentials credentials;

  /** Peering operations on the cluster {@code local} talks to, as its administrator. */
  public Peering(KubernetesClient local) {
    this.local = Objects.requireNonNull(local, "local");
    this.credentials = new ProviderCredentials(local);
  }

  /** Peers out of band with the provider's default share of resources; see the full overload. */
  public ForeignCluster peerOutOfBand(String name, URI authUrl, String clusterId, String token) {
    return peerOutOfBand(name, authUrl, clusterId, token, Map.of());
  }

  /**
   * Starts an out-of-band outgoing peering with the cluster {@code clusterId}: stores {@code token}
   * to authenticate with its authentication service at {@code authUrl}, and creates the
   * ForeignCluster {@code name} with the outgoing peering enabled.
   *
   * @param resources resources to ask for (cpu, memory, pods, extended resources); empty for the
   *     provider's default share
   * @throws PeeringException when Liqo is not installed here, the arguments are invalid, or the
   *     name or the cluster ID is already used by another peering
   */
  public ForeignCluster peerOutOfBand(
      String name, URI authUrl, String clusterId, String token, Map<String, Quantity> resources) {
    ClusterIdentity self = localIdentity();
    check("cluster name", name);
    check("cluster ID", clusterId);
    if (authUrl == null || !"https".equals(authUrl.getScheme()) || authUrl.getHost() == null) {
      throw new PeeringException(
          "--auth-url '"
              + authUrl
              + "' is not an https:// URL: copy it from 'liqoctl generate"
              + " peer-command' run on the provider cluster");
    }
    if (token == null || token.isBlank()) {
      throw new PeeringException(
          "the auth token is empty: copy it from 'liqoctl generate peer-command' run on the provider");
    }
    if (clusterId.equals(self.clusterId())) {
      throw new PeeringException(
          "cluster " + clusterId + " is this cluster: a cluster cannot peer with itself");
    }
    checkNotTaken(name, clusterId);
    credentials.storeToken(clusterId, token);
    ForeignCluster fc = foreignCluster(name, clusterId, resources);
    fc.getSpec().setForeignAuthUrl(authUrl.toString());
    return ServerSideApply.apply(local, fc);
  }

  /**
   * Enables the outgoing peering towards an already known cluster, for example the reverse
   * direction of a peering that cluster started: its agent told this one how to authenticate.
   *
   * @throws PeeringException when there is no ForeignCluster {@code name}, or no way to
   *     authenticate with that cluster
   */
  public ForeignCluster peer(String name) {
    localIdentity();
    ForeignCluster fc = existing(name);
    String clusterId = fc.getSpec().getClusterID();
    boolean canAuthenticate =
        credentials.exists(clusterId)
            || (fc.getSpec().getForeignAuthUrl() != null && credentials.hasToken(clusterId));
    if (!canAuthenticate) {
      throw new PeeringException(
          "this cluster has no way to authenticate with "
              + name
              + ": peer with 'liqoctl peer out-of-band' (from 'liqoctl generate peer-command' run on "
              + name
              + ") or with 'liqoctl peer --remote-kubeconfig'");
    }
    ForeignCluster desired =
        foreignCluster(name, clusterId, PeeringRequests.requestedResources(fc));
    desired.getSpec().setForeignAuthUrl(fc.getSpec().getForeignAuthUrl());
    return ServerSideApply.apply(local, desired);
  }

  /**
   * Disables the outgoing peering towards {@code name}: the agent drains and deletes the virtual
   * node and releases the identity and resources in the provider. Does nothing when there is no
   * such peering.
   */
  public void unpeer(String name) {
    ForeignCluster fc = local.resources(ForeignCluster.class).withName(name).get();
    if (fc == null) {
      return;
    }
    local
        .resources(ForeignCluster.class)
        .withName(name)
        .edit(
            current -> {
              current.getSpec().setOutgoingPeeringEnabled(PeeringEnabled.NO);
              return current;
            });
  }

  /**
   * Removes the ForeignCluster of a peering that never got established (for example after a wrong
   * token), with the token stored for it, so that nothing half-made is left.
   */
  public void cancel(String name) {
    ForeignCluster fc = local.resources(ForeignCluster.class).withName(name).get();
    if (fc == null) {
      return;
    }
    unpeer(name);
    local.resources(ForeignCluster.class).withName(name).delete();
    credentials.deleteToken(fc.getSpec().getClusterID());
  }

  /**
   * Waits until the outgoing peering with {@code name} is established and its virtual node Ready,
   * reporting each new step to {@code progress}.
   *
   * @throws PeeringException when authentication fails, the provider denies the resources, the
   *     agent of this cluster is not running, or the timeout passes; the message says which and
   *     what to do
   */
  public ForeignCluster awaitOutgoing(String name, Duration timeout, Consumer<String> progress) {
    Instant deadline = Instant.now().plus(timeout);
    Instant agentCheck = Instant.now().plus(Duration.ofSeconds(10));
    List<String> seen = new ArrayList<>();
    while (true) {
      ForeignCluster fc = existing(name);
      report(fc, seen, progress);
      Optional<PeeringCondition> auth =
          ForeignClusterConditions.find(fc, PeeringConditionType.AUTHENTICATION_STATUS);
      if (auth.isPresent() && auth.get().getStatus() == PeeringConditionStatus.ERROR) {
        throw new PeeringException(
            "authentication with " + name + " failed: " + auth.get().getMessage());
      }
      Optional<PeeringCondition> outgoing =
          ForeignClusterConditions.find(fc, PeeringConditionType.OUTGOING_PEERING);
      if (outgoing.isPresent()) {
        switch (outgoing.get().getStatus()) {
          case ESTABLISHED:
            return fc;
          case DENIED:
          case ERROR:
            throw new PeeringException(
                "the peering with " + name + " failed: " + outgoing.get().getMessage());
          default:
            break;
        }
      }
      if (Instant.now().isAfter(agentCheck) && !agentAlive()) {
        throw new PeeringException(
            "the liqo-java agent of this cluster is not running (its heartbeat, Lease liqo/"
                + AGENT_LEASE
                + ", is stale or missing): start it, then the peering proceeds by itself");
      }
      if (Instant.now().isAfter(deadline)) {
        throw new PeeringException(
            "the peering with "
                + name
                + " did not complete within "
                + timeout.toSeconds()
                + "s; its state: "
                + describe(fc)
                + ". Check 'liqoctl status' on both clusters");
      }
      sleep();
    }
  }

  /**
   * Waits until the outgoing peering with {@code name} is torn down, then deletes the
   * ForeignCluster unless the other cluster still peers with this one, and waits until it is gone.
   */
  public UnpeerReport awaitUnpeered(String name, Duration timeout, Consumer<String> progress) {
    Instant deadline = Instant.now().plus(timeout);
    List<String> seen = new ArrayList<>();
    while (true) {
      ForeignCluster fc = local.resources(ForeignCluster.class).withName(name).get();
      if (fc == null) {
        return new UnpeerReport(List.of());
      }
      report(fc, seen, progress);
      Optional<PeeringCondition> outgoing =
          ForeignClusterConditions.find(fc, PeeringConditionType.OUTGOING_PEERING);
      if (outgoing.isPresent() && outgoing.get().getStatus() == PeeringConditionStatus.NONE) {
        List<String> leftovers =
            "PeeringDisabledWithLeftovers".equals(outgoing.get().getReason())
                ? List.of(outgoing.get().getMessage())
                : List.of();
        if (ForeignClusterConditions.statusOf(fc, PeeringConditionType.INCOMING_PEERING)
            == PeeringConditionStatus.NONE) {
          local.resources(ForeignCluster.class).withName(name).delete();
          awaitForeignClusterGone(name, deadline);
          progress.accept("Removed the ForeignCluster " + name);
        } else {
          progress.accept(
              "Kept the ForeignCluster " + name + ": " + name + " still peers with this cluster");
        }
        return new UnpeerReport(leftovers);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new PeeringException(
            "the peering with "
                + name
                + " was not torn down within "
                + timeout.toSeconds()
                + "s; its state: "
                + describe(fc)
                + ". Is the liqo-java agent of this cluster running?");
      }
      sleep();
    }
  }

  /**
   * Starts an outgoing peering from {@code consumer} to {@code provider} with the administrator
   * credentials of both, as {@code liqoctl peer --remote-kubeconfig} does: the provider issues the
   * consumer's identity directly (no authentication service, no token), and the consumer gets the
   * ForeignCluster; the consumer's agent then negotiates resources and creates the virtual node.
   * Follow it with {@code new Peering(consumer).awaitOutgoing(...)}.
   *
   * @param resources resources to ask for; empty for the provider's default share
   * @return the ForeignCluster created in the consumer, named after the provider
   * @throws PeeringException when Liqo is not installed on either cluster, or the provider refuses
   */
  public static ForeignCluster peerWithKubeconfig(
      KubernetesClient consumer,
      KubernetesClient provider,
      Map<String, Quantity> resources,
      Consumer<String> progress) {
    Peering consumerSide = new Peering(consumer);
    ClusterIdentity self = consumerSide.localIdentity();
    ClusterIdentity remote = new Peering(provider).localIdentity();
    if (self.clusterId().equals(remote.clusterId())) {
      throw new PeeringException(
          "both kubeconfigs lead to cluster "
              + self.clusterId()
              + ": a cluster cannot peer with itself");
    }
    consumerSide.checkNotTaken(remote.clusterName(), remote.clusterId());
    consumerSide.awaitTenantNamespaceGone(remote.clusterId(), self.clusterName(), progress);
    // After an unpeering, the provider may still be deleting the tenant namespace of this consumer;
    // an identity issued into it now would be refused with a bare 403.
    new Peering(provider)
        .awaitTenantNamespaceGone(self.clusterId(), remote.clusterName(), progress);
    progress.accept(
        "Issuing an identity for " + self.clusterName() + " in " + remote.clusterName());
    try {
      new RemoteIdentity(consumer, self).establish(new IdentityIssuer(provider));
    } catch (AuthenticationException e) {
      throw new PeeringException(
          remote.clusterName() + " refused to issue an identity: " + e.getMessage(), e);
    }
    progress.accept("Creating the ForeignCluster " + remote.clusterName());
    return ServerSideApply.apply(
        consumer, foreignCluster(remote.clusterName(), remote.clusterId(), resources));
  }

  /**
   * Tears down the outgoing peering from {@code consumer} to {@code provider} with the
   * administrator credentials of both, as {@code liqoctl unpeer --remote-kubeconfig} does, and
   * revokes the consumer's identity in the provider even when the consumer's agent could not reach
   * it.
   */
  public static UnpeerReport unpeerWithKubeconfig(
      KubernetesClient consumer,
      KubernetesClient provider,
      Duration timeout,
      Consumer<String> progress) {
    Peering consumerSide = new Peering(consumer);
    ClusterIdentity self = consumerSide.localIdentity();
    ClusterIdentity remote = new Peering(provider).localIdentity();
    Optional<ForeignCluster> fc =
        consumer.resources(ForeignCluster.class).list().getItems().stream()
            .filter(candidate -> remote.clusterId().equals(candidate.getSpec().getClusterID()))
            .findFirst();
    UnpeerReport report = new UnpeerReport(List.of());
    if (fc.isPresent()) {
      String name = fc.get().getMetadata().getName();
      consumerSide.unpeer(name);
      report = consumerSide.awaitUnpeered(name, timeout, progress);
    } else {
      progress.accept(self.clusterName() + " does not peer with " + remote.clusterName());
    }
    new IdentityIssuer(provider).revoke(self.clusterId());
    progress.accept(
        "Revoked the identity of " + self.clusterName() + " in " + remote.clusterName());
    return report;
  }

  /** Waits until the ForeignCluster {@code name} is gone, its finalizers released. */
  private void awaitForeignClusterGone(String name, Instant deadline) {
    while (local.resources(ForeignCluster.class).withName(name).get() != null) {
      if (Instant.now().isAfter(deadline)) {
        throw new PeeringException(
            "the ForeignCluster "
                + name
                + " was deleted but is still there: its finalizers were not released. Is the"
                + " liqo-java agent of this cluster running?");
      }
      sleep();
    }
  }

  /**
   * Waits while the tenant namespace of an earlier peering with {@code remoteId} is being deleted.
   */
  private void awaitTenantNamespaceGone(
      String remoteId, String clusterName, Consumer<String> progress) {
    Instant deadline = Instant.now().plus(TENANT_NAMESPACE_DELETION);
    boolean told = false;
    while (TenantNamespaces.find(local, remoteId)
        .filter(ns -> ns.getMetadata().getDeletionTimestamp() != null)
        .isPresent()) {
      if (!told) {
        progress.accept(
            "Waiting for the tenant namespace "
                + TenantNamespaces.nameFor(remoteId)
                + " of an earlier peering to be deleted in "
                + clusterName);
        told = true;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new PeeringException(
            "the tenant namespace "
                + TenantNamespaces.nameFor(remoteId)
                + " of an earlier peering is still being deleted in "
                + clusterName
                + " after "
                + TENANT_NAMESPACE_DELETION.toSeconds()
                + "s: check what keeps it ('kubectl get namespace "
                + TenantNamespaces.nameFor(remoteId)
                + " -o yaml') and try again");
      }
      sleep();
    }
  }

  private ClusterIdentity localIdentity() {
    return new ClusterIdentityStore(local)
        .read()
        .orElseThrow(
            () ->
                new PeeringException(
                    "Liqo is not installed on this cluster ("
                        + local.getMasterUrl()
                        + "): run 'liqoctl install' first"));
  }

  private void checkNotTaken(String name, String clusterId) {
    ForeignCluster sameName = local.resources(ForeignCluster.class).withName(name).get();
    if (sameName != null && !clusterId.equals(sameName.getSpec().getClusterID())) {
      throw new PeeringException(
          "the name "
              + name
              + " is already used by the peering with cluster "
              + sameName.getSpec().getClusterID()
              + ": choose another name, or unpeer that cluster first");
    }
    for (ForeignCluster other : local.resources(ForeignCluster.class).list().getItems()) {
      if (clusterId.equals(other.getSpec().getClusterID())
          && !name.equals(other.getMetadata().getName())) {
        throw new PeeringException(
            "cluster "
                + clusterId
                + " is already known as "
                + other.getMetadata().getName()
                + ": use that name ('liqoctl peer "
                + other.getMetadata().getName()
                + "'), or unpeer it first");
      }
    }
  }

  private ForeignCluster existing(String name) {
    ForeignCluster fc = local.resources(ForeignCluster.class).withName(name).get();
    if (fc == null) {
      throw new PeeringException(
          "there is no ForeignCluster named "
              + name
              + " in this cluster: list them with 'kubectl get"
              + " foreignclusters', or peer first with 'liqoctl peer out-of-band'");
    }
    return fc;
  }

  static ForeignCluster foreignCluster(
      String name, String clusterId, Map<String, Quantity> resources) {
    ForeignCluster fc = new ForeignCluster();
    fc.getMetadata().setName(name);
    if (resources != null && !resources.isEmpty()) {
      fc.getMetadata()
          .setAnnotations(Map.of(PeeringRequests.ANNOTATION, PeeringRequests.format(resources)));
    }
    ForeignClusterSpec spec = new ForeignClusterSpec();
    spec.setClusterID(clusterId);
    spec.setClusterName(name);
    spec.setPeeringType(PeeringType.OUT_OF_BAND);
    spec.setOutgoingPeeringEnabled(PeeringEnabled.YES);
    fc.setSpec(spec);
    return fc;
  }

  private boolean agentAlive() {
    Lease lease =
        local.resources(Lease.class).inNamespace(LiqoNamespace.NAME).withName(AGENT_LEASE).get();
    if (lease == null || lease.getSpec() == null || lease.getSpec().getRenewTime() == null) {
      return false;
    }
    ZonedDateTime renewed = lease.getSpec().getRenewTime();
    return renewed.toInstant().isAfter(Instant.now().minus(AGENT_SILENCE));
  }

  private static void report(ForeignCluster fc, List<String> seen, Consumer<String> progress) {
    if (fc.getStatus() == null || fc.getStatus().getPeeringConditions() == null) {
      return;
    }
    for (PeeringCondition condition : fc.getStatus().getPeeringConditions()) {
      if (condition.getMessage() == null) {
        continue;
      }
      String line =
          condition.getType() + " " + condition.getStatus() + ": " + condition.getMessage();
      if (!seen.contains(line)) {
        seen.add(line);
        progress.accept(condition.getMessage());
      }
    }
  }

  private static String describe(ForeignCluster fc) {
    if (fc.getStatus() == null || fc.getStatus().getPeeringConditions() == null) {
      return "no status yet";
    }
    List<String> parts = new ArrayList<>();
    for (PeeringCondition c : fc.getStatus().getPeeringConditions()) {
      parts.add(
          c.getType()
              + "="
              + c.getStatus()
              + (c.getMessage() == null ? "" : " (" + c.getMessage() + ")"));
    }
    return String.join(", ", parts);
  }

  private static void check(String what, String value) {
    try {
      ClusterIdentity.checkDnsLabel(what, value);
    } catch (IllegalArgumentException e) {
      throw new PeeringException(e.getMessage(), e);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PeeringException("interrupted while waiting for the peering", e);
    }
  }
}
