package io.liqojava.core.virtualnode;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.offloading.v1beta1.VirtualNode;
import io.liqojava.core.runtime.Controller;
import io.liqojava.core.runtime.ObjectKey;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The consumer side of peering, ready to host in an agent: informers on VirtualNodes, virtual Nodes
 * and ForeignClusters feeding a {@link VirtualNodeReconciler}, and the few timer threads that run
 * the health checks and lease renewals of all virtual nodes.
 *
 * <pre>{@code
 * try (VirtualNodes virtualNodes = new VirtualNodes(client, VirtualNodesConfig.defaults())) {
 *   virtualNodes.start();
 *   ...
 * }
 * }</pre>
 *
 * <p>The client needs to read VirtualNodes and write their status and finalizers, read the
 * kubeconfig Secrets they name, write Nodes and Leases in {@code kube-node-lease}, list, evict and
 * delete pods, and write ForeignCluster status.
 */
public final class VirtualNodes implements AutoCloseable {

  /**
   * On a virtual Node: {@code <namespace>/<name>} of the VirtualNode it belongs to. A Node without
   * it is never changed or deleted by liqo-java.
   */
  public static final String OWNER_ANNOTATION = "offloading.liqo.io/virtual-node";

  private final VirtualNodesConfig config;
  private final ScheduledExecutorService timers;
  private final VirtualNodeReconciler reconciler;
  private final Controller controller;

  /** Prepares the virtual nodes of the cluster of {@code client}; {@link #start()} runs them. */
  public VirtualNodes(KubernetesClient client, VirtualNodesConfig config) {
    this(client, config, ProviderListener.none());
  }

  /**
   * Prepares the virtual nodes of the cluster of {@code client}, telling {@code listener} when each
   * connects to its provider and disconnects; {@link #start()} runs them.
   */
  public VirtualNodes(
      KubernetesClient client, VirtualNodesConfig config, ProviderListener listener) {
    Objects.requireNonNull(client, "client");
    this.config = Objects.requireNonNull(config, "config");
    SharedIndexInformer<VirtualNode> virtualNodes =
        client.resources(VirtualNode.class).inAnyNamespace().runnableInformer(0);
    virtualNodes.addIndexers(
        VirtualNodeReconciler.byClusterId(
            (VirtualNode vn) -> vn.getSpec() == null ? null : vn.getSpec().getClusterID()));
    SharedIndexInformer<Node> nodes =
        client.nodes().withLabel(Labels.TYPE, Labels.TYPE_VIRTUAL_NODE).runnableInformer(0);
    SharedIndexInformer<ForeignCluster> foreignClusters =
        client.resources(ForeignCluster.class).runnableInformer(0);
    foreignClusters.addIndexers(
        VirtualNodeReconciler.byClusterId(
            (ForeignCluster fc) -> fc.getSpec() == null ? null : fc.getSpec().getClusterID()));
    AtomicInteger threads = new AtomicInteger();
    this.timers =
        Executors.newScheduledThreadPool(
            config.timerThreads(),
            runnable -> {
              Thread thread =
                  new Thread(runnable, "virtual-node-timers-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.reconciler =
        new VirtualNodeReconciler(
            client,
            config,
            virtualNodes,
            nodes,
            foreignClusters,
            timers,
            this::enqueue,
            Objects.requireNonNull(listener, "listener"));
    this.controller =
        Controller.builder("virtual-nodes", reconciler)
            .watch(virtualNodes)
            .watch(nodes, VirtualNodeReconciler::keysOf)
            .watch(foreignClusters, reconciler::keysOf)
            .workers(config.workers())
            .ownInformers()
            .build();
  }

  /**
   * Starts the informers and the controller; returns once the caches have synced.
   *
   * @throws IllegalStateException when called twice, or when a cache does not sync (the CRDs are
   *     not installed, or the API server is unreachable)
   */
  public void start() {
    controller.start();
  }

  /** The configuration this instance runs with. */
  public VirtualNodesConfig config() {
    return config;
  }

  /**
   * Stops the controller, the health checks and lease renewals, and the informers. The virtual
   * Nodes stay; without lease renewals the node lifecycle controller soon marks them NotReady.
   * Idempotent.
   */
  @Override
  public void close() {
    controller.close();
    reconciler.close();
    timers.shutdownNow();
  }

  private void enqueue(ObjectKey key) {
    controller.enqueue(key);
  }
}
