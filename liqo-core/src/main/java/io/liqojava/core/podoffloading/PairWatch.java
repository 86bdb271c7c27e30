package io.liqojava.core.podoffloading;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.liqojava.api.consts.Annotations;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.offloading.v1beta1.ShadowPod;
import io.liqojava.core.runtime.Controller;
import io.liqojava.core.runtime.ObjectKey;
import io.liqojava.reflection.spi.NamespacePair;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider side of one offloaded namespace pair, as pod offloading sees it: informers on the
 * ShadowPods, pods and token Secrets this cluster made in the remote namespace, each event mapped
 * to the key of the local pod it belongs to.
 */
final class PairWatch implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PairWatch.class);

  private final NamespacePair pair;
  private final SharedIndexInformer<ShadowPod> shadowPods;
  private final SharedIndexInformer<Pod> pods;
  private final SharedIndexInformer<Secret> secrets;

  PairWatch(KubernetesClient remoteClient, NamespacePair pair, String originClusterId) {
    this.pair = pair;
    this.shadowPods =
        remoteClient
            .resources(ShadowPod.class)
            .inNamespace(pair.remote())
            .withLabel(Labels.REFLECTION_ORIGIN, originClusterId)
            .runnableInformer(0);
    this.pods =
        remoteClient
            .pods()
            .inNamespace(pair.remote())
            .withLabel(Labels.REFLECTION_ORIGIN, originClusterId)
            .runnableInformer(0);
    this.secrets =
        remoteClient
            .secrets()
            .inNamespace(pair.remote())
            .withLabel(Labels.REFLECTION_ORIGIN, originClusterId)
            .withLabel(TokenSecrets.TOKEN_LABEL, Labels.TRUE)
            .runnableInformer(0);
    String where = " in namespace " + pair.remote() + " of the provider";
    retryForever(shadowPods, "ShadowPods" + where);
    retryForever(pods, "pods" + where);
    retryForever(secrets, "token Secrets" + where);
  }

  /** Subscribes {@code controller} to the three informers and starts them. */
  void start(Controller controller) {
    controller.addSource(shadowPods, this::localKey);
    controller.addSource(pods, this::localKey);
    controller.addSource(secrets, this::localKey);
    shadowPods.start();
    pods.start();
    secrets.start();
  }

  /** The pair. */
  NamespacePair pair() {
    return pair;
  }

  /** Whether all three informers have listed the remote namespace. */
  boolean isSynced() {
    return shadowPods.hasSynced() && pods.hasSynced() && secrets.hasSynced();
  }

  /** The cached ShadowPod of local pod {@code name}, or null. */
  ShadowPod shadowPod(String name) {
    return shadowPods.getIndexer().getByKey(pair.remote() + "/" + name);
  }

  /** The cached provider pod of local pod {@code name}, or null. */
  Pod pod(String name) {
    return pods.getIndexer().getByKey(pair.remote() + "/" + name);
  }

  /** The cached token Secret of local pod {@code name}, or null. */
  Secret tokenSecret(String name) {
    return secrets.getIndexer().getByKey(pair.remote() + "/" + TokenSecrets.secretName(name));
  }

  private Set<ObjectKey> localKey(HasMetadata remote) {
    Map<String, String> annotations = remote.getMetadata().getAnnotations();
    String name =
        annotations != null && annotations.containsKey(Annotations.REFLECTION_SOURCE)
            ? annotations.get(Annotations.REFLECTION_SOURCE)
            : remote.getMetadata().getName();
    return Set.of(ObjectKey.of(pair.local(), name));
  }

  /** Stops the informers; what they watched stays. */
  @Override
  public void close() {
    shadowPods.stop();
    pods.stop();
    secrets.stop();
  }

  /** Keeps an informer listing and watching through errors, saying once at WARN why it cannot. */
  static void retryForever(SharedIndexInformer<?> informer, String what) {
    AtomicBoolean warned = new AtomicBoolean();
    informer.exceptionHandler(
        (started, error) -> {
          if (warned.compareAndSet(false, true)) {
            LOG.warn("cannot watch {}, retrying: {}", what, error.getMessage());
          } else {
            LOG.debug("cannot watch {}, retrying: {}", what, error.toString());
          }
          return true;
        });
  }
}
