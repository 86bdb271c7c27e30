package io.liqojava.core.offloading;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloading;
import io.liqojava.core.events.KubernetesEvents;
import io.liqojava.core.runtime.Controller;
import io.liqojava.core.runtime.ObjectKey;
import io.liqojava.core.virtualnode.ProviderLink;
import io.liqojava.core.virtualnode.ProviderListener;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Namespace offloading, consumer side, ready to host in an agent: turns the {@code
 * NamespaceOffloading} of each local namespace into entries of this cluster's {@code NamespaceMap}
 * in the selected providers, and reports back what the providers did.
 *
 * <pre>{@code
 * try (NamespaceOffloadings offloadings =
 *     new NamespaceOffloadings(client, localIdentity, List.of(peerReflections))) {
 *   offloadings.start();
 *   // register it as a ProviderListener of the virtual kubelets
 * }
 * }</pre>
 *
 * <p>Per namespace (only the NamespaceOffloading named {@value NamespaceOffloading#DEFAULT_NAME}
 * counts; others get a Warning event {@code IgnoredNamespaceOffloading}):
 *
 * <ul>
 *   <li>the twin namespace name is fixed once in {@code status.remoteNamespaceName} (see {@link
 *       RemoteNamespaceNames});
 *   <li>a provider is selected when {@code spec.clusterSelector} matches the labels of its virtual
 *       node ({@link ClusterSelectors}); selected connected providers get {@code <namespace> ->
 *       <twin>} in {@code spec.desiredMapping} of the NamespaceMap named after this cluster's ID in
 *       {@code liqo-tenant-<this cluster's ID>}, others lose it;
 *   <li>{@code status.remoteNamespacesConditions}, by provider cluster ID: {@code
 *       OffloadingRequired} ({@code ClusterSelected} / {@code ClusterNotSelected}) and, for
 *       selected providers, {@code Ready} ({@code RemoteNamespaceCreated}, {@code
 *       CreationLoopBackOff}, {@code RemoteNamespaceCreationPending}, {@code ProviderNotConnected},
 *       {@code RemoteNamespaceTerminating}, {@code NamespaceMapNotUpdated}); {@code
 *       offloadingPhase} Ready, NoClusterSelected, InProgress, SomeFailed, AllFailed or
 *       Terminating;
 *   <li>the {@link OffloadedNamespaceListener}s are told {@code offloaded} while a selected
 *       provider reports the twin namespace {@code Accepted}, {@code unoffloaded} when that stops
 *       (deselection, deletion, entry gone); a disconnected provider leaves them as they are;
 *   <li>the namespace is labelled {@code liqo.io/scheduling-enabled=true}; a namespace labelled
 *       {@code liqo.io/enabled=true} without NamespaceOffloading gets the default one;
 *   <li>on deletion (finalizer {@code namespaceoffloading-controller.liqo.io/finalizer}): phase
 *       Terminating, listeners told {@code unoffloaded}, the entry withdrawn from every connected
 *       provider, and once none of them reports it any more: the namespace's pods bound to virtual
 *       nodes are deleted, the scheduling label removed and the finalizer released. A provider that
 *       is not connected does not hold the release (Warning event {@code ProviderNotConnected}).
 * </ul>
 *
 * <p>The local client needs to read Nodes, Namespaces (and update their labels),
 * NamespaceOffloadings (and write them and their status), list and delete Pods, and record Events;
 * the provider clients to read and write NamespaceMaps in this cluster's tenant namespace.
 */
public final class NamespaceOffloadings implements ProviderListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NamespaceOffloadings.class);
  private static final int WORKERS = 2;

  private final ClusterIdentity localCluster;
  private final SharedIndexInformer<Node> virtualNodes;
  private final Map<String, ProviderNamespaceMap> providers = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> nodeLabels = new ConcurrentHashMap<>();
  private final NamespaceOffloadingReconciler reconciler;
  private final Controller controller;
  private boolean closed;

  /**
   * Prepares namespace offloading from the cluster of {@code client}, whose identity is {@code
   * localCluster}; {@link #start()} runs it. {@code listeners} are told about offloaded pairs.
   */
  public NamespaceOffloadings(
      KubernetesClient client,
      ClusterIdentity localCluster,
      List<? extends OffloadedNamespaceListener> listeners) {
    Objects.requireNonNull(client, "client");
    this.localCluster = Objects.requireNonNull(localCluster, "localCluster");
    SharedIndexInformer<NamespaceOffloading> offloadings =
        client.resources(NamespaceOffloading.class).inAnyNamespace().runnableInformer(0);
    SharedIndexInformer<Namespace> namespaces = client.namespaces().runnableInformer(0);
    this.virtualNodes =
        client.nodes().withLabel(Labels.TYPE, Labels.TYPE_VIRTUAL_NODE).runnableInformer(0);
    this.reconciler =
        new NamespaceOffloadingReconciler(
            client,
            localCluster,
            List.copyOf(Objects.requireNonNull(listeners, "listeners")),
            offloadings,
            namespaces,
            virtualNodes,
            id -> Optional.ofNullable(providers.get(id)),
            providers.keySet(),
            new KubernetesEvents(client, "liqo-namespace-offloading"));
    this.controller =
        Controller.builder("namespace-offloadings", reconciler)
            .watch(offloadings, NamespaceOffloadingReconciler::keyOf)
            .watch(namespaces, ns -> List.of(ObjectKey.of(ns.getMetadata().getName())))
            .watch(virtualNodes, this::keysAfterNodeChange)
            .workers(WORKERS)
            .ownInformers()
            .build();
  }

  /**
   * Starts the informers and the controller; returns once the caches have synced.
   *
   * @throws IllegalStateException when called twice or after {@link #close()}, or when a cache does
   *     not sync (the CRDs are not installed, or the API server is unreachable)
   */
  public void start() {
    controller.start();
  }

  /** Watches the NamespaceMap of this cluster in the newly connected provider. */
  @Override
  public synchronized void connected(ProviderLink link) {
    if (closed) {
      return;
    }
    String clusterId = link.provider().clusterId();
    ProviderNamespaceMap provider = new ProviderNamespaceMap(link, localCluster.clusterId());
    controller.addSource(provider.informer(), map -> reconciler.keysOf(provider, map));
    ProviderNamespaceMap previous = providers.put(clusterId, provider);
    if (previous != null) {
      previous.close();
    }
    provider.start();
    reconciler.allKeys().forEach(controller::enqueue);
    LOG.debug("namespace offloading: provider {} connected", clusterId);
  }

  /** Stops watching the provider's NamespaceMap; its namespaces wait for it to reconnect. */
  @Override
  public synchronized void disconnected(String clusterId) {
    ProviderNamespaceMap provider = providers.remove(clusterId);
    if (provider != null) {
      provider.close();
      reconciler.allKeys().forEach(controller::enqueue);
      LOG.debug("namespace offloading: provider {} disconnected", clusterId);
    }
  }

  /** Stops the controller and the informers; offloaded namespaces stay offloaded. Idempotent. */
  @Override
  public synchronized void close() {
    closed = true;
    controller.close();
    providers.values().forEach(ProviderNamespaceMap::close);
    providers.clear();
  }

  /** Every offloading, when a virtual node appeared, went, or changed its labels; else none. */
  private Collection<ObjectKey> keysAfterNodeChange(Node node) {
    String name = node.getMetadata().getName();
    Node current = virtualNodes.getStore().getByKey(name);
    Map<String, String> labels =
        current == null
            ? null
            : Objects.requireNonNullElse(current.getMetadata().getLabels(), Map.of());
    Map<String, String> previous =
        labels == null ? nodeLabels.remove(name) : nodeLabels.put(name, labels);
    return Objects.equals(labels, previous) ? List.of() : reconciler.allKeys();
  }
}
