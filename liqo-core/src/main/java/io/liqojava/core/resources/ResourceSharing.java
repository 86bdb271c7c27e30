package io.liqojava.core.resources;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.liqojava.api.authentication.v1beta1.ResourceSlice;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.core.runtime.Controller;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The provider side of resource negotiation, ready to host in an agent: informers on
 * ResourceSlices, Nodes and ForeignClusters feeding a {@link ResourceSliceReconciler}.
 *
 * <pre>{@code
 * try (ResourceSharing sharing =
 *     new ResourceSharing(client, ResourceSharingConfig.builder().sharingPercentage(50).build())) {
 *   sharing.start();
 *   ...
 * }
 * }</pre>
 *
 * <p>The client needs to read Nodes and ForeignClusters, read ResourceSlices and write their status
 * in every namespace, and write ForeignCluster status.
 */
public final class ResourceSharing implements AutoCloseable {

  private final ResourceSharingConfig config;
  private final ResourceSliceReconciler reconciler;
  private final Controller controller;

  /** Prepares resource sharing on the cluster of {@code client}; {@link #start()} runs it. */
  public ResourceSharing(KubernetesClient client, ResourceSharingConfig config) {
    this(client, config, consumerId -> {});
  }

  /**
   * Prepares resource sharing, calling {@code onConsumerGone} with a consumer's cluster ID once its
   * last ResourceSlice is gone (the agent revokes that consumer's identity then).
   */
  public ResourceSharing(
      KubernetesClient client, ResourceSharingConfig config, Consumer<String> onConsumerGone) {
    Objects.requireNonNull(client, "client");
    this.config = Objects.requireNonNull(config, "config");
    SharedIndexInformer<ResourceSlice> slices =
        client.resources(ResourceSlice.class).inAnyNamespace().runnableInformer(0);
    SharedIndexInformer<Node> nodes = client.nodes().runnableInformer(0);
    SharedIndexInformer<ForeignCluster> foreignClusters =
        client.resources(ForeignCluster.class).runnableInformer(0);
    foreignClusters.addIndexers(ResourceSliceReconciler.foreignClusterIndexers());
    this.reconciler =
        new ResourceSliceReconciler(
            client, config, slices, nodes, foreignClusters, Objects.requireNonNull(onConsumerGone));
    this.controller =
        Controller.builder("resource-slices", reconciler)
            .watch(slices)
            .watch(nodes, node -> reconciler.keysAfterNodeChange())
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
  public ResourceSharingConfig config() {
    return config;
  }

  /** Stops the controller and the informers. Idempotent. */
  @Override
  public void close() {
    controller.close();
  }
}
