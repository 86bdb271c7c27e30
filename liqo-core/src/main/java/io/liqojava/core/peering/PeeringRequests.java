package io.liqojava.core.peering;

import io.fabric8.kubernetes.api.model.Quantity;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The resources a consumer asks a provider for, kept on the ForeignCluster as the annotation
 * {@value #ANNOTATION} ({@code cpu=4,memory=8Gi,nvidia.com/gpu=1}); without it the provider grants
 * its default share.
 */
public final class PeeringRequests {

  /** The annotation holding the requested resources. */
  public static final String ANNOTATION = "liqo.io/requested-resources";

  private PeeringRequests() {}

  /** The resources requested on {@code fc}; empty for the provider's default share. */
  public static Map<String, Quantity> requestedResources(ForeignCluster fc) {
    String value =
        fc.getMetadata().getAnnotations() == null
            ? null
            : fc.getMetadata().getAnnotations().get(ANNOTATION);
    return value == null || value.isBlank() ? null : parse(value);
  }

  /**
   * Parses {@code name=quantity,...}.
   *
   * @throws IllegalArgumentException naming the malformed entry and the expected form
   */
  public static Map<String, Quantity> parse(String value) {
    Map<String, Quantity> resources = new LinkedHashMap<>();
    for (String entry : value.split(",")) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int separator = trimmed.indexOf('=');
      if (separator <= 0 || separator == trimmed.length() - 1) {
        throw new IllegalArgumentException(
            "'"
                + trimmed
                + "' is not a resource request: use name=quantity, such as cpu=2 or memory=4Gi");
      }
      String quantity = trimmed.substring(separator + 1);
      try {
        Quantity.getAmountInBytes(new Quantity(quantity));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "'"
                + quantity
                + "' is not a Kubernetes quantity (resource "
                + trimmed.substring(0, separator)
                + ")",
            e);
      }
      resources.put(trimmed.substring(0, separator), new Quantity(quantity));
    }
    return resources;
  }

  /** Formats resources as the annotation value. */
  public static String format(Map<String, Quantity> resources) {
    return new TreeMap<>(resources)
        .entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(","));
  }
}
