package io.liqojava.core.offloading;

import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the {@code clusterSelector} of a {@code NamespaceOffloading} against the labels of a
 * provider's virtual node, with the semantics of a node selector: the terms are ORed, the
 * requirements of a term ANDed; a null selector, or one without terms, selects every cluster; a
 * term without requirements selects none.
 */
public final class ClusterSelectors {

  private ClusterSelectors() {}

  /**
   * Whether {@code selector} selects a cluster whose virtual node has {@code labels}.
   *
   * @throws IllegalArgumentException when a requirement is malformed (unknown operator, Gt/Lt
   *     without exactly one integer value), naming the requirement and the fix
   */
  public static boolean matches(NodeSelector selector, Map<String, String> labels) {
    if (selector == null
        || selector.getNodeSelectorTerms() == null
        || selector.getNodeSelectorTerms().isEmpty()) {
      return true;
    }
    Map<String, String> present = labels == null ? Map.of() : labels;
    boolean matched = false;
    for (NodeSelectorTerm term : selector.getNodeSelectorTerms()) {
      // every term is evaluated, so that a malformed one is reported whatever the order
      matched |= matches(term, present);
    }
    return matched;
  }

  private static boolean matches(NodeSelectorTerm term, Map<String, String> labels) {
    List<NodeSelectorRequirement> requirements =
        term == null || term.getMatchExpressions() == null ? List.of() : term.getMatchExpressions();
    if (requirements.isEmpty()) {
      return false;
    }
    boolean matched = true;
    for (NodeSelectorRequirement requirement : requirements) {
      matched &= matches(requirement, labels);
    }
    return matched;
  }

  private static boolean matches(NodeSelectorRequirement requirement, Map<String, String> labels) {
    String key = requirement.getKey();
    if (key == null || key.isBlank()) {
      throw invalid(requirement, "the key is missing: set it to a label of the virtual nodes");
    }
    String value = labels.get(key);
    List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
    String operator = requirement.getOperator() == null ? "" : requirement.getOperator();
    return switch (operator) {
      case "In" -> value != null && values.contains(value);
      case "NotIn" -> value == null || !values.contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      case "Gt" -> compare(requirement, value, values) > 0;
      case "Lt" -> compare(requirement, value, values) < 0;
      default ->
          throw invalid(
              requirement,
              "operator '"
                  + operator
                  + "' is not supported: use In, NotIn, Exists, DoesNotExist, Gt or Lt");
    };
  }

  /** Compares the label value with the single bound; 0 (no match) when the label is absent. */
  private static int compare(
      NodeSelectorRequirement requirement, String value, List<String> values) {
    long bound;
    try {
      if (values.size() != 1) {
        throw new NumberFormatException();
      }
      bound = Long.parseLong(values.get(0));
    } catch (NumberFormatException e) {
      throw invalid(
          requirement,
          "operator "
              + requirement.getOperator()
              + " needs exactly one integer value, got "
              + values
              + ": set values to one integer, for example [\"3\"]");
    }
    if (value == null) {
      return 0;
    }
    try {
      return Long.compare(Long.parseLong(value), bound);
    } catch (NumberFormatException e) {
      return 0; // a non-numeric label value neither exceeds nor falls below a bound
    }
  }

  private static IllegalArgumentException invalid(
      NodeSelectorRequirement requirement, String problem) {
    return new IllegalArgumentException(
        "invalid clusterSelector requirement {key: "
            + requirement.getKey()
            + ", operator: "
            + requirement.getOperator()
            + ", values: "
            + requirement.getValues()
            + "}: "
            + problem);
  }
}
