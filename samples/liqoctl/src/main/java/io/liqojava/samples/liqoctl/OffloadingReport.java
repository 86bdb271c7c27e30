package io.liqojava.samples.liqoctl;

import io.liqojava.api.offloading.v1beta1.ConditionStatus;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloading;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingStatus;
import io.liqojava.api.offloading.v1beta1.OffloadingPhase;
import io.liqojava.api.offloading.v1beta1.RemoteNamespaceCondition;
import io.liqojava.api.offloading.v1beta1.RemoteNamespaceConditionType;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the status of a NamespaceOffloading says, cluster by cluster: whether the cluster is
 * selected and whether its twin namespace is ready, or why not. Clusters are shown by the name of
 * their ForeignCluster, else by their cluster ID.
 */
final class OffloadingReport {

  private static final String ROW = "  %-24s %-9s %s%n";

  /** One remote cluster in the status; {@code pending} when it is selected and not Ready. */
  record Row(String cluster, String selected, String namespace, boolean pending) {}

  private final NamespaceOffloading offloading;
  private final List<Row> rows;

  /**
   * @param names cluster names by cluster ID; IDs without a name are shown as they are
   */
  OffloadingReport(NamespaceOffloading offloading, Map<String, String> names) {
    this.offloading = offloading;
    this.rows = rows(offloading.getStatus(), names);
  }

  /** Whether the agent has processed the current spec. */
  boolean observed() {
    NamespaceOffloadingStatus status = offloading.getStatus();
    Long generation = offloading.getMetadata().getGeneration();
    return status != null
        && status.getObservedGeneration() != null
        && status.getObservedGeneration().equals(generation);
  }

  /** The phase, if the agent reported one. */
  Optional<OffloadingPhase> phase() {
    return Optional.ofNullable(offloading.getStatus())
        .map(NamespaceOffloadingStatus::getOffloadingPhase);
  }

  /** Whether the agent has processed the current spec and reached a phase it stays in. */
  boolean settled() {
    return observed() && phase().filter(phase -> phase != OffloadingPhase.IN_PROGRESS).isPresent();
  }

  /** The name of the twin namespaces, if known. */
  Optional<String> remoteNamespaceName() {
    return Optional.ofNullable(offloading.getStatus())
        .map(NamespaceOffloadingStatus::getRemoteNamespaceName)
        .filter(name -> !name.isBlank());
  }

  List<Row> rows() {
    return rows;
  }

  /** One line about the progress so far, printed each time it changes. */
  String progress() {
    if (!observed()) {
      return "waiting for the agent to process the NamespaceOffloading (generation "
          + offloading.getMetadata().getGeneration()
          + ")";
    }
    long selected = rows.stream().filter(row -> row.selected().equals("yes")).count();
    long ready = rows.stream().filter(row -> row.namespace().equals("Ready")).count();
    return "phase "
        + phase().map(OffloadingPhase::value).orElse("unknown")
        + ": "
        + ready
        + " of "
        + selected
        + " selected cluster"
        + (selected == 1 ? "" : "s")
        + " ready";
  }

  /** What is still pending, for a timeout. */
  String pending() {
    if (!observed()) {
      return "the agent has not processed the NamespaceOffloading yet (observed generation "
          + Optional.ofNullable(offloading.getStatus())
              .map(NamespaceOffloadingStatus::getObservedGeneration)
              .map(String::valueOf)
              .orElse("none")
          + ", current "
          + offloading.getMetadata().getGeneration()
          + "): check that the agent of this cluster runs ('liqoctl status')";
    }
    List<String> clusters =
        rows.stream()
            .filter(Row::pending)
            .map(row -> row.cluster() + " (" + row.namespace() + ")")
            .toList();
    return "phase "
        + phase().map(OffloadingPhase::value).orElse("unknown")
        + (clusters.isEmpty() ? "" : "; still pending in " + String.join(", ", clusters));
  }

  /** Prints the per-cluster table. */
  void printTable(PrintWriter out) {
    if (rows.isEmpty()) {
      out.println("  no remote cluster is peered with this one");
      return;
    }
    out.printf(ROW, "CLUSTER", "SELECTED", "NAMESPACE");
    for (Row row : rows) {
      out.printf(ROW, row.cluster(), row.selected(), row.namespace());
    }
  }

  private static List<Row> rows(NamespaceOffloadingStatus status, Map<String, String> names) {
    List<Row> rows = new ArrayList<>();
    if (status == null || status.getRemoteNamespacesConditions() == null) {
      return rows;
    }
    status
        .getRemoteNamespacesConditions()
        .forEach(
            (clusterId, conditions) ->
                rows.add(row(names.getOrDefault(clusterId, clusterId), conditions)));
    rows.sort(Comparator.comparing(Row::cluster));
    return rows;
  }

  private static Row row(String cluster, List<RemoteNamespaceCondition> conditions) {
    Optional<RemoteNamespaceCondition> required =
        condition(conditions, RemoteNamespaceConditionType.OFFLOADING_REQUIRED);
    Optional<RemoteNamespaceCondition> ready =
        condition(conditions, RemoteNamespaceConditionType.READY);
    ConditionStatus requiredStatus =
        required.map(RemoteNamespaceCondition::getStatus).orElse(ConditionStatus.UNKNOWN);
    if (requiredStatus == ConditionStatus.FALSE) {
      return new Row(cluster, "no", "-", false);
    }
    String selected = requiredStatus == ConditionStatus.TRUE ? "yes" : "unknown";
    if (ready.isEmpty() || ready.get().getStatus() == ConditionStatus.UNKNOWN) {
      return new Row(cluster, selected, "pending", true);
    }
    if (ready.get().getStatus() == ConditionStatus.TRUE) {
      return new Row(cluster, selected, "Ready", false);
    }
    return new Row(cluster, selected, "not ready: " + explain(ready.get()), true);
  }

  private static Optional<RemoteNamespaceCondition> condition(
      List<RemoteNamespaceCondition> conditions, RemoteNamespaceConditionType type) {
    return conditions == null
        ? Optional.empty()
        : conditions.stream().filter(condition -> condition.getType() == type).findFirst();
  }

  private static String explain(RemoteNamespaceCondition condition) {
    String reason = condition.getReason() == null ? "" : condition.getReason();
    String message = condition.getMessage() == null ? "" : condition.getMessage();
    if (reason.isEmpty() || message.isEmpty()) {
      return reason.isEmpty() && message.isEmpty() ? "no reason given" : reason + message;
    }
    return reason + ": " + message;
  }
}
