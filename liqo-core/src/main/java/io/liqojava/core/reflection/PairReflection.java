package io.liqojava.core.reflection;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.liqojava.api.consts.Annotations;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.runtime.Controller;
import io.liqojava.core.runtime.ObjectKey;
import io.liqojava.core.runtime.ServerSideApply;
import io.liqojava.reflection.spi.EventRecorder;
import io.liqojava.reflection.spi.NamespacePair;
import io.liqojava.reflection.spi.ReflectionDirection;
import io.liqojava.reflection.spi.ReflectionException;
import io.liqojava.reflection.spi.ReflectionPolicy;
import io.liqojava.reflection.spi.Reflector;
import java.net.HttpURLConnection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reflection of one resource between the two namespaces of a pair: the informers of both sides,
 * and the level-triggered step that brings the reflection of one source in line with it.
 *
 * @param <S> the source type
 * @param <T> the target type
 */
final class PairReflection<S extends HasMetadata, T extends HasMetadata> implements AutoCloseable {

  /** The reason of the Warning events recorded when an object cannot be reflected. */
  static final String FAILED_REFLECTION = "FailedReflection";

  private static final Logger LOG = LoggerFactory.getLogger(PairReflection.class);
  private static final String SOURCE_INDEX = "liqo.io/reflection-source";

  private final Reflector<S, T> reflector;
  private final NamespacePair pair;
  private final String sourceNamespace;
  private final String targetNamespace;
  private final KubernetesClient targetClient;
  private final String targetClusterName;
  private final Ownership ownership;
  private final ReflectionPolicy policy;
  private final EventRecorder events;
  private final SharedIndexInformer<S> sources;
  private final SharedIndexInformer<T> targets;
  private final Map<String, String> ownWrites = new ConcurrentHashMap<>();

  /** What a sync step did, for metrics. */
  enum Outcome {
    APPLIED,
    UNCHANGED,
    DELETED,
    ABSENT,
    CONFLICT,
    REJECTED
  }

  PairReflection(
      Reflector<S, T> reflector, PeerContext peer, NamespacePair pair, ReflectionPolicy policy) {
    this.reflector = reflector;
    this.pair = pair;
    this.policy = policy;
    this.events = peer.events();
    boolean outbound = reflector.direction() == ReflectionDirection.LOCAL_TO_REMOTE;
    KubernetesClient sourceClient = outbound ? peer.localClient() : peer.remoteClient();
    this.targetClient = outbound ? peer.remoteClient() : peer.localClient();
    this.sourceNamespace = outbound ? pair.local() : pair.remote();
    this.targetNamespace = outbound ? pair.remote() : pair.local();
    ClusterIdentity sourceCluster = outbound ? peer.localCluster() : peer.remoteCluster();
    ClusterIdentity targetCluster = outbound ? peer.remoteCluster() : peer.localCluster();
    this.targetClusterName = targetCluster.clusterName();
    this.ownership = new Ownership(sourceCluster.clusterId(), targetCluster.clusterId());
    this.sources =
        sourceClient
            .resources(reflector.sourceType())
            .inNamespace(sourceNamespace)
            .withoutLabel(Labels.REFLECTION_ORIGIN)
            .runnableInformer(0);
    this.targets =
        targetClient
            .resources(reflector.targetType())
            .inNamespace(targetNamespace)
            .runnableInformer(0);
    targets.addIndexers(Map.of(SOURCE_INDEX, ownership::ownedSourceName));
    retryForever(sources, where(reflector.sourceType(), sourceNamespace, sourceCluster));
    retryForever(targets, where(reflector.targetType(), targetNamespace, targetCluster));
  }

  private static String where(
      Class<? extends HasMetadata> type, String namespace, ClusterIdentity cluster) {
    return HasMetadata.getPlural(type)
        + " in namespace "
        + namespace
        + " of cluster "
        + cluster.clusterName();
  }

  /** Subscribes {@code controller} to both sides and starts watching them. */
  void start(Controller controller) {
    controller.addSource(sources, source -> Set.of(key(source.getMetadata().getName())));
    controller.addSource(
        targets, target -> Set.of(key(ownership.sourceName(target))), this::isNotOwnWrite);
    sources.start();
    targets.start();
  }

  /**
   * Whether {@code target} is not just the echo of this reflection's last write of it: an echo
   * needs no reconcile (a change by anyone else, or a deletion, does).
   */
  private boolean isNotOwnWrite(T target) {
    String written = ownWrites.get(target.getMetadata().getName());
    return written == null || !written.equals(target.getMetadata().getResourceVersion());
  }

