package io.liqojava.samples.liqoctl;

import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.install.ClusterLabels;
import io.liqojava.core.install.LiqoInstaller;
import io.liqojava.core.install.LiqoStatus;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code liqoctl install}: installs liqo-java in the selected cluster, idempotently. */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    header = "Installs liqo-java in the cluster, or brings it up to date.",
    description = {
      "Installs liqo-java in the cluster: the Liqo CRDs, the liqo namespace, the agent's"
          + " ServiceAccount and RBAC, the cluster identity (name, ID, labels) and its"
          + " authentication token. The agent, run separately with access to the cluster, serves"
          + " them.",
      "Running it again is safe: it brings the installation up to date and keeps the cluster ID"
          + " and the token, and the name and labels unless given."
    },
    footer = {
      "",
      "Examples:",
      "  liqoctl install --cluster-name rome",
      "  liqoctl install --cluster-name naples \\",
      "      --cluster-labels topology.liqo.io/region=south \\",
      "      --kubeconfig liqo_kubeconf_naples",
      "  liqoctl install kind --cluster-name milan   # as in Liqo's tutorials"
    })
final class InstallCommand extends ClusterCommand {

  @Parameters(
      arity = "0..1",
      paramLabel = "PROVIDER",
      description =
          "Accepted for compatibility with Liqo's 'liqoctl install kind|k3s|kubeadm|...';"
              + " liqo-java needs no provider-specific settings.")
  String provider;

  @Option(
      names = "--cluster-name",
      paramLabel = "NAME",
      description =
          "The cluster's name, a DNS label, as its peers will know it (default: the current"
              + " name when installed, else the kubeconfig context's name).")
  String clusterName;

  @Option(
      names = "--cluster-labels",
      paramLabel = "KEY=VALUE[,KEY=VALUE...]",
      description =
          "Labels identifying the cluster, carried by its virtual nodes in other clusters"
              + " (default: the current labels when installed, else none).")
  String clusterLabels;

  @Option(
      names = "--timeout",
      defaultValue = "2m",
      converter = DurationConverter.class,
      paramLabel = "DURATION",
      description = "How long to wait for each step (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  private Map<String, String> labels;

  @Override
  void validate() {
    if (clusterName != null) {
      try {
        ClusterIdentity.checkDnsLabel("cluster name", clusterName);
      } catch (IllegalArgumentException e) {
        throw usage("Invalid value for option '--cluster-name': " + e.getMessage());
      }
    }
    if (clusterLabels != null) {
      try {
        labels = ClusterLabels.parse(clusterLabels);
      } catch (IllegalArgumentException e) {
        throw usage("Invalid value for option '--cluster-labels': " + e.getMessage());
      }
    }
  }

  @Override
  int run(Cluster cluster) {
    LiqoInstaller installer =
        new LiqoInstaller(cluster.client(), timeout, line -> say("  " + line));
    LiqoStatus before = installer.status();
    String name =
        clusterName != null
            ? clusterName
            : before.identity().map(ClusterIdentity::clusterName).orElseGet(() -> nameOf(cluster));
    Map<String, String> desiredLabels =
        labels != null ? labels : before.identity().map(ClusterIdentity::labels).orElse(Map.of());
    say("Installing Liqo on cluster " + name + " (" + cluster.describe() + ")");
    if (provider != null) {
      say("  Provider '" + provider + "' needs no specific settings in liqo-java");
    }
    ClusterIdentity identity = installer.install(name, desiredLabels);
    if (installer.status().agentAlive()) {
      say("The agent of this cluster is running.");
    } else {
      say(
          "No agent runs for this cluster yet: start one to serve peerings (the clusters of"
              + " './local-clusters up' run one each; elsewhere: java -jar agent.jar --kubeconfig"
              + " <this cluster's kubeconfig>).");
    }
    say(
        "Liqo is installed on cluster "
            + identity.clusterName()
            + " (cluster ID "
            + identity.clusterId()
            + ").");
    return 0;
  }

  private String nameOf(Cluster cluster) {
    if (cluster.context().isEmpty()) {
      throw usage("pass --cluster-name: there is no kubeconfig context to name the cluster after");
    }
    return dnsLabel(cluster.context());
  }

  /** {@code name} made a DNS label: lower case, runs of other characters replaced by '-'. */
  static String dnsLabel(String name) {
    String label =
        name.toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+", "")
            .replaceAll("-+$", "");
    if (label.length() > 63) {
      label = label.substring(0, 63).replaceAll("-+$", "");
    }
    return label.isEmpty() ? "cluster" : label;
  }
}
