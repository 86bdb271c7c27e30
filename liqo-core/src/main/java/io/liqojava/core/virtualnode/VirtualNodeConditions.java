package io.liqojava.core.virtualnode;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.offloading.v1beta1.VirtualNode;
import io.liqojava.api.offloading.v1beta1.VirtualNodeCondition;
import io.liqojava.api.offloading.v1beta1.VirtualNodeConditionStatus;
import io.liqojava.api.offloading.v1beta1.VirtualNodeConditionType;
import io.liqojava.api.offloading.v1beta1.VirtualNodeStatus;
import io.liqojava.core.runtime.OptimisticUpdate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes the conditions of a VirtualNode's status ({@code VirtualKubelet} and {@code Node}): a
 * read-modify-write of the status subresource, retried on conflict, and no write when nothing
 * changed. A transition time changes only with the status.
 */
final class VirtualNodeConditions {

  private final KubernetesClient client;

  VirtualNodeConditions(KubernetesClient client) {
    this.client = client;
  }

  /** One condition to set. */
  record Wanted(
      VirtualNodeConditionType type,
      VirtualNodeConditionStatus status,
      String reason,
      String message) {}

  /** Sets the {@code wanted} conditions on {@code cached}, the VirtualNode as last seen. */
  void set(VirtualNode cached, Wanted... wanted) {
    OptimisticUpdate.updateStatus(
        client,
        cached,
        virtualNode -> {
          VirtualNodeStatus before = virtualNode.getStatus();
          List<VirtualNodeCondition> conditions =
              before == null || before.getConditions() == null
                  ? new ArrayList<>()
                  : new ArrayList<>(before.getConditions());
          boolean changed = false;
          for (Wanted w : wanted) {
            changed |= upsert(conditions, w);
          }
          VirtualNodeStatus status = new VirtualNodeStatus();
          status.setConditions(conditions);
          virtualNode.setStatus(status);
          return changed;
        });
  }

  /** The condition of {@code type} of {@code virtualNode}, if any. */
  static Optional<VirtualNodeCondition> find(
      VirtualNode virtualNode, VirtualNodeConditionType type) {
    if (virtualNode.getStatus() == null || virtualNode.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return virtualNode.getStatus().getConditions().stream()
        .filter(c -> c.getType() == type)
        .findFirst();
  }

  private static boolean upsert(List<VirtualNodeCondition> conditions, Wanted wanted) {
    VirtualNodeCondition condition =
        conditions.stream().filter(c -> c.getType() == wanted.type()).findFirst().orElse(null);
    if (condition != null
        && condition.getStatus() == wanted.status()
        && Objects.equals(condition.getReason(), wanted.reason())
        && Objects.equals(condition.getMessage(), wanted.message())) {
      return false;
    }
    if (condition == null) {
      condition = new VirtualNodeCondition();
      condition.setType(wanted.type());
      conditions.add(condition);
    }
    if (condition.getStatus() != wanted.status() || condition.getLastTransitionTime() == null) {
      condition.setLastTransitionTime(NodeTemplate.now());
    }
    condition.setStatus(wanted.status());
    condition.setReason(wanted.reason());
    condition.setMessage(wanted.message());
    return true;
  }

  /** When the condition of {@code type} last changed status, if known. */
  static Optional<Instant> transitionTime(VirtualNode virtualNode, VirtualNodeConditionType type) {
    return find(virtualNode, type)
        .map(VirtualNodeCondition::getLastTransitionTime)
        .map(
            time -> {
              try {
                return Instant.parse(time);
              } catch (RuntimeException e) {
                return null;
              }
            });
  }
}
