package io.liqojava.testing;

import io.liqojava.testing.internal.Cidr;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A simulated worker node: what it registers (name, labels, capacity, pod CIDR) with its cluster.
 *
 * <pre>{@code
 * NodeSpec gpuNode = NodeSpec.builder().cpu("16").memory("64Gi")
 *     .putLabels("topology.kubernetes.io/zone", "south")
 *     .putExtendedResources("nvidia.com/gpu", "2")
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class NodeSpec {

  NodeSpec() {}

  /** A node with all defaults. */
  public static NodeSpec defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static ImmutableNodeSpec.Builder builder() {
    return ImmutableNodeSpec.builder();
  }

  /**
   * The node name; by default {@code <cluster>-worker}, {@code <cluster>-worker2}, ... in the order
   * the nodes are declared.
   */
  public abstract Optional<String> name();

  /** CPU capacity, a Kubernetes quantity. Default {@code 4}. */
  @Value.Default
  public String cpu() {
    return "4";
  }

  /** Memory capacity, a Kubernetes quantity. Default {@code 8Gi}. */
  @Value.Default
  public String memory() {
    return "8Gi";
  }

  /** How many pods the node accepts. Default {@code 110}. */
  @Value.Default
  public int pods() {
    return 110;
  }

  /** Extended resources and their capacity, such as {@code nvidia.com/gpu: 2}. */
  public abstract Map<String, String> extendedResources();

  /**
   * Labels added to the standard ones ({@code kubernetes.io/hostname}, {@code kubernetes.io/os},
   * ...).
   */
  public abstract Map<String, String> labels();

  /**
   * The range pod IPs are taken from; by default the node's {@code /24} of the cluster's pod CIDR.
   */
  public abstract Optional<String> podCidr();

  /** The node's InternalIP address, also the host IP of its pods. Default {@code 127.0.0.1}. */
  @Value.Default
  public String address() {
    return "127.0.0.1";
  }

  @Value.Check
  void check() {
    name().ifPresent(n -> Names.checkDnsSubdomain("node name", n));
    if (pods() < 1) {
      throw new IllegalArgumentException("a node must accept at least one pod, got " + pods());
    }
    podCidr().ifPresent(Cidr::parse);
  }
}
