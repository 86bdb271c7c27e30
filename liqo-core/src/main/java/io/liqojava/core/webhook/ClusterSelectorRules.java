package io.liqojava.core.webhook;

import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rules of a NamespaceOffloading's {@code spec.clusterSelector}, which selects virtual nodes by
 * their labels: each term has at least one requirement, each requirement a valid label key and the
 * values its operator needs; matchFields are refused.
 */
final class ClusterSelectorRules {

  private static final String FIELD = "spec.clusterSelector";
  private static final Set<String> OPERATORS =
      Set.of("In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt");

  private ClusterSelectorRules() {}

  /** The violations of {@code selector} (null: none), each naming the field and the fix. */
  static List<String> violations(NodeSelector selector) {
    List<String> violations = new ArrayList<>();
    if (selector == null || selector.getNodeSelectorTerms() == null) {
      return violations;
    }
    List<NodeSelectorTerm> terms = selector.getNodeSelectorTerms();
    for (int i = 0; i < terms.size(); i++) {
      String term = FIELD + ".nodeSelectorTerms[" + i + "]";
      NodeSelectorTerm t = terms.get(i);
      if (t == null) {
        violations.add(term + " is null: remove it or give it matchExpressions");
        continue;
      }
      List<NodeSelectorRequirement> expressions =
          t.getMatchExpressions() == null ? List.of() : t.getMatchExpressions();
      boolean hasFields = t.getMatchFields() != null && !t.getMatchFields().isEmpty();
      if (hasFields) {
        violations.add(
            term
                + ".matchFields is not supported: clusterSelector matches the labels of virtual"
                + " nodes: use matchExpressions");
      } else if (expressions.isEmpty()) {
        violations.add(
            term
                + " has no requirement: add at least one matchExpressions entry, or remove the"
                + " term (no terms at all select every cluster)");
      }
      for (int j = 0; j < expressions.size(); j++) {
        requirement(term + ".matchExpressions[" + j + "]", expressions.get(j), violations);
      }
    }
    return violations;
  }

  private static void requirement(
      String field, NodeSelectorRequirement requirement, List<String> violations) {
    if (requirement == null) {
      violations.add(field + " is null: remove it");
      return;
    }
    String key = requirement.getKey();
    if (!LabelSyntax.isLabelKey(key)) {
      violations.add(
          field
              + ".key '"
              + (key == null ? "" : key)
              + "' is not a valid label key: use an optional DNS subdomain prefix and '/', then a"
              + " name of at most 63 alphanumerics, '-', '_' or '.' (such as"
              + " topology.kubernetes.io/region)");
    }
    String operator = requirement.getOperator();
    List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
    if (operator == null || !OPERATORS.contains(operator)) {
      violations.add(
          field
              + ".operator '"
              + (operator == null ? "" : operator)
              + "' is not valid: use In, NotIn, Exists, DoesNotExist, Gt or Lt");
      return;
    }
    switch (operator) {
      case "In", "NotIn" -> {
        if (values.isEmpty()) {
          violations.add(
              field + ".values must not be empty with operator " + operator + ": list the values");
        }
        for (String value : values) {
          if (!LabelSyntax.isLabelValue(value)) {
            violations.add(
                field
                    + ".values holds '"
                    + value
                    + "', which is not a valid label value: use at most 63 alphanumerics, '-',"
                    + " '_' or '.'");
          }
        }
      }
      case "Exists", "DoesNotExist" -> {
        if (!values.isEmpty()) {
          violations.add(
              field + ".values must be empty with operator " + operator + ": remove the values");
        }
      }
      default -> {
        if (values.size() != 1 || !isInteger(values.get(0))) {
          violations.add(
              field
                  + ".values must hold exactly one integer with operator "
                  + operator
                  + ", got "
                  + values
                  + ": give one value such as \"3\"");
        }
      }
    }
  }

  private static boolean isInteger(String value) {
    try {
      Long.parseLong(value);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
