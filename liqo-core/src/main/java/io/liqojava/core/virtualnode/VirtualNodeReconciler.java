package io.liqojava.core.virtualnode;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.liqojava.api.consts.Finalizers;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.core.v1beta1.PeeringConditionStatus;
import io.liqojava.api.core.v1beta1.PeeringConditionType;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.api.offloading.v1beta1.VirtualNode;
import io.liqojava.api.offloading.v1beta1.VirtualNodeConditionStatus;
import io.liqojava.api.offloading.v1beta1.VirtualNodeConditionType;
import io.liqojava.core.peering.ForeignClusterConditions;
import io.liqojava.core.runtime.ObjectKey;
import io.liqojava.core.runtime.OptimisticUpdate;
import io.liqojava.core.runtime.Reconciler;
import io.liqojava.core.runtime.Result;
import io.liqojava.core.virtualnode.ProviderConnection.Health;
import io.liqojava.core.virtualnode.VirtualNodeConditions.Wanted;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Node of every VirtualNode CR: created once the provider's health is known, with the
 * Liqo and provider labels, the virtual-node taint, the granted resources as capacity, and node
 * conditions; Ready while the health checks of the provider's API server ({@code GET /readyz} with
 * the kubeconfig of {@code spec.kubeconfigSecretRef}) succeed, NotReady (reason {@code
 * RemoteApiServerUnreachable}) after {@link VirtualNodesConfig#failureThreshold()} failures in a
 * row, its Lease in {@code kube-node-lease} renewed only while Ready. The ForeignCluster of the
 * provider gets {@code APIServerStatus} {@code Established} or {@code Error} accordingly.
 *
 * <p>A finalizer ({@value Finalizers#VIRTUAL_NODE}) holds the VirtualNode until its node is
 * cordoned, drained and deleted with its Lease; none of this needs the provider, so it completes
 * when the provider is gone. A Node of the same name that another VirtualNode, or no VirtualNode at
 * all, owns is never touched.
 *
 * <p>Built and run by {@link VirtualNodes}.
 */
public final class VirtualNodeReconciler implements Reconciler, AutoCloseable {

  /** The VirtualNode and ForeignCluster informer index by {@code spec.clusterID}. */
  static final String BY_CLUSTER_ID = "spec.clusterID";

  /** The key of the provider kubeconfig in the Secret {@code spec.kubeconfigSecretRef} names. */
  static final String KUBECONFIG_KEY = "kubeconfig";

  private static final Logger LOG = LoggerFactory.getLogger(VirtualNodeReconciler.class);
  private static final Duration RETRY_MISSING_SECRET = Duration.ofSeconds(10);
  private static final Duration DRAIN_POLL = Duration.ofSeconds(1);
  private static final int MAX_CONFLICT_RETRIES = 10;

  private final KubernetesClient client;
  private final VirtualNodesConfig config;
  private final SharedIndexInformer<VirtualNode> virtualNodes;
  private final SharedIndexInformer<Node> nodes;
  private final SharedIndexInformer<ForeignCluster> foreignClusters;
  private final ScheduledExecutorService timers;
  private final Consumer<ObjectKey> enqueue;
  private final ProviderListener listener;
  private final ForeignClusterConditions foreignClusterConditions;
  private final VirtualNodeConditions conditions;
  private final NodeLeases leases;
  private final NodeDrainer drainer;
  private final Map<ObjectKey, ProviderConnection> connections = new ConcurrentHashMap<>();
  private final Map<ObjectKey, Instant> drainStarts = new ConcurrentHashMap<>();

  VirtualNodeReconciler(
      KubernetesClient client,
      VirtualNodesConfig config,
      SharedIndexInformer<VirtualNode> virtualNodes,
      SharedIndexInformer<Node> nodes,
      SharedIndexInformer<ForeignCluster> foreignClusters,
      ScheduledExecutorService timers,
      Consumer<ObjectKey> enqueue,
      ProviderListener listener) {
    this.client = client;
    this.listener = listener;
    this.config = config;
    this.virtualNodes = virtualNodes;
    this.nodes = nodes;
    this.foreignClusters = foreignClusters;
    this.timers = timers;
    this.enqueue = enqueue;
    this.foreignClusterConditions = new ForeignClusterConditions(client);
    this.conditions = new VirtualNodeConditions(client);
    this.leases = new NodeLeases(client, config.leaseDurationSeconds());
    this.drainer = new NodeDrainer(client);
  }

  /** Indexes VirtualNodes and ForeignClusters by {@code spec.clusterID}. */
  static <T> Map<String, Function<T, List<String>>> byClusterId(Function<T, String> clusterId) {
    return Map.of(
        BY_CLUSTER_ID,
        object -> {
          String id = clusterId.apply(object);
          return id == null ? List.of() : List.of(id);
        });
  }

  @Override
  public Result reconcile(ObjectKey key) {
    VirtualNode virtualNode = virtualNodes.getIndexer().getByKey(key.toString());
    if (virtualNode == null) {
      disconnect(key);
      drainStarts.remove(key);
      return Result.done();
    }
    if (virtualNode.getMetadata().getDeletionTimestamp() != null) {
      return delete(key, virtualNode);
    }
    virtualNode = ensureFinalizer(virtualNode);
    if (virtualNode == null) {
      return Result.done();
    }
    String problem = specProblem(virtualNode);
    if (problem != null) {
      disconnect(key);
      conditions.set(
          virtualNode,
          new Wanted(
              VirtualNodeConditionType.VIRTUAL_KUBELET,
              VirtualNodeConditionStatus.NONE,
              "InvalidSpec",
              problem));
      return Result.done();
    }
    ProviderConnection connection;
    try {
      connection = connect(key, virtualNode);
    } catch (ConnectionProblem e) {
      conditions.set(
          virtualNode,
          new Wanted(
              VirtualNodeConditionType.VIRTUAL_KUBELET,
              VirtualNodeConditionStatus.CREATING,
              e.reason,
              e.getMessage()));
      return Result.requeueAfter(RETRY_MISSING_SECRET);
    }
    reportApiServer(virtualNode.getSpec().getClusterID(), connection);
    Wanted kubelet =
        new Wanted(
            VirtualNodeConditionType.VIRTUAL_KUBELET,
            VirtualNodeConditionStatus.RUNNING,
            "Running",
            "checking the API server of provider cluster "
                + connection.clusterId()
                + " at "
                + connection.apiServerUrl()
                + " every "
                + config.healthCheckInterval().toSeconds()
                + "s");
    String name = virtualNode.getMetadata().getName();
    if (Boolean.FALSE.equals(virtualNode.getSpec().getCreateNode())) {
      removeNode(key, name);
      conditions.set(
          virtualNode,
          kubelet,
          nodeCondition(
              VirtualNodeConditionStatus.NONE, "NodeNotWanted", "spec.createNode is false"));
      return Result.done();
    }
    Node node = nodes.getIndexer().getByKey(name);
    if (node == null) {
      node = client.nodes().withName(name).get(); // a physical node is not in the cache
    }
    if (node != null && !isOwnedBy(node, key)) {
      conditions.set(
          virtualNode,
          kubelet,
          nodeCondition(
              VirtualNodeConditionStatus.NONE,
              "NodeNameConflict",
              "a Node named "
                  + name
                  + " already exists and does not belong to this VirtualNode (annotation "
                  + VirtualNodes.OWNER_ANNOTATION
                  + "); delete that Node or give this VirtualNode another name"));
      return Result.done();
    }
    if (node == null && connection.health() == Health.UNKNOWN) {
      conditions.set(
          virtualNode,
          kubelet,
          nodeCondition(
              VirtualNodeConditionStatus.CREATING,
              "WaitingForProvider",
              "waiting for the first health check of the API server of provider cluster "
                  + connection.clusterId()
                  + " at "
                  + connection.apiServerUrl()));
      return Result.done();
    }
    NodeTemplate template = new NodeTemplate(virtualNode, connection, config);
    if (node == null) {
      node = create(template);
      if (connection.health() == Health.HEALTHY) {
        leases.renew(node);
      }
    } else {
      update(name, template);
    }
    conditions.set(virtualNode, kubelet, nodeCondition(connection, name));
    return Result.done();
  }

  /** The VirtualNode owning the virtual node {@code node}, as its annotation names it. */
  static Collection<ObjectKey> keysOf(Node node) {
    Map<String, String> annotations = node.getMetadata().getAnnotations();
    String owner = annotations == null ? null : annotations.get(VirtualNodes.OWNER_ANNOTATION);
    if (owner == null || owner.indexOf('/') <= 0) {
      return List.of();
    }
    int slash = owner.indexOf('/');
    return List.of(ObjectKey.of(owner.substring(0, slash), owner.substring(slash + 1)));
  }

  /** The VirtualNodes of the provider the ForeignCluster {@code fc} stands for. */
  Collection<ObjectKey> keysOf(ForeignCluster fc) {
    if (fc.getSpec() == null || fc.getSpec().getClusterID() == null) {
      return List.of();
    }
    return virtualNodes.getIndexer().byIndex(BY_CLUSTER_ID, fc.getSpec().getClusterID()).stream()
        .map(ObjectKey::of)
        .toList();
  }

  /** Stops every health check and lease renewal, and closes the clients to the providers. */
  @Override
  public void close() {
    for (ObjectKey key : List.copyOf(connections.keySet())) {
      disconnect(key);
    }
  }

  // --- provider connection -------------------------------------------------------------------

  private ProviderConnection connect(ObjectKey key, VirtualNode virtualNode)
      throws ConnectionProblem {
    String namespace = virtualNode.getMetadata().getNamespace();
    String secretName = virtualNode.getSpec().getKubeconfigSecretRef().getName();
    String where = "Secret " + namespace + "/" + secretName;
    Secret secret = client.secrets().inNamespace(namespace).withName(secretName).get();
    if (secret == null) {
      throw new ConnectionProblem(
          "KubeconfigSecretNotFound",
          where
              + ", named by spec.kubeconfigSecretRef, does not exist; it must hold the kubeconfig to"
              + " the provider under the key '"
              + KUBECONFIG_KEY
              + "'");
    }
    String kubeconfig = kubeconfigOf(secret);
    if (kubeconfig == null || kubeconfig.isBlank()) {
      throw new ConnectionProblem(
          "KubeconfigMissing",
          where + " has no key '" + KUBECONFIG_KEY + "' holding the kubeconfig to the provider");
    }
    String fingerprint = fingerprint(kubeconfig);
    String clusterId = virtualNode.getSpec().getClusterID();
    ProviderConnection existing = connections.get(key);
    if (existing != null
        && existing.fingerprint().equals(fingerprint)
        && existing.clusterId().equals(clusterId)) {
      return existing;
    }
    ProviderConnection fresh;
    try {
      fresh =
          new ProviderConnection(
              key,
              clusterId,
              kubeconfig,
              fingerprint,
              config,
              timers,
              () -> enqueue.accept(key),
              () -> renewLease(key));
    } catch (RuntimeException e) {
      throw new ConnectionProblem(
          "InvalidKubeconfig",
          "the kubeconfig in "
              + where
              + " is not valid ("
              + e.getClass().getSimpleName()
              + "); store a complete kubeconfig to the provider under the key '"
              + KUBECONFIG_KEY
              + "'");
    }
    connections.put(key, fresh);
    if (existing != null) {
      notifyDisconnected(existing);
      existing.close();
      LOG.info("virtual node {}: the provider kubeconfig changed; reconnected", key);
    }
    fresh.start();
    notifyConnected(virtualNode, fresh);
    return fresh;
  }

  private void notifyConnected(VirtualNode virtualNode, ProviderConnection connection) {
    String clusterId = connection.clusterId();
    String clusterName =
        foreignClusters.getIndexer().byIndex(BY_CLUSTER_ID, clusterId).stream()
            .map(fc -> fc.getMetadata().getName())
            .findFirst()
            .orElse(clusterId);
    ProviderLink link =
        new ProviderLink(
            ClusterIdentity.builder().clusterId(clusterId).clusterName(clusterName).build(),
            virtualNode.getMetadata().getName(),
            connection.remote());
    try {
      listener.connected(link);
    } catch (RuntimeException e) {
      LOG.warn("provider listener failed on connection to {}: {}", clusterName, e.toString());
    }
  }

  private void notifyDisconnected(ProviderConnection connection) {
    try {
      listener.disconnected(connection.clusterId());
    } catch (RuntimeException e) {
      LOG.warn(
          "provider listener failed on disconnection from {}: {}",
          connection.clusterId(),
          e.toString());
    }
  }

  private static String kubeconfigOf(Secret secret) {
    if (secret.getData() != null && secret.getData().get(KUBECONFIG_KEY) != null) {
      return new String(
          Base64.getDecoder().decode(secret.getData().get(KUBECONFIG_KEY)), StandardCharsets.UTF_8);
    }
    return secret.getStringData() == null ? null : secret.getStringData().get(KUBECONFIG_KEY);
  }

  private static String fingerprint(String kubeconfig) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(kubeconfig.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private void disconnect(ObjectKey key) {
    ProviderConnection connection = connections.remove(key);
    if (connection != null) {
      notifyDisconnected(connection);
      connection.close();
    }
  }

  /** Called by the connection's timer while the provider is healthy. */
  private void renewLease(ObjectKey key) {
    VirtualNode virtualNode = virtualNodes.getIndexer().getByKey(key.toString());
    if (virtualNode == null
        || virtualNode.getMetadata().getDeletionTimestamp() != null
        || Boolean.FALSE.equals(virtualNode.getSpec().getCreateNode())) {
      return;
    }
    Node node = nodes.getIndexer().getByKey(virtualNode.getMetadata().getName());
    if (node != null && isOwnedBy(node, key)) {
      leases.renew(node);
    }
  }

  private void reportApiServer(String clusterId, ProviderConnection connection) {
    Health health = connection.health();
    if (health == Health.UNKNOWN) {
      return;
    }
    PeeringConditionStatus status =
        health == Health.HEALTHY
            ? PeeringConditionStatus.ESTABLISHED
            : PeeringConditionStatus.ERROR;
    String reason = health == Health.HEALTHY ? "APIServerReady" : NodeTemplate.UNREACHABLE;
    String message =
        health == Health.HEALTHY
            ? "the API server of cluster "
                + clusterId
                + " at "
                + connection.apiServerUrl()
                + " is ready"
            : connection.failure();
    setApiServerStatus(clusterId, status, reason, message);
  }

  private void setApiServerStatus(
      String clusterId, PeeringConditionStatus status, String reason, String message) {
    Optional<ForeignCluster> fc =
        foreignClusters.getIndexer().byIndex(BY_CLUSTER_ID, clusterId).stream()
            .min(Comparator.comparing(f -> f.getMetadata().getName()));
    if (fc.isEmpty()) {
      return;
    }
    boolean same =
        ForeignClusterConditions.find(fc.get(), PeeringConditionType.API_SERVER_STATUS)
            .filter(
                c ->
                    c.getStatus() == status
                        && Objects.equals(c.getReason(), reason)
                        && Objects.equals(c.getMessage(), message))
            .isPresent();
    if (!same) {
      foreignClusterConditions.set(
          fc.get().getMetadata().getName(),
          PeeringConditionType.API_SERVER_STATUS,
          status,
          reason,
          message);
    }
  }

  // --- the Node --------------------------------------------------------------------------------

  private Node create(NodeTemplate template) {
    Node created = client.nodes().resource(template.newNode()).create();
    LOG.info(
        "virtual node {} created ({})",
        created.getMetadata().getName(),
        NodeTemplate.isReady(created) ? "Ready" : "NotReady");
    return created;
  }

  /** Brings labels, taints and status in line: read-modify-write, retried on conflicts. */
  private Node update(String name, NodeTemplate template) {
    for (int attempt = 1; ; attempt++) {
      Node node =
          attempt == 1 ? nodes.getIndexer().getByKey(name) : client.nodes().withName(name).get();
      if (node == null) {
        return null; // deleted meanwhile: its deletion event brings us back
      }
      try {
        node = client.getKubernetesSerialization().clone(node);
        if (template.applyMetadataAndSpec(node)) {
          node = client.nodes().resource(node).update();
        }
        if (!template.statusMatches(node)) {
          boolean wasReady = NodeTemplate.isReady(node);
          template.applyStatus(node, NodeTemplate.now());
          node = client.nodes().resource(node).updateStatus();
          boolean ready = NodeTemplate.isReady(node);
          if (wasReady != ready) {
            LOG.info("virtual node {} is {}", name, ready ? "Ready" : "NotReady");
          }
        }
        return node;
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt >= MAX_CONFLICT_RETRIES) {
          throw e;
        }
      }
    }
  }

  private static boolean isOwnedBy(Node node, ObjectKey key) {
    return keysOf(node).contains(key);
  }

  private Wanted nodeCondition(ProviderConnection connection, String name) {
    return switch (connection.health()) {
      case HEALTHY ->
          nodeCondition(
              VirtualNodeConditionStatus.RUNNING, "NodeReady", "node " + name + " is Ready");
      case UNHEALTHY ->
          nodeCondition(
              VirtualNodeConditionStatus.RUNNING,
              NodeTemplate.UNREACHABLE,
              "node " + name + " is NotReady: " + connection.failure());
      case UNKNOWN ->
          nodeCondition(
              VirtualNodeConditionStatus.RUNNING,
              "WaitingForProvider",
              "node " + name + " exists; waiting for the first health check of its provider");
    };
  }

  private static Wanted nodeCondition(
      VirtualNodeConditionStatus status, String reason, String message) {
    return new Wanted(VirtualNodeConditionType.NODE, status, reason, message);
  }

  // --- deletion --------------------------------------------------------------------------------

  private Result delete(ObjectKey key, VirtualNode virtualNode) {
    disconnect(key);
    if (!hasFinalizer(virtualNode)) {
      drainStarts.remove(key);
      return Result.done();
    }
    String name = virtualNode.getMetadata().getName();
    Node node = client.nodes().withName(name).get();
    if (node != null && isOwnedBy(node, key)) {
      Instant start =
          drainStarts.computeIfAbsent(
              key,
              k ->
                  VirtualNodeConditions.transitionTime(virtualNode, VirtualNodeConditionType.NODE)
                      .filter(t -> isDraining(virtualNode))
                      .orElseGet(Instant::now));
      conditions.set(
          virtualNode,
          nodeCondition(
              VirtualNodeConditionStatus.DRAINING,
              "Draining",
              "node " + name + " is cordoned and its pods are being evicted"));
      drainer.cordon(name);
      boolean deadlinePassed = Instant.now().isAfter(start.plus(config.drainTimeout()));
      int remaining = drainer.drain(name, deadlinePassed);
      if (remaining > 0) {
        return Result.requeueAfter(DRAIN_POLL);
      }
      conditions.set(
          virtualNode,
          nodeCondition(
              VirtualNodeConditionStatus.DELETING,
              "Deleting",
              "node " + name + " is being deleted"));
    }
    removeNode(key, name);
    clearApiServerStatus(key, virtualNode);
    removeFinalizer(virtualNode);
    drainStarts.remove(key);
    return Result.done();
  }

  private static boolean isDraining(VirtualNode virtualNode) {
    return VirtualNodeConditions.find(virtualNode, VirtualNodeConditionType.NODE)
        .filter(c -> c.getStatus() == VirtualNodeConditionStatus.DRAINING)
        .isPresent();
  }

  /** Deletes the Node named {@code name} if {@code key} owns it, and its Lease. */
  private void removeNode(ObjectKey key, String name) {
    Node node = client.nodes().withName(name).get();
    if (node != null && isOwnedBy(node, key)) {
      client.nodes().withName(name).delete();
      LOG.info("virtual node {} deleted", name);
    }
    if (node == null || isOwnedBy(node, key)) {
      leases.delete(name);
    }
  }

  private void clearApiServerStatus(ObjectKey key, VirtualNode virtualNode) {
    String clusterId = virtualNode.getSpec() == null ? null : virtualNode.getSpec().getClusterID();
    if (clusterId == null) {
      return;
    }
    boolean othersLeft =
        virtualNodes.getIndexer().byIndex(BY_CLUSTER_ID, clusterId).stream()
            .anyMatch(
                vn ->
                    !ObjectKey.of(vn).equals(key)
                        && vn.getMetadata().getDeletionTimestamp() == null);
    if (!othersLeft) {
      setApiServerStatus(
          clusterId,
          PeeringConditionStatus.NONE,
          "NoVirtualNode",
          "no virtual node of cluster " + clusterId + " checks its API server");
    }
  }

  private static boolean hasFinalizer(VirtualNode virtualNode) {
    List<String> finalizers = virtualNode.getMetadata().getFinalizers();
    return finalizers != null && finalizers.contains(Finalizers.VIRTUAL_NODE);
  }

  private VirtualNode ensureFinalizer(VirtualNode virtualNode) {
    if (hasFinalizer(virtualNode)) {
      return virtualNode;
    }
    return editFinalizers(virtualNode, true);
  }

  private void removeFinalizer(VirtualNode virtualNode) {
    editFinalizers(virtualNode, false);
  }

  /** Adds or removes the finalizer; returns the VirtualNode as stored, or null once it is gone. */
  private VirtualNode editFinalizers(VirtualNode cached, boolean add) {
    VirtualNode stored =
        OptimisticUpdate.update(
            client,
            cached,
            virtualNode -> {
              List<String> finalizers =
                  virtualNode.getMetadata().getFinalizers() == null
                      ? new ArrayList<>()
                      : new ArrayList<>(virtualNode.getMetadata().getFinalizers());
              if (finalizers.contains(Finalizers.VIRTUAL_NODE) == add) {
                return false;
              }
              if (add) {
                finalizers.add(Finalizers.VIRTUAL_NODE);
              } else {
                finalizers.remove(Finalizers.VIRTUAL_NODE);
              }
              virtualNode.getMetadata().setFinalizers(finalizers);
              return true;
            });
    if (!add && stored != cached) {
      LOG.info("VirtualNode {} released", ObjectKey.of(cached));
    }
    return stored;
  }

  private static String specProblem(VirtualNode virtualNode) {
    if (virtualNode.getSpec() == null) {
      return "spec is missing: set spec.clusterID and spec.kubeconfigSecretRef.name";
    }
    if (virtualNode.getSpec().getClusterID() == null
        || virtualNode.getSpec().getClusterID().isEmpty()) {
      return "spec.clusterID is missing: set it to the ID of the provider cluster";
    }
    if (virtualNode.getSpec().getKubeconfigSecretRef() == null
        || virtualNode.getSpec().getKubeconfigSecretRef().getName() == null
        || virtualNode.getSpec().getKubeconfigSecretRef().getName().isEmpty()) {
      return "spec.kubeconfigSecretRef.name is missing: name the Secret, in the namespace of the"
          + " VirtualNode, whose key '"
          + KUBECONFIG_KEY
          + "' holds the kubeconfig to the provider";
    }
    return null;
  }

  /** Why the provider cannot be reached yet, with what to do about it. */
  private static final class ConnectionProblem extends Exception {

    private final String reason;

    ConnectionProblem(String reason, String message) {
      super(message, null, false, false);
      this.reason = reason;
    }
  }
}
