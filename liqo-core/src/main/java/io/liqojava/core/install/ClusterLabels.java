package io.liqojava.core.install;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The labels that identify a cluster to its peers (for example {@code
 * topology.liqo.io/region=south}), as given to {@code liqoctl install --cluster-labels}: parsed
 * from {@code key=value,key=value} and checked against the Kubernetes label syntax, since the
 * cluster's virtual nodes carry them in its consumers.
 */
public final class ClusterLabels {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final String EXAMPLE = "topology.liqo.io/region=south,provider=local";

  private ClusterLabels() {}

  /**
   * Parses {@code key=value} pairs separated by commas; an empty or blank text is no label.
   *
   * @throws IllegalArgumentException saying which pair is wrong and what a valid one looks like
   */
  public static Map<String, String> parse(String text) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return labels;
    }
    for (String pair : text.split(",", -1)) {
      String trimmed = pair.trim();
      int separator = trimmed.indexOf('=');
      if (separator <= 0) {
        throw new IllegalArgumentException(
            "cluster labels '"
                + text
                + "' are not valid: '"
                + trimmed
                + "' is not a key=value pair; write key=value pairs separated by commas, for"
                + " example "
                + EXAMPLE);
      }
      String key = trimmed.substring(0, separator).trim();
      String value = trimmed.substring(separator + 1).trim();
      if (labels.containsKey(key)) {
        throw new IllegalArgumentException(
            "cluster labels '" + text + "' are not valid: key '" + key + "' appears twice");
      }
      labels.put(key, value);
    }
    validate(labels);
    return labels;
  }

  /**
   * Checks that every key and value is a valid Kubernetes label.
   *
   * @throws IllegalArgumentException naming the first invalid label and the rule it breaks
   */
  public static void validate(Map<String, String> labels) {
    labels.forEach(ClusterLabels::checkLabel);
  }

  private static void checkLabel(String key, String value) {
    String name = key;
    int slash = key.indexOf('/');
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
        throw invalid(
            key,
            value,
            "the key's prefix '"
                + prefix
                + "' must be a DNS subdomain (lower-case letters, digits, '-' and '.', like"
                + " topology.liqo.io)");
      }
    }
    if (name.isEmpty() || name.length() > 63 || !NAME.matcher(name).matches()) {
      throw invalid(
          key,
          value,
          "the key's name '"
              + name
              + "' must be at most 63 letters, digits, '-', '_' and '.', starting and ending with"
              + " a letter or digit");
    }
    if (value.length() > 63 || !(value.isEmpty() || NAME.matcher(value).matches())) {
      throw invalid(
          key,
          value,
          "the value must be empty or at most 63 letters, digits, '-', '_' and '.', starting and"
              + " ending with a letter or digit");
    }
  }

  private static IllegalArgumentException invalid(String key, String value, String rule) {
    return new IllegalArgumentException(
        "cluster label '" + key + "=" + value + "' is not valid: " + rule);
  }
}
