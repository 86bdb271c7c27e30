package io.liqojava.core.webhook;

import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import java.util.List;

/**
 * The webhook {@value WebhookRegistration#DAEMONSET_WEBHOOK}: keeps DaemonSets off virtual nodes by
 * default. A DaemonSet whose pod template tolerates the virtual-node taint only through a wildcard
 * toleration ({@code operator: Exists} without key, as CNI plugins have) gets {@code liqo.io/type
 * NotIn [virtual-node]} in every term of its required node affinity; one that tolerates the taint
 * explicitly (key {@code virtual-node.liqo.io/not-allowed}) is meant to run there and is left
 * alone, as is any other.
 */
public final class DaemonSetMutator implements AdmissionHandler {

  private static final List<NodeSelectorTerm> OFF_VIRTUAL_NODES =
      List.of(
          new NodeSelectorTermBuilder()
              .withMatchExpressions(NodeAffinities.virtualNodeRequirement("NotIn"))
              .build());

  /** A mutator; it needs no state. */
  public DaemonSetMutator() {}

  @Override
  public AdmissionDecision review(Admission admission) {
    if (!admission.isCreate() && !admission.isUpdate()) {
      return AdmissionDecision.allow();
    }
    DaemonSet daemonSet;
    try {
      daemonSet = AdmissionJson.toModel(admission.object(), DaemonSet.class);
    } catch (IllegalArgumentException e) {
      return AdmissionDecision.deny(e.getMessage());
    }
    if (daemonSet.getSpec() == null || daemonSet.getSpec().getTemplate() == null) {
      return AdmissionDecision.allow();
    }
    PodSpec spec = daemonSet.getSpec().getTemplate().getSpec();
    if (spec == null
        || !PodSpecPatch.toleratesEveryTaint(spec)
        || PodSpecPatch.toleratesVirtualNodesExplicitly(spec)) {
      return AdmissionDecision.allow();
    }
    var patch = AdmissionJson.newPatch();
    new PodSpecPatch(patch, "/spec/template/spec", spec).requireTerms(OFF_VIRTUAL_NODES);
    return AdmissionDecision.patch(patch);
  }
}
