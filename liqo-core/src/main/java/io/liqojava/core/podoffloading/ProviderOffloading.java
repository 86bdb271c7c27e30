package io.liqojava.core.podoffloading;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.liqojava.core.runtime.Controller;
import io.liqojava.core.runtime.ObjectKey;
import io.liqojava.net.spi.AddressRemapper;
import io.liqojava.reflection.spi.EventRecorder;
import io.liqojava.reflection.spi.NamespacePair;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pod offloading towards one connected provider: an informer on the local pods bound to its virtual
 * node, one on that node (for its address), a {@link PairWatch} per offloaded namespace, and the
 * controller that reconciles each local pod.
 */
final class ProviderOffloading implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ProviderOffloading.class);

  private final String providerName;
  private final String originClusterId;
  private final KubernetesClient remoteClient;
  private final SharedIndexInformer<Pod> localPods;
  private final SharedIndexInformer<Node> virtualNode;
  private final Map<String, PairWatch> pairs = new ConcurrentHashMap<>();
  private final Controller controller;
  private volatile String hostIp;

  ProviderOffloading(
      KubernetesClient localClient,
      String originClusterId,
      String providerId,
      String providerName,
      String virtualNodeName,
      KubernetesClient remoteClient,
      Settings settings) {
    this.providerName = providerName;
    this.originClusterId = originClusterId;
    this.remoteClient = remoteClient;
    this.localPods =
        localClient
            .pods()
            .inAnyNamespace()
            .withField("spec.nodeName", virtualNodeName)
            .runnableInformer(0);
    this.virtualNode =
        localClient.nodes().withField("metadata.name", virtualNodeName).runnableInformer(0);
    PairWatch.retryForever(localPods, "local pods on virtual node " + virtualNodeName);
    PairWatch.retryForever(virtualNode, "virtual node " + virtualNodeName);
    Clock clock = Clock.systemUTC();
    OffloadedPodReconciler reconciler =
        new OffloadedPodReconciler(
            localClient,
            remoteClient,
            originClusterId,
            providerName,
            virtualNodeName,
            localPods,
            pairs::get,
            () -> hostIp,
            new ShadowPodForge(originClusterId, providerId, settings.apiServer()),
            new TokenSecrets(
                localClient,
                remoteClient,
                originClusterId,
                providerId,
                settings.config().tokenLifetime(),
                clock),
            new StatusMirror(settings.remapper()),
            settings.events(),
            clock);
    Controller.Builder builder =
        Controller.builder("pod-offloading-" + providerName, reconciler)
            .workers(settings.config().workers());
    if (settings.meters() != null) {
      builder.metrics(settings.meters(), "liqo.podoffloading", Tags.of("peer", providerName));
    }
    this.controller = builder.build();
  }

  /** What every provider's offloading shares. */
  record Settings(
      PodOffloadingConfig config,
      OriginApiServer apiServer,
      AddressRemapper remapper,
      EventRecorder events,
      MeterRegistry meters) {}

  /** Starts the workers and the local informers; returns without waiting for them to list. */
  void start() {
    controller.start();
    controller.addSource(localPods, pod -> Set.of(ObjectKey.of(pod)));
    virtualNode.addEventHandler(
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(Node node) {
            address(node);
          }

          @Override
          public void onUpdate(Node before, Node after) {
            address(after);
          }

          @Override
          public void onDelete(Node node, boolean finalStateUnknown) {}
        });
    localPods.start();
    virtualNode.start();
  }

  private void address(Node node) {
    String ip = null;
    if (node.getStatus() != null) {
      ip =
          node.getStatus().getAddresses().stream()
              .filter(a -> "InternalIP".equals(a.getType()))
              .map(NodeAddress::getAddress)
              .findFirst()
              .orElse(null);
    }
    if (!Objects.equals(ip, hostIp)) {
      hostIp = ip;
      localPods.getIndexer().listKeys().forEach(key -> controller.enqueue(key(key)));
    }
  }

  private static ObjectKey key(String cacheKey) {
    int slash = cacheKey.indexOf('/');
    return ObjectKey.of(cacheKey.substring(0, slash), cacheKey.substring(slash + 1));
  }

  /**
   * Starts offloading the pods of {@code pair}'s local namespace; repeating a call does nothing.
   */
  void startPair(NamespacePair pair) {
    PairWatch running = pairs.get(pair.local());
    if (running != null && running.pair().equals(pair)) {
      return;
    }
    stopPair(pair.local());
    PairWatch watch = new PairWatch(remoteClient, pair, originClusterId);
    pairs.put(pair.local(), watch);
    watch.start(controller);
    for (Pod pod : localPods.getIndexer().byIndex(Cache.NAMESPACE_INDEX, pair.local())) {
      controller.enqueue(ObjectKey.of(pod));
    }
    LOG.info("offloading pods of {} to cluster {}", pair, providerName);
  }

  /** Stops watching {@code localNamespace}'s twin; local pods and remote objects stay. */
  void stopPair(String localNamespace) {
    PairWatch watch = pairs.remove(localNamespace);
    if (watch != null) {
      watch.close();
      LOG.info(
          "stopped offloading pods of namespace {} to cluster {}", localNamespace, providerName);
    }
  }

  /** Stops the workers and every informer; all objects stay as they are. */
  @Override
  public void close() {
    controller.close();
    pairs.values().forEach(PairWatch::close);
    pairs.clear();
    localPods.stop();
    virtualNode.stop();
  }
}
