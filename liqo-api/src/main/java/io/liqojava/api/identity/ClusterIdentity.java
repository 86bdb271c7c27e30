package io.liqojava.api.identity;

import java.util.Map;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/**
 * Who a cluster is to its peers: a stable ID, a human-readable name and the labels its virtual
 * nodes carry in other clusters (for example {@code topology.liqo.io/region=south}).
 *
 * <p>The ID has the form {@code <name>-<6 hex digits>} (for example {@code naples-7881be}) and
 * never changes once generated; the name and labels can.
 */
@Value.Immutable
public abstract class ClusterIdentity {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  ClusterIdentity() {}

  /** A builder. */
  public static ImmutableClusterIdentity.Builder builder() {
    return ImmutableClusterIdentity.builder();
  }

  /** The cluster ID, unique among peers; a DNS label. */
  public abstract String clusterId();

  /** The cluster name; a DNS label, used in virtual node and ForeignCluster names. */
  public abstract String clusterName();

  /** Labels that the cluster's virtual nodes carry in its consumers. */
  public abstract Map<String, String> labels();

  @Value.Check
  void check() {
    checkDnsLabel("cluster ID", clusterId());
    checkDnsLabel("cluster name", clusterName());
  }

  /**
   * Checks that {@code value} is a DNS label (at most 63 lower-case alphanumerics and '-').
   *
   * @throws IllegalArgumentException saying what a valid value looks like
   */
  public static void checkDnsLabel(String what, String value) {
    if (value == null || value.length() > 63 || !DNS_LABEL.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what
              + " '"
              + value
              + "' is not valid: use at most 63 lower-case letters, digits and '-', starting and"
              + " ending with a letter or digit (for example 'rome')");
    }
  }
}
