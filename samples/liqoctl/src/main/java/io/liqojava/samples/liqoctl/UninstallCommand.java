package io.liqojava.samples.liqoctl;

import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.install.LiqoInstaller;
import io.liqojava.core.install.LiqoStatus;
import java.io.Console;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code liqoctl uninstall}: removes liqo-java from the selected cluster. */
@Command(
    name = "uninstall",
    mixinStandardHelpOptions = true,
    header = "Removes liqo-java from the cluster.",
    description = {
      "Removes liqo-java from the cluster: the agent's RBAC and the liqo namespace with the"
          + " cluster identity and token. The Liqo CRDs stay unless --purge is given.",
      "It refuses while the cluster is peered or offloads namespaces, and says which commands"
          + " undo that. On an interactive terminal it asks for confirmation first. Stop the"
          + " cluster's agent afterwards."
    },
    footer = {
      "",
      "Examples:",
      "  liqoctl uninstall",
      "  liqoctl uninstall --kubeconfig=\"$KUBECONFIG_MILAN\" --skip-confirm",
      "  liqoctl uninstall --purge --kubeconfig liqo_kubeconf_milan"
    })
final class UninstallCommand extends ClusterCommand {

  @Option(
      names = "--purge",
      description =
          "Also delete the Liqo CRDs with every Liqo resource, and tenant namespaces left behind.")
  boolean purge;

  @Option(
      names = "--skip-confirm",
      description = "Do not ask for confirmation (it is only asked on an interactive terminal).")
  boolean skipConfirm;

  @Option(
      names = "--timeout",
      defaultValue = "2m",
      converter = DurationConverter.class,
      paramLabel = "DURATION",
      description = "How long to wait for each deletion (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  int run(Cluster cluster) {
    LiqoInstaller installer =
        new LiqoInstaller(cluster.client(), timeout, line -> say("  " + line));
    LiqoStatus status = installer.status();
    String name = status.identity().map(ClusterIdentity::clusterName).orElse("(not installed)");
    if (!skipConfirm && !confirmed(name, cluster)) {
      say("Nothing was changed.");
      return 1;
    }
    say("Uninstalling Liqo from cluster " + name + " (" + cluster.describe() + ")");
    installer.uninstall(purge);
    if (status.agentAlive()) {
      say("Stop the agent of this cluster: it has nothing left to serve.");
    }
    say(
        purge
            ? "Liqo and its CRDs are removed from cluster " + name + "."
            : "Liqo is uninstalled from cluster "
                + name
                + ". Its CRDs are kept: remove them with 'liqoctl uninstall --purge'.");
    return 0;
  }

  private boolean confirmed(String name, Cluster cluster) {
    Console console = System.console();
    if (console == null) {
      return true;
    }
    String answer =
        console.readLine(
            "Uninstall Liqo%s from cluster %s (%s)? [y/N] ",
            purge ? " and its CRDs" : "", name, cluster.describe());
    return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
  }
}
