package io.liqojava.core.resources;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a provider shares its resources with its consumers.
 *
 * <pre>{@code
 * ResourceSharingConfig config = ResourceSharingConfig.builder().sharingPercentage(30).build();
 * }</pre>
 */
@Value.Immutable
public abstract class ResourceSharingConfig {

  ResourceSharingConfig() {}

  /** The defaults: 50% sharing, one worker. */
  public static ResourceSharingConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static ImmutableResourceSharingConfig.Builder builder() {
    return ImmutableResourceSharingConfig.builder();
  }

  /**
   * The percentage (1 to 100) of the allocatable cpu, memory, pods and extended resources of this
   * cluster's physical, schedulable nodes that consumers may use, as Liqo's {@code
   * --sharing-percentage}. Default 50.
   */
  @Value.Default
  public int sharingPercentage() {
    return 50;
  }

  /** How many ResourceSlices are reconciled in parallel. Default 1. */
  @Value.Default
  public int workers() {
    return 1;
  }

  /**
   * The ID of this cluster. When set, ResourceSlices whose {@code spec.providerClusterID} names
   * another cluster are left alone.
   */
  public abstract Optional<String> clusterId();

  @Value.Check
  void check() {
    if (sharingPercentage() < 1 || sharingPercentage() > 100) {
      throw new IllegalArgumentException(
          "sharingPercentage must be between 1 and 100, got " + sharingPercentage());
    }
    if (workers() < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers());
    }
  }
}
