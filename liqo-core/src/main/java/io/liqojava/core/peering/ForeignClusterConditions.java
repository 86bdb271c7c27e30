package io.liqojava.core.peering;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.core.v1beta1.ForeignClusterRole;
import io.liqojava.api.core.v1beta1.ForeignClusterStatus;
import io.liqojava.api.core.v1beta1.PeeringCondition;
import io.liqojava.api.core.v1beta1.PeeringConditionStatus;
import io.liqojava.api.core.v1beta1.PeeringConditionType;
import io.liqojava.core.runtime.OptimisticUpdate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Writes the status of a ForeignCluster, one peering condition at a time, so that the several
 * controllers that own one condition each (authentication, outgoing and incoming peering, API
 * server health) never overwrite each other: every change is an {@link OptimisticUpdate} of the
 * status subresource. The {@code role} follows from the peering conditions.
 */
public final class ForeignClusterConditions {

  /**
   * The reason of an IncomingPeering of status None once the consumer took its last ResourceSlice
   * back, as opposed to a consumer that never asked for resources.
   */
  public static final String REASON_NO_RESOURCE_SLICE = "NoResourceSlice";

  private final KubernetesClient client;

  /** Writes ForeignCluster statuses through {@code client}. */
  public ForeignClusterConditions(KubernetesClient client) {
    this.client = client;
  }

  /**
   * Sets one condition of the ForeignCluster {@code name}; its transition time changes only when
   * its status does. Does nothing when the ForeignCluster does not exist or nothing changes.
   */
  public void set(
      String name,
      PeeringConditionType type,
      PeeringConditionStatus status,
      String reason,
      String message) {
    update(name, fcStatus -> apply(fcStatus, type, status, reason, message));
  }

  /**
   * Sets one condition of the ForeignCluster {@code name} only if it has none of that type yet, so
   * that every column of {@code kubectl get foreignclusters} shows a value from the start.
   */
  public void setIfAbsent(
      String name,
      PeeringConditionType type,
      PeeringConditionStatus status,
      String reason,
      String message) {
    update(
        name,
        fcStatus -> {
          boolean present =
              fcStatus.getPeeringConditions() != null
                  && fcStatus.getPeeringConditions().stream().anyMatch(c -> c.getType() == type);
          if (!present) {
            apply(fcStatus, type, status, reason, message);
          }
        });
  }

  /**
   * Applies {@code change} to the status of the ForeignCluster {@code name} and writes it when it
   * changed, retrying on conflicts.
   */
  public void update(String name, Consumer<ForeignClusterStatus> change) {
    ForeignCluster current = client.resources(ForeignCluster.class).withName(name).get();
    if (current == null) {
      return;
    }
    OptimisticUpdate.updateStatus(
        client,
        current,
        fc -> {
          ForeignClusterStatus before = copy(fc.getStatus());
          ForeignClusterStatus after = copy(fc.getStatus());
          change.accept(after);
          after.setRole(roleOf(after));
          fc.setStatus(after);
          return !Objects.equals(before, after);
        });
  }

  /** The condition of {@code type}, if the ForeignCluster has one. */
  public static Optional<PeeringCondition> find(ForeignCluster fc, PeeringConditionType type) {
    if (fc.getStatus() == null || fc.getStatus().getPeeringConditions() == null) {
      return Optional.empty();
    }
    return fc.getStatus().getPeeringConditions().stream()
        .filter(c -> c.getType() == type)
        .findFirst();
  }

  /** The status of the condition of {@code type}; {@code None} when there is none. */
  public static PeeringConditionStatus statusOf(ForeignCluster fc, PeeringConditionType type) {
    return find(fc, type).map(PeeringCondition::getStatus).orElse(PeeringConditionStatus.NONE);
  }

  private static void apply(
      ForeignClusterStatus status,
      PeeringConditionType type,
      PeeringConditionStatus value,
      String reason,
      String message) {
    List<PeeringCondition> conditions =
        status.getPeeringConditions() == null
            ? new ArrayList<>()
            : new ArrayList<>(status.getPeeringConditions());
    PeeringCondition condition =
        conditions.stream().filter(c -> c.getType() == type).findFirst().orElse(null);
    if (condition == null) {
      condition = new PeeringCondition();
      condition.setType(type);
      conditions.add(condition);
    }
    if (condition.getStatus() != value || condition.getLastTransitionTime() == null) {
      condition.setLastTransitionTime(Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }
    condition.setStatus(value);
    condition.setReason(reason);
    condition.setMessage(message);
    conditions.sort((a, b) -> a.getType().compareTo(b.getType()));
    status.setPeeringConditions(conditions);
  }

  private static ForeignClusterRole roleOf(ForeignClusterStatus status) {
    boolean outgoing = established(status, PeeringConditionType.OUTGOING_PEERING);
    boolean incoming = established(status, PeeringConditionType.INCOMING_PEERING);
    if (outgoing && incoming) {
      return ForeignClusterRole.CONSUMER_AND_PROVIDER;
    }
    if (outgoing) {
      return ForeignClusterRole.PROVIDER;
    }
    return incoming ? ForeignClusterRole.CONSUMER : ForeignClusterRole.UNKNOWN;
  }

  private static boolean established(ForeignClusterStatus status, PeeringConditionType type) {
    return status.getPeeringConditions() != null
        && status.getPeeringConditions().stream()
            .anyMatch(
                c -> c.getType() == type && c.getStatus() == PeeringConditionStatus.ESTABLISHED);
  }

  private ForeignClusterStatus copy(ForeignClusterStatus status) {
    return status == null
        ? new ForeignClusterStatus()
        : client.getKubernetesSerialization().clone(status);
  }
}