  /** Whether both sides have been listed: the pair has converged once its queue drains. */
  boolean isSynced() {
    return sources.hasSynced() && targets.hasSynced();
  }

  private ObjectKey key(String sourceName) {
    return ObjectKey.of(pair.local(), sourceName);
  }

  /**
   * Brings the reflection of source {@code name} in line with the source: writes it, deletes it, or
   * leaves it.
   *
   * @throws KubernetesClientException on a failure worth retrying
   */
  Outcome sync(String name) {
    S source = sources.getIndexer().getByKey(sourceNamespace + "/" + name);
    Optional<T> desired = Optional.empty();
    if (source != null && policy.selects(source)) {
      try {
        desired = reflector.forge(source);
      } catch (ReflectionException e) {
        warn(source, "cannot reflect " + describe(source) + ": " + e.getMessage());
        if (e.isRetryable()) {
          throw e;
        }
        return Outcome.REJECTED;
      }
    }
    String desiredName = desired.map(t -> t.getMetadata().getName()).orElse(null);
    Outcome outcome = Outcome.ABSENT;
    for (T stale : targets.getIndexer().byIndex(SOURCE_INDEX, name)) {
      if (!stale.getMetadata().getName().equals(desiredName)) {
        delete(stale);
        outcome = Outcome.DELETED;
      }
    }
    if (desired.isEmpty()) {
      return outcome;
    }
    T target = ownership.stamp(desired.get(), name, targetNamespace, policy);
    target
        .getMetadata()
        .getAnnotations()
        .put(Annotations.REFLECTION_DIGEST, Convergence.digest(target));
    T current = targets.getIndexer().getByKey(targetNamespace + "/" + desiredName);
    if (current != null && !ownership.owns(current)) {
      warn(
          source,
          String.format(
              "%s %s/%s already exists in cluster %s and was not created by Liqo reflection, so it"
                  + " is left untouched; delete or rename it there, or annotate this object"
                  + " %s=true",
              current.getKind(),
              targetNamespace,
              desiredName,
              targetClusterName,
              Annotations.SKIP_REFLECTION));
      return Outcome.CONFLICT;
    }
    if (current != null && Convergence.converged(target, current)) {
      return Outcome.UNCHANGED;
    }
    try {
      T written = ServerSideApply.apply(targetClient, target);
      ownWrites.put(desiredName, written.getMetadata().getResourceVersion());
    } catch (KubernetesClientException e) {
      if (isInvalid(e)) {
        warn(source, "cannot reflect " + describe(source) + ": " + e.getMessage());
        return Outcome.REJECTED;
      }
      if (e.getCode() == HttpURLConnection.HTTP_FORBIDDEN) {
        warn(
            source,
            "cannot reflect "
                + describe(source)
                + ": cluster "
                + targetClusterName
                + " does not allow it ("
                + (e.getStatus() != null ? e.getStatus().getMessage() : e.getMessage())
                + "); the namespace "
                + targetNamespace
                + " must grant this cluster's identity access to "
                + target.getPlural());
      }
      throw e;
    }
    return Outcome.APPLIED;
  }

  private void delete(T stale) {
    ownWrites.remove(stale.getMetadata().getName());
    try {
      targetClient
          .resource(stale)
          .lockResourceVersion(stale.getMetadata().getResourceVersion())
          .delete();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
        throw e;
      }
    }
  }

  private void warn(HasMetadata source, String message) {
    if (reflector.direction() == ReflectionDirection.LOCAL_TO_REMOTE && source != null) {
      events.warning(source, FAILED_REFLECTION, message);
    }
    LOG.warn("{}", message);
  }

  private static boolean isInvalid(KubernetesClientException e) {
    return e.getCode() == 422 || e.getCode() == HttpURLConnection.HTTP_BAD_REQUEST;
  }

  private String describe(HasMetadata object) {
    return object.getKind()
        + " "
        + sourceNamespace
        + "/"
        + object.getMetadata().getName()
        + " to cluster "
        + targetClusterName;
  }

  /** Stops watching both sides; reflections stay where they are. */
  @Override
  public void close() {
    sources.stop();
    targets.stop();
  }

  /**
   * Keeps an informer listing and watching through errors; says once at WARN why it cannot (for
   * example the identity of this cluster may not read the resource there), then at DEBUG.
   */
  private static void retryForever(SharedIndexInformer<?> informer, String what) {
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
