package io.liqojava.core.virtualnode;

import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How virtual nodes check their providers, renew their leases and drain.
 *
 * <pre>{@code
 * VirtualNodesConfig config = VirtualNodesConfig.builder().drainTimeout(Duration.ofMinutes(2)).build();
 * }</pre>
 */
@Value.Immutable
public abstract class VirtualNodesConfig {

  VirtualNodesConfig() {}

  /** All defaults. */
  public static VirtualNodesConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static ImmutableVirtualNodesConfig.Builder builder() {
    return ImmutableVirtualNodesConfig.builder();
  }

  /** How many VirtualNodes are reconciled in parallel. Default 2. */
  @Value.Default
  public int workers() {
    return 2;
  }

  /**
   * How many threads run the health checks and lease renewals of all virtual nodes (the checks
   * themselves are asynchronous). Default 2.
   */
  @Value.Default
  public int timerThreads() {
    return 2;
  }

  /** How often the provider's API server is checked ({@code GET /readyz}). Default 5 s. */
  @Value.Default
  public Duration healthCheckInterval() {
    return Duration.ofSeconds(5);
  }

  /** How long one check may take before it counts as failed. Default 3 s. */
  @Value.Default
  public Duration healthCheckTimeout() {
    return Duration.ofSeconds(3);
  }

  /** How many checks in a row must fail before the node turns NotReady. Default 3. */
  @Value.Default
  public int failureThreshold() {
    return 3;
  }

  /** How often the node's Lease is renewed while the provider is healthy. Default 10 s. */
  @Value.Default
  public Duration leaseRenewInterval() {
    return Duration.ofSeconds(10);
  }

  /** The Lease's {@code spec.leaseDurationSeconds}. Default 40, as a kubelet's. */
  @Value.Default
  public int leaseDurationSeconds() {
    return 40;
  }

  /**
   * How long the drain of a deleted virtual node waits for its pods to go after evicting them; then
   * the remaining ones are deleted. Default 30 s.
   */
  @Value.Default
  public Duration drainTimeout() {
    return Duration.ofSeconds(30);
  }

  /**
   * How often every VirtualNode is reconciled even without changes, which also picks up a changed
   * kubeconfig Secret. Default 1 minute.
   */
  @Value.Default
  public Duration resyncInterval() {
    return Duration.ofMinutes(1);
  }

  /** The InternalIP address the virtual nodes report, such as the agent's pod IP; none if empty. */
  public abstract Optional<String> nodeAddress();

  @Value.Check
  void check() {
    positive("workers", workers());
    positive("timerThreads", timerThreads());
    positive("failureThreshold", failureThreshold());
    positive("leaseDurationSeconds", leaseDurationSeconds());
    positive("healthCheckInterval", healthCheckInterval());
    positive("healthCheckTimeout", healthCheckTimeout());
    positive("leaseRenewInterval", leaseRenewInterval());
    positive("drainTimeout", drainTimeout());
    positive("resyncInterval", resyncInterval());
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }

  private static void positive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
