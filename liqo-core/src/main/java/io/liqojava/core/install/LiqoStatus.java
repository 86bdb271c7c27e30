package io.liqojava.core.install;

import io.liqojava.api.identity.ClusterIdentity;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@code liqoctl status} shows about a cluster: whether Liqo is installed, who the cluster is,
 * whether its agent runs, where its authentication service is, and its peerings.
 */
@Value.Immutable
public abstract class LiqoStatus {

  LiqoStatus() {}

  /** A builder. */
  public static ImmutableLiqoStatus.Builder builder() {
    return ImmutableLiqoStatus.builder();
  }

  /** The API server the status was read from. */
  public abstract String apiServerUrl();

  /** The cluster's identity, if {@code liqoctl install} wrote one. */
  public abstract Optional<ClusterIdentity> identity();

  /** The Liqo CRDs that are not installed; empty when all are. */
  public abstract List<String> missingCrds();

  /** When the agent last renewed its heartbeat Lease, if it ever did. */
  public abstract Optional<Instant> agentHeartbeat();

  /** Whether the agent renewed its heartbeat recently, i.e. runs. */
  public abstract boolean agentAlive();

  /** The URL of the authentication service the agent published, if any. */
  public abstract Optional<String> authUrl();

  /** The remote clusters known to this one, by name. */
  public abstract List<PeerStatus> peers();

  /** Whether Liqo is installed: the CRDs and the cluster identity are present. */
  public boolean installed() {
    return identity().isPresent() && missingCrds().isEmpty();
  }
}
