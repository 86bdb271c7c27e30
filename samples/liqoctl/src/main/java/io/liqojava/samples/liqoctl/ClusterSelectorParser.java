package io.liqojava.samples.liqoctl;

import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@code --selector} values into the cluster selector of a NamespaceOffloading: each value is
 * one node selector term (the terms are ORed), made of comma-separated requirements (ANDed) written
 * in label-selector syntax.
 */
final class ClusterSelectorParser {

  /** The accepted syntax, for error messages and help. */
  static final String SYNTAX =
      "requirements separated by commas (all must hold): k=v, k==v, k!=v, k in (a,b),"
          + " k notin (a,b), k (label present), !k (label absent); repeat --selector for"
          + " alternatives";

  private static final Pattern SET =
      Pattern.compile("(\\S+)\\s+(in|notin)\\s*\\((.*)\\)", Pattern.DOTALL);
  private static final Pattern KEY =
      Pattern.compile(
          "([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
              + "[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Pattern VALUE =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");
  private static final int MAX_NAME = 63;
  private static final int MAX_PREFIX = 253;

  private ClusterSelectorParser() {}

  /**
   * The cluster selector of the given {@code --selector} values; null when there are none (every
   * cluster is selected).
   *
   * @throws IllegalArgumentException naming the value and what is wrong with it
   */
  static NodeSelector parse(List<String> selectors) {
    if (selectors.isEmpty()) {
      return null;
    }
    List<NodeSelectorTerm> terms = new ArrayList<>();
    for (String selector : selectors) {
      terms.add(term(selector));
    }
    NodeSelector nodeSelector = new NodeSelector();
    nodeSelector.setNodeSelectorTerms(terms);
    return nodeSelector;
  }

  /** One node selector term: the requirements of one {@code --selector} value. */
  static NodeSelectorTerm term(String selector) {
    List<NodeSelectorRequirement> requirements = new ArrayList<>();
    for (String requirement : splitRequirements(selector)) {
      requirements.add(requirement(selector, requirement.trim()));
    }
    NodeSelectorTerm term = new NodeSelectorTerm();
    term.setMatchExpressions(requirements);
    return term;
  }

  private static List<String> splitRequirements(String selector) {
    if (selector.isBlank()) {
      throw invalid(selector, "it is empty");
    }
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (c == '(') {
        depth++;
        if (depth > 1) {
          throw invalid(selector, "parentheses cannot be nested");
        }
      } else if (c == ')') {
        depth--;
        if (depth < 0) {
          throw invalid(selector, "a ')' has no matching '('");
        }
      } else if (c == ',' && depth == 0) {
        parts.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    if (depth != 0) {
      throw invalid(selector, "a '(' is not closed");
    }
    parts.add(selector.substring(start));
    return parts;
  }

  private static NodeSelectorRequirement requirement(String selector, String text) {
    if (text.isEmpty()) {
      throw invalid(
          selector, "it has an empty requirement (two commas in a row, or a comma at an end)");
    }
    if (text.startsWith("!") && !text.startsWith("!=")) {
      return expression(selector, text.substring(1).trim(), "DoesNotExist", List.of());
    }
    Matcher set = SET.matcher(text);
    if (set.matches()) {
      List<String> values = new ArrayList<>();
      for (String value : set.group(3).split(",", -1)) {
        values.add(value.trim());
      }
      if (values.size() == 1 && values.get(0).isEmpty()) {
        throw invalid(selector, "'" + text + "' has no values between the parentheses");
      }
      return expression(selector, set.group(1), set.group(2).equals("in") ? "In" : "NotIn", values);
    }
    for (String operator : List.of("!=", "==", "=")) {
      int at = text.indexOf(operator);
      if (at >= 0) {
        return expression(
            selector,
            text.substring(0, at).trim(),
            operator.equals("!=") ? "NotIn" : "In",
            List.of(text.substring(at + operator.length()).trim()));
      }
    }
    return expression(selector, text, "Exists", List.of());
  }

  private static NodeSelectorRequirement expression(
      String selector, String key, String operator, List<String> values) {
    if (!validKey(key)) {
      throw invalid(
          selector,
          key.isEmpty()
              ? "a requirement has no label key"
              : "'" + key + "' is not a label key (or the operator is unknown)");
    }
    for (String value : values) {
      if (value.length() > MAX_NAME || !VALUE.matcher(value).matches()) {
        throw invalid(
            selector,
            "'"
                + value
                + "' is not a label value (at most 63 letters, digits, '-', '_' or '.', starting"
                + " and ending with a letter or digit)");
      }
    }
    NodeSelectorRequirement requirement = new NodeSelectorRequirement();
    requirement.setKey(key);
    requirement.setOperator(operator);
    requirement.setValues(new ArrayList<>(values));
    return requirement;
  }

  private static boolean validKey(String key) {
    if (!KEY.matcher(key).matches()) {
      return false;
    }
    int slash = key.indexOf('/');
    String prefix = slash < 0 ? "" : key.substring(0, slash);
    String name = key.substring(slash + 1);
    return prefix.length() <= MAX_PREFIX && name.length() <= MAX_NAME;
  }

  private static IllegalArgumentException invalid(String selector, String problem) {
    return new IllegalArgumentException(
        "'" + selector + "' is not a valid cluster selector: " + problem + ". Write " + SYNTAX);
  }
}
