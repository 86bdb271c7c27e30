package io.liqojava.core.remotenamespace;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.offloading.v1beta1.NamespaceMap;
import io.liqojava.core.runtime.Controller;
import java.util.Objects;

/**
 * The provider side of namespace offloading: creates the twin namespaces that consumers ask for in
 * their NamespaceMaps, ready to host in an agent.
 *
 * <p>A consumer (cluster ID {@code C}) writes one NamespaceMap, named {@code C}, into its tenant
 * namespace {@code liqo-tenant-C} (a namespace labelled {@code liqo.io/tenant-namespace=true} and
 * {@code liqo.io/remote-cluster-id=C}); NamespaceMaps elsewhere are ignored. For each entry of
 * {@code spec.desiredMapping} (local namespace name to remote namespace name):
 *
 * <ul>
 *   <li>the Namespace {@code <remote>} is created, labelled {@code liqo.io/remote-cluster-id=C} and
 *       {@code liqo.io/managed-by=namespacemap} and annotated {@code
 *       offloading.liqo.io/origin-namespace=<local>}, and in it the RoleBinding {@value
 *       TwinNamespaces#ROLE_BINDING} of User {@code C} to the ClusterRole {@value
 *       TwinNamespaces#ROLE}; {@code status.currentMapping[<local>]} becomes {@code Accepted};
 *   <li>a Namespace of that name that is not the twin of that local namespace of {@code C} (no such
 *       labels, another consumer's, another local namespace's), and a name that is invalid or
 *       reserved, are never touched: the entry gets {@code CreationLoopBackOff} and a {@code
 *       message} naming the conflict and the fix, the NamespaceMap a Warning event ({@code
 *       RemoteNamespaceConflict}, or {@code RemoteNamespaceCreationFailed} when the API server
 *       refuses the creation), and the NamespaceMap is reconciled again, with backoff, until the
 *       conflict is gone;
 *   <li>an entry removed from the spec, or every entry of a NamespaceMap being deleted: its twin
 *       namespace is deleted ({@code Terminating} while it exists), then its status entry dropped.
 *       The finalizer {@code namespacemap-controller.liqo.io/finalizer} holds the NamespaceMap, and
 *       so the tenant namespace, until its twins are gone: unpeering removes them.
 * </ul>
 *
 * <pre>{@code
 * try (RemoteNamespaces remoteNamespaces = new RemoteNamespaces(client)) {
 *   remoteNamespaces.start();
 *   ...
 * }
 * }</pre>
 *
 * <p>The client needs to manage Namespaces, read and update NamespaceMaps (with their status and
 * finalizers) in every namespace, manage the RoleBindings named {@value
 * TwinNamespaces#ROLE_BINDING} with {@code bind} on the ClusterRole of that name, and create
 * Events: the agent's ClusterRole ({@code AgentRbac}) allows all of it.
 */
public final class RemoteNamespaces implements AutoCloseable {

  /** The source component of the events this component records. */
  public static final String COMPONENT = "liqo-remote-namespaces";

  /** How many NamespaceMaps are reconciled in parallel unless told otherwise. */
  public static final int DEFAULT_WORKERS = 2;

  private final Controller controller;

  /** Prepares twin namespace management with {@value #DEFAULT_WORKERS} workers. */
  public RemoteNamespaces(KubernetesClient client) {
    this(client, DEFAULT_WORKERS);
  }

  /**
   * Prepares twin namespace management on the cluster of {@code client}, reconciling up to {@code
   * workers} NamespaceMaps in parallel; {@link #start()} runs it.
   */
  public RemoteNamespaces(KubernetesClient client, int workers) {
    Objects.requireNonNull(client, "client");
    SharedIndexInformer<NamespaceMap> maps =
        client.resources(NamespaceMap.class).inAnyNamespace().runnableInformer(0);
    maps.addIndexers(NamespaceMapReconciler.mapIndexers());
    // All namespaces: tenant namespaces, twins, and the namespaces that stand in a twin's way.
    SharedIndexInformer<Namespace> namespaces = client.namespaces().runnableInformer(0);
    namespaces.addIndexers(NamespaceMapReconciler.namespaceIndexers());
    SharedIndexInformer<RoleBinding> roleBindings =
        client
            .rbac()
            .roleBindings()
            .inAnyNamespace()
            .withLabel(Labels.MANAGED_BY, Labels.MANAGED_BY_NAMESPACE_MAP)
            .runnableInformer(0);
    NamespaceMapReconciler reconciler =
        new NamespaceMapReconciler(client, maps, namespaces, roleBindings);
    this.controller =
        Controller.builder("namespace-maps", reconciler)
            .watchIgnoringStatus(maps)
            .watch(namespaces, reconciler::keysOf)
            .watch(roleBindings, reconciler::keysOf)
            .workers(workers)
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

  /** Stops the controller and the informers. Idempotent. */
  @Override
  public void close() {
    controller.close();
  }
}
