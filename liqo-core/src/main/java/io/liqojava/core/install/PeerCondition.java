package io.liqojava.core.install;

import io.liqojava.api.core.v1beta1.PeeringConditionStatus;
import io.liqojava.api.core.v1beta1.PeeringConditionType;
import java.util.Optional;
import org.immutables.value.Value;

/** One condition of a peering, as reported in the status of its ForeignCluster. */
@Value.Immutable
public abstract class PeerCondition {

  PeerCondition() {}

  /** A builder. */
  public static ImmutablePeerCondition.Builder builder() {
    return ImmutablePeerCondition.builder();
  }

  /** What the condition is about: authentication, outgoing or incoming peering, ... */
  public abstract PeeringConditionType type();

  /** Its status, such as {@code Established}. */
  public abstract PeeringConditionStatus status();

  /** The machine-readable reason of the last transition. */
  public abstract Optional<String> reason();

  /** What happened, for people. */
  public abstract Optional<String> message();
}
