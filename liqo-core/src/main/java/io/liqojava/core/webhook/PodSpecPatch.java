package io.liqojava.core.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.NodeAffinityBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.liqojava.api.consts.Taints;
import java.util.List;

/**
 * JSONPatch operations on a pod spec (of a pod, or of a workload's template) that touch only what
 * they change: other tolerations, other affinities and the preferred node affinity stay.
 */
final class PodSpecPatch {

  private final ArrayNode patch;
  private final String specPath;
  private final PodSpec spec;

  /**
   * @param patch the operations to append to
   * @param specPath the JSON pointer of the pod spec, such as {@code /spec}
   * @param spec the pod spec as sent (possibly null)
   */
  PodSpecPatch(ArrayNode patch, String specPath, PodSpec spec) {
    this.patch = patch;
    this.specPath = specPath;
    this.spec = spec == null ? new PodSpec() : spec;
  }

  /** Whether the spec has a toleration of key {@code virtual-node.liqo.io/not-allowed} for it. */
  static boolean toleratesVirtualNodesExplicitly(PodSpec spec) {
    return tolerations(spec).stream()
        .anyMatch(
            t ->
                Taints.VIRTUAL_NODE_KEY.equals(t.getKey())
                    && ("Exists".equals(t.getOperator())
                        || Taints.VIRTUAL_NODE_VALUE.equals(t.getValue()))
                    && (t.getEffect() == null
                        || t.getEffect().isEmpty()
                        || Taints.VIRTUAL_NODE_EFFECT.equals(t.getEffect())));
  }

  /** Whether the spec tolerates every taint: operator Exists without key, any or no effect. */
  static boolean toleratesEveryTaint(PodSpec spec) {
    return tolerations(spec).stream()
        .anyMatch(
            t ->
                (t.getKey() == null || t.getKey().isEmpty())
                    && "Exists".equals(t.getOperator())
                    && (t.getEffect() == null
                        || t.getEffect().isEmpty()
                        || Taints.VIRTUAL_NODE_EFFECT.equals(t.getEffect())));
  }

  /** Adds the toleration of the virtual-node taint unless the spec has one. */
  void tolerateVirtualNodes() {
    if (toleratesVirtualNodesExplicitly(spec)) {
      return;
    }
    if (tolerations(spec).isEmpty()) {
      AdmissionJson.add(patch, specPath + "/tolerations", List.of(Taints.virtualNodeToleration()));
    } else {
      AdmissionJson.add(patch, specPath + "/tolerations/-", Taints.virtualNodeToleration());
    }
  }

  /** Requires {@code terms} (ORed) on top of the spec's own required node affinity. */
  void requireTerms(List<NodeSelectorTerm> terms) {
    List<NodeSelectorTerm> own = NodeAffinities.requiredTerms(spec.getAffinity());
    List<NodeSelectorTerm> merged = NodeAffinities.merge(own, terms);
    if (merged.equals(own)) {
      return;
    }
    var selector = NodeAffinities.nodeSelector(merged);
    if (spec.getAffinity() == null) {
      AdmissionJson.add(
          patch,
          specPath + "/affinity",
          new AffinityBuilder()
              .withNewNodeAffinity()
              .withRequiredDuringSchedulingIgnoredDuringExecution(selector)
              .endNodeAffinity()
              .build());
    } else if (spec.getAffinity().getNodeAffinity() == null) {
      AdmissionJson.add(
          patch,
          specPath + "/affinity/nodeAffinity",
          new NodeAffinityBuilder()
              .withRequiredDuringSchedulingIgnoredDuringExecution(selector)
              .build());
    } else {
      AdmissionJson.add(
          patch,
          specPath + "/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution",
          selector);
    }
  }

  private static List<Toleration> tolerations(PodSpec spec) {
    return spec == null || spec.getTolerations() == null ? List.of() : spec.getTolerations();
  }
}
