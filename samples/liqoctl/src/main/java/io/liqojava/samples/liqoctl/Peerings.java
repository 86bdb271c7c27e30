package io.liqojava.samples.liqoctl;

import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.core.v1beta1.PeeringConditionStatus;
import io.liqojava.api.core.v1beta1.PeeringConditionType;
import io.liqojava.core.peering.ForeignClusterConditions;
import io.liqojava.core.peering.Peering;
import io.liqojava.core.peering.PeeringException;
import io.liqojava.core.peering.UnpeerReport;
import java.time.Duration;
import java.util.Optional;

/** The waiting and reporting the peer and unpeer commands share. */
final class Peerings {

  private Peerings() {}

  /** The name of the virtual node that stands for the cluster {@code name}. */
  static String virtualNode(String name) {
    return "liqo-" + name;
  }

  /** The ForeignCluster {@code name} in the cluster, if any. */
  static Optional<ForeignCluster> find(Cluster cluster, String name) {
    return Optional.ofNullable(
        cluster.client().resources(ForeignCluster.class).withName(name).get());
  }

  /**
   * Waits for the outgoing peering with {@code name} and prints the final line.
   *
   * @throws PeeringException when it fails or times out
   */
  static void awaitEstablished(
      ClusterCommand command, Peering peering, String name, Duration timeout) {
    command.say("Waiting for the agents (at most " + DurationConverter.format(timeout) + ")");
    peering.awaitOutgoing(name, timeout, line -> command.say("  " + line));
    command.say(
        "Peering with " + name + " established: virtual node " + virtualNode(name) + " is Ready");
  }

  /**
   * Whether the peering with {@code name} failed for good (refused token, denied resources), as
   * opposed to still pending (agent not running, timeout).
   */
  static boolean failedForGood(Cluster cluster, String name) {
    return find(cluster, name)
        .map(
            fc ->
                ForeignClusterConditions.statusOf(fc, PeeringConditionType.AUTHENTICATION_STATUS)
                        == PeeringConditionStatus.ERROR
                    || ForeignClusterConditions.statusOf(fc, PeeringConditionType.OUTGOING_PEERING)
                        == PeeringConditionStatus.DENIED
                    || ForeignClusterConditions.statusOf(fc, PeeringConditionType.OUTGOING_PEERING)
                        == PeeringConditionStatus.ERROR)
        .orElse(false);
  }

  /** Disables the outgoing peering with {@code name}, waits, and prints what was removed. */
  static int unpeer(ClusterCommand command, Cluster cluster, String name, Duration timeout) {
    Optional<ForeignCluster> before = find(cluster, name);
    if (before.isEmpty()) {
      command.say(
          "There is no peering with "
              + name
              + " in this cluster ("
              + cluster.describe()
              + "): nothing to do.");
      return 0;
    }
    Peering peering = new Peering(cluster.client());
    command.say("Disabling the outgoing peering with " + name + " (" + cluster.describe() + ")");
    peering.unpeer(name);
    UnpeerReport report = peering.awaitUnpeered(name, timeout, line -> command.say("  " + line));
    boolean wasEstablished =
        ForeignClusterConditions.statusOf(before.get(), PeeringConditionType.OUTGOING_PEERING)
            != PeeringConditionStatus.NONE;
    if (!wasEstablished && report.complete()) {
      command.say("There was no outgoing peering with " + name + "; nothing is left of it.");
      return 0;
    }
    report(command, name, report);
    return 0;
  }

  /** Prints the final line of an unpeer, with what could not be cleaned up. */
  static void report(ClusterCommand command, String name, UnpeerReport report) {
    if (report.complete()) {
      command.say(
          "Peering with " + name + " removed: virtual node " + virtualNode(name) + " deleted.");
      return;
    }
    command.say(
        "Peering with "
            + name
            + " removed in this cluster, but some state could not be cleaned up:");
    report.leftovers().forEach(leftover -> command.say("  - " + leftover));
  }
}
