package io.liqojava.core.webhook;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder;
import io.liqojava.api.consts.Labels;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Required node affinity arithmetic. Node selector terms are ORed, the requirements of a term
 * ANDed, so requiring both {@code (P1 or .. Pn)} and {@code (T1 or .. Tm)} is the terms {@code
 * Pi+Tj}: their matchExpressions and matchFields concatenated, without repeats.
 *
 * <p>{@link #merge} is idempotent: merging the same constraint twice gives what merging it once
 * gave. To that end, a term that holds every requirement of another term (so it selects a subset of
 * its nodes) is dropped, as is a repeated term. A term without requirements matches no node: it is
 * kept as it is.
 */
public final class NodeAffinities {

  private NodeAffinities() {}

  /** The requirement {@code liqo.io/type <operator> [virtual-node]}. */
  public static NodeSelectorRequirement virtualNodeRequirement(String operator) {
    return new NodeSelectorRequirementBuilder()
        .withKey(Labels.TYPE)
        .withOperator(operator)
        .withValues(Labels.TYPE_VIRTUAL_NODE)
        .build();
  }

  /** The required node selector terms of {@code affinity}; empty when it requires none. */
  public static List<NodeSelectorTerm> requiredTerms(Affinity affinity) {
    if (affinity == null
        || affinity.getNodeAffinity() == null
        || affinity.getNodeAffinity().getRequiredDuringSchedulingIgnoredDuringExecution() == null
        || affinity
                .getNodeAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution()
                .getNodeSelectorTerms()
            == null) {
      return List.of();
    }
    return affinity
        .getNodeAffinity()
        .getRequiredDuringSchedulingIgnoredDuringExecution()
        .getNodeSelectorTerms();
  }

  /**
   * The terms that require both {@code own} and {@code required}.
   *
   * @param own the terms already required (ORed); empty when none
   * @param required the terms to require as well (ORed); empty adds nothing
   * @return the combined terms; {@code own} itself when {@code required} is empty
   */
  public static List<NodeSelectorTerm> merge(
      List<NodeSelectorTerm> own, List<NodeSelectorTerm> required) {
    if (required.isEmpty()) {
      return own;
    }
    List<NodeSelectorTerm> combined = new ArrayList<>();
    if (own.isEmpty()) {
      combined.addAll(required);
    } else {
      for (NodeSelectorTerm mine : own) {
        if (isEmpty(mine)) {
          combined.add(mine);
          continue;
        }
        for (NodeSelectorTerm theirs : required) {
          combined.add(and(mine, theirs));
        }
      }
    }
    return simplify(combined);
  }

  /**
   * The term requiring both terms: the requirements of {@code a}, then the new ones of {@code b}.
   */
  public static NodeSelectorTerm and(NodeSelectorTerm a, NodeSelectorTerm b) {
    return new NodeSelectorTermBuilder()
        .withMatchExpressions(union(a.getMatchExpressions(), b.getMatchExpressions()))
        .withMatchFields(union(a.getMatchFields(), b.getMatchFields()))
        .build();
  }

  /** A node selector of {@code terms}. */
  public static NodeSelector nodeSelector(List<NodeSelectorTerm> terms) {
    return new NodeSelector(new ArrayList<>(terms));
  }

  private static List<NodeSelectorTerm> simplify(List<NodeSelectorTerm> terms) {
    List<TermRequirements> sets = terms.stream().map(TermRequirements::of).toList();
    List<NodeSelectorTerm> kept = new ArrayList<>();
    List<TermRequirements> keptSets = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      TermRequirements candidate = sets.get(i);
      if (!candidate.isEmpty() && (keptSets.contains(candidate) || isRedundant(candidate, sets))) {
        continue;
      }
      kept.add(terms.get(i));
      keptSets.add(candidate);
    }
    return kept;
  }

  /** Whether another, non-empty term holds a strict subset of the candidate's requirements. */
  private static boolean isRedundant(TermRequirements candidate, List<TermRequirements> all) {
    return all.stream()
        .anyMatch(
            other -> !other.isEmpty() && !other.equals(candidate) && candidate.contains(other));
  }

  private static boolean isEmpty(NodeSelectorTerm term) {
    return TermRequirements.of(term).isEmpty();
  }

  private static List<NodeSelectorRequirement> union(
      List<NodeSelectorRequirement> a, List<NodeSelectorRequirement> b) {
    Set<NodeSelectorRequirement> all = new LinkedHashSet<>();
    if (a != null) {
      all.addAll(a);
    }
    if (b != null) {
      all.addAll(b);
    }
    return new ArrayList<>(all);
  }

  /** The requirements of a term, as sets. */
  private record TermRequirements(
      Set<NodeSelectorRequirement> expressions, Set<NodeSelectorRequirement> fields) {

    static TermRequirements of(NodeSelectorTerm term) {
      return new TermRequirements(
          term.getMatchExpressions() == null
              ? Set.of()
              : new LinkedHashSet<>(term.getMatchExpressions()),
          term.getMatchFields() == null ? Set.of() : new LinkedHashSet<>(term.getMatchFields()));
    }

    boolean isEmpty() {
      return expressions.isEmpty() && fields.isEmpty();
    }

    boolean contains(TermRequirements other) {
      return expressions.containsAll(other.expressions) && fields.containsAll(other.fields);
    }
  }
}
