package io.liqojava.core.podoffloading;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.offloading.v1beta1.ShadowPod;
import io.liqojava.core.runtime.ObjectKey;
import io.liqojava.core.runtime.OptimisticUpdate;
import io.liqojava.core.runtime.Reconciler;
import io.liqojava.core.runtime.Result;
import io.liqojava.core.runtime.ServerSideApply;
import io.liqojava.core.runtime.UidPreconditionDelete;
import io.liqojava.reflection.spi.EventRecorder;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one local pod bound to a provider's virtual node, its ShadowPod, token Secret and status
 * in line: offloads it, mirrors the status back, tears it down when it is deleted, and keeps pods
 * of namespaces that are not offloaded Pending with {@value PodOffloading#OFFLOADING_BACK_OFF}.
 */
final class OffloadedPodReconciler implements Reconciler {

  private static final Logger LOG = LoggerFactory.getLogger(OffloadedPodReconciler.class);
  private static final Duration NOT_SYNCED_RETRY = Duration.ofSeconds(1);
  private static final Duration TEARDOWN_RECHECK = Duration.ofSeconds(5);
  private static final Duration CONFLICT_RECHECK = Duration.ofSeconds(30);

  /** The reason of the Warning event when a ShadowPod cannot be written. */
  static final String FAILED_OFFLOADING = "FailedOffloading";

  private final KubernetesClient localClient;
  private final KubernetesClient remoteClient;
  private final String originClusterId;
  private final String providerName;
  private final String virtualNodeName;
  private final SharedIndexInformer<Pod> localPods;
  private final Function<String, PairWatch> pairs;
  private final Supplier<String> hostIp;
  private final ShadowPodForge forge;
  private final TokenSecrets tokens;
  private final StatusMirror mirror;
  private final EventRecorder events;
  private final Clock clock;

  OffloadedPodReconciler(
      KubernetesClient localClient,
      KubernetesClient remoteClient,
      String originClusterId,
      String providerName,
      String virtualNodeName,
      SharedIndexInformer<Pod> localPods,
      Function<String, PairWatch> pairs,
      Supplier<String> hostIp,
      ShadowPodForge forge,
      TokenSecrets tokens,
      StatusMirror mirror,
      EventRecorder events,
      Clock clock) {
    this.localClient = localClient;
    this.remoteClient = remoteClient;
    this.originClusterId = originClusterId;
    this.providerName = providerName;
    this.virtualNodeName = virtualNodeName;
    this.localPods = localPods;
    this.pairs = pairs;
    this.hostIp = hostIp;
    this.forge = forge;
    this.tokens = tokens;
    this.mirror = mirror;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public Result reconcile(ObjectKey key) throws Exception {
    if (!localPods.hasSynced()) {
      return Result.requeueAfter(NOT_SYNCED_RETRY);
    }
    Pod pod = localPods.getIndexer().getByKey(key.toString());
    PairWatch pair = pairs.apply(key.namespace());
    if (pair != null && !pair.isSynced()) {
      return Result.requeueAfter(NOT_SYNCED_RETRY);
    }
    if (pod == null) {
      return pair == null ? Result.done() : removeOrphans(key, pair);
    }
    if (pair == null) {
      return notOffloaded(pod);
    }
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      return tearDown(pod, pair);
    }
    return offload(pod, pair);
  }

  /** A pod in a namespace without a twin in this provider: nothing can run it. */
  private Result notOffloaded(Pod pod) throws InterruptedException {
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      UidPreconditionDelete.delete(localClient, pod, 0L);
      return Result.done();
    }
    String namespace = pod.getMetadata().getNamespace();
    String message =
        String.format(
            "namespace %s is not offloaded to cluster %s, so pod %s cannot run on virtual node %s:"
                + " offload the namespace (for example liqoctl offload namespace %s), or keep the"
                + " pod off virtual nodes with a node affinity requiring liqo.io/type NotIn"
                + " (virtual-node), as DaemonSets need",
            namespace, providerName, pod.getMetadata().getName(), virtualNodeName, namespace);
    PodStatus status = pod.getStatus();
    if (status == null
        || !"Pending".equals(status.getPhase())
        || !PodOffloading.OFFLOADING_BACK_OFF.equals(status.getReason())
        || !message.equals(status.getMessage())) {
      OptimisticUpdate.updateStatus(
          localClient,
          pod,
          copy -> {
            PodStatus s = copy.getStatus() == null ? new PodStatus() : copy.getStatus();
            if ("Pending".equals(s.getPhase())
                && PodOffloading.OFFLOADING_BACK_OFF.equals(s.getReason())
                && message.equals(s.getMessage())) {
              return false;
            }
            s.setPhase("Pending");
            s.setReason(PodOffloading.OFFLOADING_BACK_OFF);
            s.setMessage(message);
            copy.setStatus(s);
            return true;
          });
      events.warning(pod, PodOffloading.OFFLOADING_BACK_OFF, message);
    }
    return Result.done();
  }

  /** The local pod is being deleted: delete its ShadowPod, then finish the local deletion. */
  private Result tearDown(Pod pod, PairWatch pair) throws InterruptedException {
    String name = pod.getMetadata().getName();
    deleteTokenSecret(pair, name);
    ShadowPod shadow = pair.shadowPod(name);
    if (shadow != null) {
      if (shadow.getMetadata().getDeletionTimestamp() == null) {
        UidPreconditionDelete.delete(remoteClient, shadow, null);
      }
      return Result.requeueAfter(TEARDOWN_RECHECK);
    }
    if (pair.pod(name) != null || existsRemotely(pair, name)) {
      return Result.requeueAfter(TEARDOWN_RECHECK);
    }
    UidPreconditionDelete.delete(localClient, pod, 0L);
    LOG.debug(
        "pod {}/{} is gone from cluster {}", pod.getMetadata().getNamespace(), name, providerName);
    return Result.done();
  }

  /** Whether the provider still holds this cluster's ShadowPod or pod of {@code name}. */
  private boolean existsRemotely(PairWatch pair, String name) {
    String namespace = pair.pair().remote();
    ShadowPod shadow =
        remoteClient.resources(ShadowPod.class).inNamespace(namespace).withName(name).get();
    Pod pod = remoteClient.pods().inNamespace(namespace).withName(name).get();
    return isOurs(shadow) || isOurs(pod);
  }

  private boolean isOurs(HasMetadata remote) {
    if (remote == null || remote.getMetadata().getLabels() == null) {
      return false;
    }
    return originClusterId.equals(remote.getMetadata().getLabels().get(Labels.REFLECTION_ORIGIN));
  }

  /** No local pod: its ShadowPod and token Secret, if any, are left over and go. */
  private Result removeOrphans(ObjectKey key, PairWatch pair) throws InterruptedException {
    ShadowPod shadow = pair.shadowPod(key.name());
    Secret secret = pair.tokenSecret(key.name());
    if (shadow == null && secret == null) {
      return Result.done();
    }
    Pod live = localClient.pods().inNamespace(key.namespace()).withName(key.name()).get();
    if (live != null && virtualNodeName.equals(live.getSpec().getNodeName())) {
      return Result.requeueAfter(NOT_SYNCED_RETRY); // the cache lags; the pod is still there
    }
    if (shadow != null && shadow.getMetadata().getDeletionTimestamp() == null) {
      UidPreconditionDelete.delete(remoteClient, shadow, null);
      LOG.info(
          "deleted ShadowPod {}/{} in cluster {}: its pod {} is gone",
          pair.pair().remote(),
          key.name(),
          providerName,
          key);
    }
    deleteTokenSecret(pair, key.name());
    return Result.done();
  }

  private void deleteTokenSecret(PairWatch pair, String name) throws InterruptedException {
    tokens.forget(pair.pair().remote(), name);
    Secret secret = pair.tokenSecret(name);
    if (secret != null) {
      UidPreconditionDelete.delete(remoteClient, secret, null);
    }
  }

  /** A live pod of an offloaded namespace: ShadowPod, token Secret and status. */
  private Result offload(Pod pod, PairWatch pair) throws InterruptedException {
    String name = pod.getMetadata().getName();
    ShadowPod shadow = pair.shadowPod(name);
    if (shadow != null && shadow.getMetadata().getDeletionTimestamp() != null) {
      return Result.done(); // its deletion event brings us back
    }
    ShadowPod desired = forge.forge(pod, pair.pair().remote());
    if (shadow == null
        || !Objects.equals(
            ShadowPodForge.recordedDigest(desired), ShadowPodForge.recordedDigest(shadow))) {
      if (shadow == null && takenByOthers(pod, pair, name)) {
        return Result.requeueAfter(CONFLICT_RECHECK);
      }
      shadow = apply(pod, desired);
    }
    Instant refreshAt = null;
    if (ShadowPodForge.mountsServiceAccountToken(pod)) {
      String remoteNamespace = pair.pair().remote();
      Secret secret = tokens.latest(pair.tokenSecret(name), remoteNamespace, name);
      refreshAt = tokens.refreshAt(secret, pod);
      if (!refreshAt.isAfter(clock.instant())) {
        secret = tokens.issue(pod, shadow, pair.pair().remote());
        refreshAt = tokens.refreshAt(secret, pod);
      }
    }
    Pod remote = pair.pod(name);
    if (remote != null && remote.getMetadata().getDeletionTimestamp() == null) {
      mirrorStatus(pod, remote, shadow);
    }
    if (refreshAt == null) {
      return Result.done();
    }
    Duration wait = Duration.between(clock.instant(), refreshAt);
    return Result.requeueAfter(wait.isNegative() ? Duration.ZERO : wait);
  }

  /** Whether a ShadowPod of that name exists in the provider that this cluster did not make. */
  private boolean takenByOthers(Pod pod, PairWatch pair, String name) {
    ShadowPod existing =
        remoteClient
            .resources(ShadowPod.class)
            .inNamespace(pair.pair().remote())
            .withName(name)
            .get();
    if (existing == null || isOurs(existing)) {
      return false;
    }
    events.warning(
        pod,
        FAILED_OFFLOADING,
        String.format(
            "ShadowPod %s/%s already exists in cluster %s and was not created by this cluster, so"
                + " it is left untouched; delete it there, or rename this pod",
            pair.pair().remote(), name, providerName));
    return true;
  }

  private ShadowPod apply(Pod pod, ShadowPod desired) {
    try {
      return ServerSideApply.apply(remoteClient, desired);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_FORBIDDEN
          || e.getCode() == 422
          || e.getCode() == HttpURLConnection.HTTP_BAD_REQUEST) {
        events.warning(
            pod,
            FAILED_OFFLOADING,
            "cannot offload pod to cluster "
                + providerName
                + ": "
                + (e.getStatus() != null ? e.getStatus().getMessage() : e.getMessage()));
      }
      throw e;
    }
  }

  private void mirrorStatus(Pod pod, Pod remote, ShadowPod shadow) {
    String ip = hostIp.get();
    PodStatus desired = mirror.mirror(pod.getStatus(), remote, shadow, ip);
    if (desired.equals(pod.getStatus())) {
      return;
    }
    OptimisticUpdate.updateStatus(
        localClient,
        pod,
        copy -> {
          PodStatus wanted = mirror.mirror(copy.getStatus(), remote, shadow, ip);
          if (wanted.equals(copy.getStatus())) {
            return false;
          }
          copy.setStatus(wanted);
          return true;
        });
  }
}
