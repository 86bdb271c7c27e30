package io.liqojava.core.install;

import org.immutables.value.Value;

/**
 * What a consumer needs to peer out of band with this cluster, as printed by {@code liqoctl
 * generate peer-command}. The token is a secret: it is redacted from {@link #toString()}.
 */
@Value.Immutable
public abstract class PeeringInfo {

  PeeringInfo() {}

  /** A builder. */
  public static ImmutablePeeringInfo.Builder builder() {
    return ImmutablePeeringInfo.builder();
  }

  /** This cluster's name, the name consumers give their ForeignCluster and virtual node. */
  public abstract String clusterName();

  /** This cluster's ID. */
  public abstract String clusterId();

  /** The URL of this cluster's authentication service. */
  public abstract String authUrl();

  /** The token consumers present to the authentication service. */
  @Value.Redacted
  public abstract String token();
}
