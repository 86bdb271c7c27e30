package io.liqojava.core.webhook;

import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingSpec;
import io.liqojava.api.offloading.v1beta1.PodOffloadingStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the pods of an offloaded namespace may run, as scheduling constraints: whether they
 * tolerate the virtual-node taint, and the node selector terms they must also satisfy.
 *
 * <ul>
 *   <li>{@code Remote}: tolerate; one term per cluster selector term, each ANDed with {@code
 *       liqo.io/type In [virtual-node]} (just that requirement when the selector is empty);
 *   <li>{@code LocalAndRemote} (the default): tolerate; with a cluster selector, its terms each
 *       ANDed with {@code liqo.io/type In [virtual-node]}, plus {@code liqo.io/type NotIn
 *       [virtual-node]} for the local nodes; without one, no term;
 *   <li>{@code Local}: neither (the taint keeps the pods off virtual nodes).
 * </ul>
 *
 * @param tolerateVirtualNodes whether pods get the toleration of the virtual-node taint
 * @param requiredTerms the terms (ORed) pods must also satisfy; empty for no constraint
 */
public record OffloadingPlacement(
    boolean tolerateVirtualNodes, List<NodeSelectorTerm> requiredTerms) {

  /** Copies the terms. */
  public OffloadingPlacement {
    requiredTerms = List.copyOf(requiredTerms);
  }

  /** The placement a NamespaceOffloading spec asks for (null: the defaults). */
  public static OffloadingPlacement of(NamespaceOffloadingSpec spec) {
    PodOffloadingStrategy strategy =
        spec == null || spec.getPodOffloadingStrategy() == null
            ? PodOffloadingStrategy.LOCAL_AND_REMOTE
            : spec.getPodOffloadingStrategy();
    List<NodeSelectorTerm> selector = selectorTerms(spec);
    NodeSelectorTerm virtual =
        new NodeSelectorTermBuilder()
            .withMatchExpressions(NodeAffinities.virtualNodeRequirement("In"))
            .build();
    return switch (strategy) {
      case LOCAL -> new OffloadingPlacement(false, List.of());
      case REMOTE -> new OffloadingPlacement(true, remoteTerms(selector, virtual));
      case LOCAL_AND_REMOTE -> {
        if (selector.isEmpty()) {
          yield new OffloadingPlacement(true, List.of());
        }
        List<NodeSelectorTerm> terms = remoteTerms(selector, virtual);
        terms.add(
            new NodeSelectorTermBuilder()
                .withMatchExpressions(NodeAffinities.virtualNodeRequirement("NotIn"))
                .build());
        yield new OffloadingPlacement(true, terms);
      }
    };
  }

  private static List<NodeSelectorTerm> remoteTerms(
      List<NodeSelectorTerm> selector, NodeSelectorTerm virtual) {
    List<NodeSelectorTerm> terms = new ArrayList<>();
    if (selector.isEmpty()) {
      terms.add(virtual);
    } else {
      for (NodeSelectorTerm term : selector) {
        terms.add(NodeAffinities.and(term, virtual));
      }
    }
    return terms;
  }

  private static List<NodeSelectorTerm> selectorTerms(NamespaceOffloadingSpec spec) {
    if (spec == null
        || spec.getClusterSelector() == null
        || spec.getClusterSelector().getNodeSelectorTerms() == null) {
      return List.of();
    }
    return spec.getClusterSelector().getNodeSelectorTerms();
  }
}
