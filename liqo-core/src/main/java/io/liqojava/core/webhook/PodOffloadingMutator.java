package io.liqojava.core.webhook;

import io.fabric8.kubernetes.api.model.Pod;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloading;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook {@value WebhookRegistration#POD_WEBHOOK}: gives a new pod, in a namespace labelled
 * {@code liqo.io/scheduling-enabled=true}, the scheduling constraints of its namespace's {@code
 * NamespaceOffloading} ({@link OffloadingPlacement}), merged with its own required node affinity
 * ({@link NodeAffinities#merge}). A pod whose namespace has no NamespaceOffloading yet is refused:
 * its controller retries.
 */
public final class PodOffloadingMutator implements AdmissionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(PodOffloadingMutator.class);

  private final Function<String, Optional<NamespaceOffloading>> offloadings;

  /**
   * @param offloadings the NamespaceOffloading {@code offloading} of a namespace, if any
   */
  public PodOffloadingMutator(Function<String, Optional<NamespaceOffloading>> offloadings) {
    this.offloadings = Objects.requireNonNull(offloadings, "offloadings");
  }

  /** The message of a refused pod in {@code namespace}, which has no NamespaceOffloading. */
  public static String noOffloadingMessage(String namespace) {
    return "namespace "
        + namespace
        + " is labelled "
        + Labels.SCHEDULING_ENABLED
        + "="
        + Labels.TRUE
        + " but has no NamespaceOffloading '"
        + NamespaceOffloading.DEFAULT_NAME
        + "' yet: offload it with liqoctl offload namespace "
        + namespace
        + ", or retry once it is processed";
  }

  @Override
  public AdmissionDecision review(Admission admission) {
    if (!admission.isCreate()) {
      return AdmissionDecision.allow();
    }
    Pod pod;
    try {
      pod = AdmissionJson.toModel(admission.object(), Pod.class);
    } catch (IllegalArgumentException e) {
      return AdmissionDecision.deny(e.getMessage());
    }
    String namespace =
        admission.namespace().isEmpty() && pod.getMetadata() != null
            ? pod.getMetadata().getNamespace()
            : admission.namespace();
    Optional<NamespaceOffloading> offloading = offloadings.apply(namespace);
    if (offloading.isEmpty()) {
      LOG.debug("Refused a pod in {}: the namespace has no NamespaceOffloading", namespace);
      return AdmissionDecision.deny(noOffloadingMessage(namespace));
    }
    if (offloading.get().getMetadata().getDeletionTimestamp() != null) {
      // Unoffloading: pods created now (replacements of the offloaded ones) stay local.
      return AdmissionDecision.allow();
    }
    OffloadingPlacement placement = OffloadingPlacement.of(offloading.get().getSpec());
    var patch = AdmissionJson.newPatch();
    PodSpecPatch spec = new PodSpecPatch(patch, "/spec", pod.getSpec());
    if (placement.tolerateVirtualNodes()) {
      spec.tolerateVirtualNodes();
    }
    spec.requireTerms(placement.requiredTerms());
    return AdmissionDecision.patch(patch);
  }
}
