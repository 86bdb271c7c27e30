package io.liqojava.core.install;

import io.liqojava.api.core.v1beta1.ForeignClusterRole;
import io.liqojava.api.core.v1beta1.PeeringConditionStatus;
import io.liqojava.api.core.v1beta1.PeeringConditionType;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A remote cluster known to this one (a ForeignCluster) and the state of the peering with it. */
@Value.Immutable
public abstract class PeerStatus {

  PeerStatus() {}

  /** A builder. */
  public static ImmutablePeerStatus.Builder builder() {
    return ImmutablePeerStatus.builder();
  }

  /** The ForeignCluster name: the remote cluster's name. */
  public abstract String name();

  /** The remote cluster ID. */
  public abstract String clusterId();

  /** The remote cluster's role towards this one: Provider, Consumer, both or Unknown. */
  public abstract ForeignClusterRole role();

  /** The peering's conditions, at most one per type. */
  public abstract List<PeerCondition> conditions();

  /** The authentication service URL of the remote cluster, when known. */
  public abstract Optional<String> authUrl();

  /** The status of the condition of {@code type}; {@code None} when there is none. */
  public PeeringConditionStatus status(PeeringConditionType type) {
    return condition(type).map(PeerCondition::status).orElse(PeeringConditionStatus.NONE);
  }

  /** The condition of {@code type}, if reported. */
  public Optional<PeerCondition> condition(PeeringConditionType type) {
    return conditions().stream().filter(c -> c.type() == type).findFirst();
  }

  /** Whether a peering in either direction is not torn down. */
  public boolean isPeered() {
    return status(PeeringConditionType.OUTGOING_PEERING) != PeeringConditionStatus.NONE
        || status(PeeringConditionType.INCOMING_PEERING) != PeeringConditionStatus.NONE;
  }
}
