package io.liqojava.samples.liqoctl;

import io.liqojava.api.LiqoCrds;
import io.liqojava.api.core.v1beta1.PeeringConditionStatus;
import io.liqojava.api.core.v1beta1.PeeringConditionType;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.install.LiqoInstaller;
import io.liqojava.core.install.LiqoStatus;
import io.liqojava.core.install.PeerCondition;
import io.liqojava.core.install.PeerStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** {@code liqoctl status}: what is installed in the selected cluster and its peerings. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    header = "Shows what is installed in the cluster and its peerings.",
    description = {
      "Shows whether liqo-java is installed in the cluster, its identity and labels, whether its"
          + " agent runs, where its authentication service is, and its peerings with their"
          + " conditions.",
      "It changes nothing. Exits with 1 when Liqo is not (completely) installed."
    },
    footer = {
      "",
      "Examples:",
      "  liqoctl status",
      "  liqoctl status --kubeconfig \"$KUBECONFIG_MILAN\"",
      "  liqoctl --kubeconfig \"$KUBECONFIG_FLORENCE\" status"
    })
final class StatusCommand extends ClusterCommand {

  private static final String ROW = "  %-20s %-24s %-20s %-14s %-14s %-15s %s%n";

  @Override
  int run(Cluster cluster) {
    LiqoStatus status = new LiqoInstaller(cluster.client()).status();
    PrintWriter out = out();
    if (status.identity().isEmpty() && status.missingCrds().size() == LiqoCrds.names().size()) {
      return fail(
          "Liqo is not installed on this cluster ("
              + cluster.describe()
              + "): run 'liqoctl install --cluster-name NAME'");
    }
    out.printf(
        "%-14s %s%n", "Cluster:", status.identity().map(StatusCommand::describe).orElse("none"));
    status
        .identity()
        .filter(identity -> !identity.labels().isEmpty())
        .ifPresent(identity -> out.printf("%-14s %s%n", "Labels:", format(identity.labels())));
    out.printf(
        "%-14s %s (%s)%n",
        "API server:", status.apiServerUrl().replaceAll("/$", ""), cluster.source());
    out.printf("%-14s %s%n", "Liqo:", installation(status));
    out.printf("%-14s %s%n", "Agent:", agent(status));
    out.printf(
        "%-14s %s%n",
        "Auth service:",
        status.authUrl().orElse("not published (the agent publishes it when it starts)"));
    out.println();
    if (status.peers().isEmpty()) {
      out.println(
          "Peers:         none (peer with 'liqoctl peer out-of-band' or 'liqoctl peer"
              + " --remote-kubeconfig')");
    } else {
      out.println("Peers:");
      out.printf(
          ROW,
          "NAME",
          "CLUSTER ID",
          "ROLE",
          "OUTGOING",
          "INCOMING",
          "AUTHENTICATION",
          "API SERVER");
      for (PeerStatus peer : status.peers()) {
        out.printf(
            ROW,
            peer.name(),
            peer.clusterId(),
            peer.role(),
            peer.status(PeeringConditionType.OUTGOING_PEERING),
            peer.status(PeeringConditionType.INCOMING_PEERING),
            peer.status(PeeringConditionType.AUTHENTICATION_STATUS),
            peer.status(PeeringConditionType.API_SERVER_STATUS));
        for (String detail : details(peer)) {
          out.println("      " + detail);
        }
      }
    }
    out.flush();
    return status.installed() ? 0 : 1;
  }

  private static String describe(ClusterIdentity identity) {
    return identity.clusterName() + " (cluster ID " + identity.clusterId() + ")";
  }

  private static String installation(LiqoStatus status) {
    if (status.installed()) {
      return "installed (" + LiqoCrds.names().size() + " CRDs)";
    }
    if (status.identity().isEmpty()) {
      return "incomplete: no cluster identity; run 'liqoctl install'";
    }
    return "incomplete: CRDs missing ("
        + String.join(", ", status.missingCrds())
        + "); run 'liqoctl install' again";
  }

  private static String agent(LiqoStatus status) {
    if (status.agentHeartbeat().isEmpty()) {
      return "not running (no heartbeat yet: start the agent with access to this cluster)";
    }
    Duration age = Duration.between(status.agentHeartbeat().get(), Instant.now());
    String ago = (age.isNegative() ? 0 : age.toSeconds()) + "s ago";
    return status.agentAlive()
        ? "running (heartbeat " + ago + ")"
        : "not running (last heartbeat "
            + ago
            + ", more than "
            + LiqoInstaller.AGENT_HEARTBEAT_TIMEOUT.toSeconds()
            + "s: start the agent again)";
  }

  /** The conditions that need attention, with their reason and message. */
  private static List<String> details(PeerStatus peer) {
    List<String> lines = new ArrayList<>();
    for (PeerCondition condition : peer.conditions()) {
      PeeringConditionStatus value = condition.status();
      if (value == PeeringConditionStatus.ESTABLISHED || value == PeeringConditionStatus.NONE) {
        continue;
      }
      lines.add(
          condition.type()
              + " "
              + value
              + condition.reason().map(reason -> " (" + reason + ")").orElse("")
              + condition.message().map(message -> ": " + message).orElse(""));
    }
    return lines;
  }

  private static String format(Map<String, String> labels) {
    return labels.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }
}
