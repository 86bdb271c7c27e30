package io.liqojava.core.virtualnode;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.liqojava.api.offloading.v1beta1.VirtualNode;
import io.liqojava.api.offloading.v1beta1.VirtualNodeCondition;
import io.liqojava.api.offloading.v1beta1.VirtualNodeConditionStatus;
import io.liqojava.api.offloading.v1beta1.VirtualNodeConditionType;
import io.liqojava.api.offloading.v1beta1.VirtualNodeStatus;
import java.net.HttpURLConnection;
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

  private static final int MAX_CONFLICT_RETRIES = 10;

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
    VirtualNode current = cached;
    for (int attempt = 1; ; attempt++) {
      VirtualNodeStatus before = current.getStatus();
      List<VirtualNodeCondition> conditions =
          before == null || before.getConditions() == null
              ? new ArrayList<>()
              : new ArrayList<>(before.getConditions().stream().map(this::copy).toList());
      boolean changed = false;
      for (Wanted w : wanted) {
        changed |= upsert(conditions, w);
      }
      if (!changed) {
        return;
      }
      VirtualNode updated = client.getKubernetesSerialization().clone(current);
      VirtualNodeStatus status = new VirtualNodeStatus();
      status.setConditions(conditions);
      updated.setStatus(status);
      try {
        client.resource(updated).updateStatus();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
          return;
        }
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt >= MAX_CONFLICT_RETRIES) {
          throw e;
        }
        current =
            client
                .resources(VirtualNode.class)
                .inNamespace(cached.getMetadata().getNamespace())
                .withName(cached.getMetadata().getName())
                .get();
        if (current == null) {
          return;
        }
      }
    }
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

  private VirtualNodeCondition copy(VirtualNodeCondition condition) {
    return client.getKubernetesSerialization().clone(condition);
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
