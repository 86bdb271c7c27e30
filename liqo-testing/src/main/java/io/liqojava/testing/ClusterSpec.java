package io.liqojava.testing;

import io.liqojava.testing.internal.Cidr;
import java.time.Duration;
import java.util.List;
import org.immutables.value.Value;

/**
 * One local cluster of a {@link TestBed}: its name, simulated nodes and address ranges.
 *
 * <pre>{@code
 * ClusterSpec rome = ClusterSpec.builder().name("rome")
 *     .addNodes(NodeSpec.builder().putLabels("topology.liqo.io/region", "center").build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class ClusterSpec {

  ClusterSpec() {}

  /** A cluster with one default node. */
  public static ClusterSpec named(String name) {
    return builder().name(name).build();
  }

  /** A builder; only the name is required. */
  public static ImmutableClusterSpec.Builder builder() {
    return ImmutableClusterSpec.builder();
  }

  /** The cluster name: a DNS label, used in file, context and node names. */
  public abstract String name();

  /** The simulated worker nodes; one default node when none are given. */
  @Value.Default
  public List<NodeSpec> nodes() {
    return List.of(NodeSpec.defaults());
  }

  /**
   * The cluster's pod address range; each node gets a {@code /24} of it. Default {@code
   * 10.244.0.0/16}.
   */
  @Value.Default
  public String podCidr() {
    return "10.244.0.0/16";
  }

  /** The Service address range. Default {@code 10.96.0.0/12}. */
  @Value.Default
  public String serviceCidr() {
    return "10.96.0.0/12";
  }

  /**
   * How long the node lifecycle controller waits for a node's heartbeat before it marks the node
   * NotReady (the controller manager's {@code --node-monitor-grace-period}). Default 40 s.
   */
  @Value.Default
  public Duration nodeMonitorGracePeriod() {
    return Duration.ofSeconds(40);
  }

  @Value.Check
  void check() {
    Names.checkDnsLabel("cluster name", name());
    Cidr pods = Cidr.parse(podCidr());
    Cidr.parse(serviceCidr());
    if (nodes().isEmpty()) {
      throw new IllegalArgumentException("cluster " + name() + " needs at least one node");
    }
    long implicit = nodes().stream().filter(n -> n.podCidr().isEmpty()).count();
    if (implicit > 0 && pods.subnets(24) < nodes().size()) {
      throw new IllegalArgumentException(
          "pod CIDR "
              + podCidr()
              + " of cluster "
              + name()
              + " is too small for "
              + nodes().size()
              + " nodes of a /24 each; use a larger range such as 10.244.0.0/16");
    }
    if (nodeMonitorGracePeriod().isNegative() || nodeMonitorGracePeriod().isZero()) {
      throw new IllegalArgumentException("nodeMonitorGracePeriod must be positive");
    }
  }
}
