package io.liqojava.samples.liqoctl;

import io.liqojava.core.install.LiqoInstaller;
import io.liqojava.core.install.LiqoStatus;
import io.liqojava.core.install.PeeringInfo;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code liqoctl generate peer-command}: prints the {@code liqoctl peer out-of-band} command that
 * lets another cluster peer with this one. Printing the authentication token is its job.
 */
@Command(
    name = "peer-command",
    mixinStandardHelpOptions = true,
    header = "Prints the command that makes another cluster peer with this one.",
    description = {
      "Prints the command that makes another cluster (the consumer) peer out of band with this"
          + " one (the provider): 'liqoctl peer out-of-band NAME --auth-url URL --cluster-id ID"
          + " --auth-token TOKEN', with this cluster's authentication service URL, ID and token.",
      "The token lets any cluster that has it peer with this one: hand it over safely.",
      "This cluster's agent must be running: it publishes the authentication service URL. The"
          + " command changes nothing; the consumer stores the token when it peers."
    },
    footer = {
      "",
      "Examples:",
      "  liqoctl generate peer-command --kubeconfig \"$KUBECONFIG_MILAN\"",
      "  liqoctl --context=provider generate peer-command",
      "  # as in the tutorials: capture the command, then run it where KUBECONFIG",
      "  # selects the consumer, with: echo \"$PEER_MILAN\" | bash",
      "  PEER_MILAN=$(liqoctl generate peer-command --only-command \\",
      "      --kubeconfig \"$KUBECONFIG_MILAN\")"
    })
final class GeneratePeerCommand extends ClusterCommand {

  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

  @Option(
      names = "--only-command",
      description = "Print only the command, for scripts: PEER=$(liqoctl generate ...).")
  boolean onlyCommand;

  @Override
  int run(Cluster cluster) {
    LiqoInstaller installer = new LiqoInstaller(cluster.client());
    PeeringInfo info = installer.peeringInfo();
    LiqoStatus status = installer.status();
    if (!status.agentAlive()) {
      err()
          .println(
              "Warning: the agent of cluster "
                  + info.clusterName()
                  + " has not renewed its heartbeat for more than "
                  + LiqoInstaller.AGENT_HEARTBEAT_TIMEOUT.toSeconds()
                  + "s: it may not be running, and peering waits until it runs.");
      err().flush();
    }
    String command = command(info);
    if (onlyCommand) {
      out().println(command);
      return 0;
    }
    out()
        .println(
            "Peering information of cluster "
                + info.clusterName()
                + " (cluster ID "
                + info.clusterId()
                + ") retrieved.");
    out().println();
    out()
        .println(
            "Run this command on a *different* cluster to enable an outgoing peering with this one"
                + " (that cluster then offloads to "
                + info.clusterName()
                + "); add --kubeconfig or --context to select it:");
    out().println();
    out().println(command);
    return 0;
  }

  /** The {@code liqoctl peer out-of-band} command line, quoted for POSIX shells. */
  static String command(PeeringInfo info) {
    List<String> words =
        List.of(
            "liqoctl",
            "peer",
            "out-of-band",
            info.clusterName(),
            "--auth-url",
            info.authUrl(),
            "--cluster-id",
            info.clusterId(),
            "--auth-token",
            info.token());
    return String.join(" ", words.stream().map(GeneratePeerCommand::quote).toList());
  }

  private static String quote(String word) {
    return SHELL_SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
