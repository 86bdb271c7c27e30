package io.liqojava.core.offloading;

import io.liqojava.api.offloading.v1beta1.ConditionStatus;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingStatus;
import io.liqojava.api.offloading.v1beta1.OffloadingPhase;
import io.liqojava.api.offloading.v1beta1.RemoteNamespaceCondition;
import io.liqojava.api.offloading.v1beta1.RemoteNamespaceConditionType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes the status of a NamespaceOffloading from the outcome in each provider, in Liqo's
 * vocabulary; a condition keeps its lastTransitionTime while its status does not change.
 */
final class OffloadingStatuses {

  private OffloadingStatuses() {}

  /** The status after {@code before} given the outcomes; {@code before} is left untouched. */
  static NamespaceOffloadingStatus next(
      NamespaceOffloadingStatus before,
      String remoteNamespaceName,
      Long generation,
      Collection<ClusterOutcome> outcomes,
      Instant now) {
    Map<String, List<RemoteNamespaceCondition>> earlier =
        before == null || before.getRemoteNamespacesConditions() == null
            ? Map.of()
            : before.getRemoteNamespacesConditions();
    String time = now.truncatedTo(ChronoUnit.SECONDS).toString();
    Map<String, List<RemoteNamespaceCondition>> conditions = new TreeMap<>();
    for (ClusterOutcome outcome : outcomes) {
      List<RemoteNamespaceCondition> previous =
          earlier.getOrDefault(outcome.clusterId(), List.of());
      List<RemoteNamespaceCondition> list = new ArrayList<>();
      list.add(
          condition(
              previous,
              RemoteNamespaceConditionType.OFFLOADING_REQUIRED,
              outcome.selected() ? ConditionStatus.TRUE : ConditionStatus.FALSE,
              outcome.selected()
                  ? ClusterOutcome.CLUSTER_SELECTED
                  : ClusterOutcome.CLUSTER_NOT_SELECTED,
              outcome.selected()
                  ? ClusterOutcome.CLUSTER_SELECTED_MESSAGE
                  : ClusterOutcome.CLUSTER_NOT_SELECTED_MESSAGE,
              time));
      if (outcome.selected()) {
        list.add(
            condition(
                previous,
                RemoteNamespaceConditionType.READY,
                outcome.readyStatus(),
                outcome.reason(),
                outcome.message(),
                time));
      }
      conditions.put(outcome.clusterId(), list);
    }
    NamespaceOffloadingStatus status = new NamespaceOffloadingStatus();
    status.setRemoteNamespaceName(remoteNamespaceName);
    status.setObservedGeneration(generation);
    status.setRemoteNamespacesConditions(conditions.isEmpty() ? null : conditions);
    status.setOffloadingPhase(phase(outcomes));
    return status;
  }

  /** {@code before} with phase Terminating, or a new status with only that phase. */
  static NamespaceOffloadingStatus terminating(NamespaceOffloadingStatus before) {
    NamespaceOffloadingStatus status = new NamespaceOffloadingStatus();
    if (before != null) {
      status.setRemoteNamespaceName(before.getRemoteNamespaceName());
      status.setRemoteNamespacesConditions(before.getRemoteNamespacesConditions());
      status.setObservedGeneration(before.getObservedGeneration());
    }
    status.setOffloadingPhase(OffloadingPhase.TERMINATING);
    return status;
  }

  /** The overall phase of the selected clusters' outcomes. */
  static OffloadingPhase phase(Collection<ClusterOutcome> outcomes) {
    List<ClusterOutcome> selected = outcomes.stream().filter(ClusterOutcome::selected).toList();
    if (selected.isEmpty()) {
      return OffloadingPhase.NO_CLUSTER_SELECTED;
    }
    long failed = selected.stream().filter(ClusterOutcome::failed).count();
    if (failed == selected.size()) {
      return OffloadingPhase.ALL_FAILED;
    }
    if (failed > 0) {
      return OffloadingPhase.SOME_FAILED;
    }
    return selected.stream().allMatch(ClusterOutcome::ready)
        ? OffloadingPhase.READY
        : OffloadingPhase.IN_PROGRESS;
  }

  private static RemoteNamespaceCondition condition(
      List<RemoteNamespaceCondition> previous,
      RemoteNamespaceConditionType type,
      ConditionStatus status,
      String reason,
      String message,
      String now) {
    RemoteNamespaceCondition earlier =
        previous.stream().filter(c -> c.getType() == type).findFirst().orElse(null);
    RemoteNamespaceCondition condition = new RemoteNamespaceCondition();
    condition.setType(type);
    condition.setStatus(status);
    condition.setReason(reason);
    condition.setMessage(message);
    condition.setLastTransitionTime(
        earlier != null && earlier.getStatus() == status && earlier.getLastTransitionTime() != null
            ? earlier.getLastTransitionTime()
            : now);
    return condition;
  }
}
