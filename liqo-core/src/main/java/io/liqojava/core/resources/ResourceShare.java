package io.liqojava.core.resources;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.liqojava.api.consts.Labels;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The resources a provider offers each consumer: a percentage of the allocatable cpu, memory, pods
 * and extended resources (such as {@code nvidia.com/gpu}) summed over its physical nodes that
 * accept pods. Virtual nodes ({@code liqo.io/type=virtual-node}) and cordoned nodes do not count.
 *
 * @param available the amount of each resource a consumer may ask for
 * @param percentage the sharing percentage it was computed with
 * @param nodes how many nodes contributed
 */
record ResourceShare(Map<String, Quantity> available, int percentage, int nodes) {

  /** Reason of a granted request. */
  static final String RESOURCES_GRANTED = "ResourcesGranted";

  /** Reason of a request that asks for more than the share. */
  static final String INSUFFICIENT_RESOURCES = "InsufficientResources";

  /** Reason of a request with invalid amounts. */
  static final String INVALID_REQUEST = "InvalidRequest";

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** The share of {@code percentage}% of the resources of the eligible {@code nodes}. */
  static ResourceShare of(Collection<Node> nodes, int percentage) {
    Map<String, BigDecimal> totals = new TreeMap<>();
    int counted = 0;
    for (Node node : nodes) {
      if (!isEligible(node)) {
        continue;
      }
      counted++;
      Map<String, Quantity> allocatable = allocatable(node);
      allocatable.forEach(
          (resource, quantity) -> {
            if (isShared(resource)) {
              Quantities.amount(quantity)
                  .ifPresent(a -> totals.merge(resource, a, BigDecimal::add));
            }
          });
    }
    Map<String, Quantity> available = new TreeMap<>();
    BigDecimal factor = BigDecimal.valueOf(percentage).divide(HUNDRED, MathContext.DECIMAL64);
    totals.forEach(
        (resource, total) ->
            available.put(resource, Quantities.of(resource, total.multiply(factor))));
    return new ResourceShare(Collections.unmodifiableMap(available), percentage, counted);
  }

  /** Whether {@code node} contributes: a physical node that is not cordoned. */
  static boolean isEligible(Node node) {
    Map<String, String> labels = node.getMetadata().getLabels();
    boolean virtual = labels != null && Labels.TYPE_VIRTUAL_NODE.equals(labels.get(Labels.TYPE));
    boolean cordoned =
        node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable());
    return !virtual && !cordoned;
  }

  /**
   * Whether {@code resource} is shared: cpu, memory, pods, and extended resources (names with a
   * domain outside {@code kubernetes.io}, such as {@code nvidia.com/gpu}).
   */
  static boolean isShared(String resource) {
    if ("cpu".equals(resource) || "memory".equals(resource) || "pods".equals(resource)) {
      return true;
    }
    int slash = resource.indexOf('/');
    if (slash <= 0 || resource.startsWith("requests.")) {
      return false;
    }
    String domain = resource.substring(0, slash);
    return !domain.equals("kubernetes.io") && !domain.endsWith(".kubernetes.io");
  }

  /**
   * Decides on a request: an empty one gets the whole share; an explicit one is granted as asked
   * when every amount fits within the share.
   */
  Decision decide(Map<String, Quantity> request) {
    if (request == null || request.isEmpty()) {
      return Decision.accept(available, "granted " + describe(available) + " (" + origin() + ")");
    }
    List<String> problems = new ArrayList<>();
    boolean invalid = false;
    for (Map.Entry<String, Quantity> asked : new TreeMap<>(request).entrySet()) {
      String resource = asked.getKey();
      Optional<BigDecimal> amount = Quantities.amount(asked.getValue());
      if (amount.isEmpty()) {
        problems.add(
            resource + ": '" + Quantities.format(asked.getValue()) + "' is not a valid quantity");
        invalid = true;
        continue;
      }
      if (amount.get().signum() < 0) {
        problems.add(
            resource + ": asked " + Quantities.format(asked.getValue()) + ", which is negative");
        invalid = true;
        continue;
      }
      Quantity offered = available.get(resource);
      BigDecimal offeredAmount =
          offered == null ? BigDecimal.ZERO : Quantities.amount(offered).orElse(BigDecimal.ZERO);
      if (amount.get().compareTo(offeredAmount) > 0) {
        problems.add(
            resource
                + ": asked "
                + Quantities.format(asked.getValue())
                + ", available "
                + (offered == null ? "0" : Quantities.format(offered)));
      }
    }
    if (!problems.isEmpty()) {
      return Decision.deny(
          invalid ? INVALID_REQUEST : INSUFFICIENT_RESOURCES,
          "cannot grant "
              + String.join("; ", problems)
              + " ("
              + origin()
              + "); ask for at most "
              + describe(available)
              + ", or have the provider raise its sharing percentage");
    }
    Map<String, Quantity> granted = new TreeMap<>(request);
    return Decision.accept(granted, "granted " + describe(granted) + " as requested");
  }

  private String origin() {
    return percentage
        + "% of the allocatable resources of "
        + nodes
        + (nodes == 1 ? " schedulable node" : " schedulable nodes")
        + " of the provider";
  }

  private static String describe(Map<String, Quantity> resources) {
    if (resources.isEmpty()) {
      return "nothing";
    }
    StringBuilder text = new StringBuilder();
    new TreeMap<>(resources)
        .forEach(
            (resource, quantity) ->
                text.append(text.length() == 0 ? "" : ", ")
                    .append(resource)
                    .append('=')
                    .append(Quantities.format(quantity)));
    return text.toString();
  }

  private static Map<String, Quantity> allocatable(Node node) {
    if (node.getStatus() == null) {
      return Map.of();
    }
    Map<String, Quantity> allocatable = node.getStatus().getAllocatable();
    if (allocatable == null || allocatable.isEmpty()) {
      allocatable = node.getStatus().getCapacity();
    }
    return allocatable == null ? Map.of() : allocatable;
  }

  /**
   * The answer to a request.
   *
   * @param accepted whether the request is granted
   * @param granted the granted resources; empty when denied
   * @param reason the UpperCamelCase reason of the outcome
   * @param message what was granted, or why not and what to do
   */
  record Decision(boolean accepted, Map<String, Quantity> granted, String reason, String message) {

    static Decision accept(Map<String, Quantity> granted, String message) {
      return new Decision(
          true, Collections.unmodifiableMap(new TreeMap<>(granted)), RESOURCES_GRANTED, message);
    }

    static Decision deny(String reason, String message) {
      return new Decision(false, Map.of(), reason, message);
    }
  }
}
