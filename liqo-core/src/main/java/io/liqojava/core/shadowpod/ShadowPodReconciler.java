package io.liqojava.core.shadowpod;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.offloading.v1beta1.ShadowPod;
import io.liqojava.api.offloading.v1beta1.ShadowPodPhase;
import io.liqojava.api.offloading.v1beta1.ShadowPodStatus;
import io.liqojava.core.events.KubernetesEvents;
import io.liqojava.core.runtime.ObjectKey;
import io.liqojava.core.runtime.OptimisticUpdate;
import io.liqojava.core.runtime.Reconciler;
import io.liqojava.core.runtime.Result;
import java.net.HttpURLConnection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the pod of a ShadowPod in existence and reports it in the ShadowPod's status; see {@link
 * ShadowPods} for the behaviour. Level-triggered: the pod that exists (found by name, recognised by
 * its owner reference to the ShadowPod's UID) is compared with the status' recorded {@code podUid},
 * so a re-creation is counted exactly once even if the process dies between creating the pod and
 * writing the status.
 */
final class ShadowPodReconciler implements Reconciler {

  /** Reason of the Warning event when a pod of the ShadowPod's name belongs to someone else. */
  static final String REASON_FOREIGN_POD = "ForeignPod";

  /** Reason of the Warning event when the ShadowPod has no pod spec. */
  static final String REASON_INVALID = "InvalidShadowPod";

  /** Reason of the Warning event when the API server refuses to create the pod. */
  static final String REASON_FAILED = "PodCreationFailed";

  private static final Logger LOG = LoggerFactory.getLogger(ShadowPodReconciler.class);

  private final KubernetesClient client;
  private final SharedIndexInformer<ShadowPod> shadowPods;
  private final SharedIndexInformer<Pod> pods;
  private final KubernetesEvents events;

  ShadowPodReconciler(
      KubernetesClient client,
      SharedIndexInformer<ShadowPod> shadowPods,
      SharedIndexInformer<Pod> pods) {
    this.client = client;
    this.shadowPods = shadowPods;
    this.pods = pods;
    this.events = new KubernetesEvents(client, ShadowPods.COMPONENT);
  }

  @Override
  public Result reconcile(ObjectKey key) {
    ShadowPod shadow = shadowPods.getIndexer().getByKey(key.toString());
    if (shadow == null || shadow.getMetadata().getDeletionTimestamp() != null) {
      return Result.done(); // the garbage collector removes the pod with its owner
    }
    if (shadow.getSpec() == null || shadow.getSpec().getPod() == null) {
      events.warning(
          shadow,
          REASON_INVALID,
          "ShadowPod " + key + " has no spec.pod: set spec.pod to the pod to run");
      writeStatus(shadow, null);
      return Result.done();
    }
    Pod pod = pods.getIndexer().getByKey(key.toString());
    if (pod == null) {
      Optional<Pod> created = create(shadow);
      if (created.isEmpty()) {
        writeStatus(shadow, null);
        throw new IllegalStateException("ShadowPod " + key + ": pod not created yet");
      }
      pod = created.get();
    }
    if (!isOwnedBy(pod, shadow)) {
      warnForeign(shadow, pod);
      writeStatus(shadow, null);
      throw new IllegalStateException("ShadowPod " + key + ": its pod's name is taken");
    }
    // A pod being deleted is left to go; its deletion brings the key back and it is created again.
    writeStatus(shadow, pod);
    return Result.done();
  }

  /** Creates the pod; empty when it could not (an event says why). */
  private Optional<Pod> create(ShadowPod shadow) {
    Pod desired = podOf(shadow);
    try {
      Pod created = client.pods().resource(desired).create();
      LOG.info(
          "Created pod {} (uid {}) of ShadowPod {}",
          ObjectKey.of(created),
          created.getMetadata().getUid(),
          ObjectKey.of(shadow));
      return Optional.of(created);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        // Ours, not cached yet, or someone else's: read it to tell.
        return Optional.ofNullable(
            client
                .pods()
                .inNamespace(shadow.getMetadata().getNamespace())
                .withName(shadow.getMetadata().getName())
                .get());
      }
      events.warning(
          shadow,
          REASON_FAILED,
          "could not create pod "
              + ObjectKey.of(shadow)
              + ": "
              + (e.getStatus() != null && e.getStatus().getMessage() != null
                  ? e.getStatus().getMessage()
                  : e.getMessage()));
      return Optional.empty();
    }
  }

  /** The pod {@code shadow} asks for. */
  static Pod podOf(ShadowPod shadow) {
    var metadata = shadow.getMetadata();
    Map<String, String> labels =
        metadata.getLabels() == null ? new HashMap<>() : new HashMap<>(metadata.getLabels());
    labels.put(Labels.MANAGED_BY, Labels.MANAGED_BY_SHADOW_POD);
    OwnerReference owner =
        new OwnerReferenceBuilder()
            .withApiVersion(HasMetadata.getApiVersion(ShadowPod.class))
            .withKind(HasMetadata.getKind(ShadowPod.class))
            .withName(metadata.getName())
            .withUid(metadata.getUid())
            .withController(true)
            .withBlockOwnerDeletion(true)
            .build();
    return new PodBuilder()
        .withNewMetadata()
        .withName(metadata.getName())
        .withNamespace(metadata.getNamespace())
        .withLabels(labels)
        .withAnnotations(metadata.getAnnotations())
        .withOwnerReferences(owner)
        .endMetadata()
        .withSpec(shadow.getSpec().getPod())
        .build();
  }

  private static boolean isOwnedBy(Pod pod, ShadowPod shadow) {
    var owners = pod.getMetadata().getOwnerReferences();
    return owners != null
        && owners.stream()
            .anyMatch(
                o ->
                    Boolean.TRUE.equals(o.getController())
                        && Objects.equals(o.getUid(), shadow.getMetadata().getUid()));
  }

  private void warnForeign(ShadowPod shadow, Pod pod) {
    events.warning(
        shadow,
        REASON_FOREIGN_POD,
        "pod "
            + ObjectKey.of(pod)
            + " (uid "
            + pod.getMetadata().getUid()
            + ") exists and is not controlled by this ShadowPod: it is left untouched; delete"
            + " it, or rename the ShadowPod, to have the pod created");
  }

  /** Reports {@code pod} (null: none of ours) in the status, writing only on change. */
  private void writeStatus(ShadowPod cached, Pod pod) {
    OptimisticUpdate.updateStatus(
        client,
        cached,
        shadow -> {
          ShadowPodStatus before = shadow.getStatus();
          ShadowPodStatus after = next(before, pod);
          if (after.equals(before)) {
            return false;
          }
          shadow.setStatus(after);
          return true;
        });
  }

  /** The status after observing {@code pod} (null: none of ours), given the status before. */
  static ShadowPodStatus next(ShadowPodStatus before, Pod pod) {
    ShadowPodStatus after = new ShadowPodStatus();
    String recordedUid = before == null ? null : before.getPodUid();
    int recreations =
        before == null || before.getPodRecreations() == null ? 0 : before.getPodRecreations();
    if (pod == null) {
      after.setPhase(ShadowPodPhase.UNKNOWN);
      after.setPodUid(recordedUid);
    } else {
      String uid = pod.getMetadata().getUid();
      if (recordedUid != null && !recordedUid.equals(uid)) {
        recreations++;
      }
      after.setPhase(phaseOf(pod));
      after.setPodUid(uid);
    }
    after.setPodRecreations(recreations);
    return after;
  }

  private static ShadowPodPhase phaseOf(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    for (ShadowPodPhase candidate : ShadowPodPhase.values()) {
      if (candidate.value().equals(phase)) {
        return candidate;
      }
    }
    return phase == null ? ShadowPodPhase.PENDING : ShadowPodPhase.UNKNOWN;
  }
}
