package io.liqojava.samples.liqoctl;

import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.identity.ClusterIdentityStore;
import io.liqojava.core.peering.Peering;
import io.liqojava.core.peering.UnpeerReport;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code liqoctl unpeer}: stops this cluster offloading to a provider. */
@Command(
    name = "unpeer",
    mixinStandardHelpOptions = true,
    header = "Stops this cluster offloading to another one.",
    description = {
      "Stops this cluster (the consumer) offloading to a provider: its virtual node is cordoned,"
          + " drained (offloaded pods are rescheduled) and deleted, and the identity and resources"
          + " granted by the provider are released. The reverse direction, if any, is kept.",
      "  unpeer out-of-band NAME   (or: unpeer NAME)",
      "  unpeer --remote-kubeconfig FILE [--remote-context NAME]",
      "It completes even when the provider is unreachable, and then lists what could not be"
          + " cleaned up there."
    },
    subcommands = {UnpeerOutOfBandCommand.class},
    footer = {
      "",
      "Examples:",
      "  liqoctl unpeer out-of-band milan",
      "  liqoctl unpeer --remote-kubeconfig \"$KUBECONFIG_MILAN\"",
      "  liqoctl --context=provider unpeer consumer"
    })
final class UnpeerCommand extends ClusterCommand {

  @Parameters(arity = "0..1", paramLabel = "NAME", description = "The provider's cluster name.")
  String name;

  @Mixin RemoteClusterOptions remote = new RemoteClusterOptions();

  @Option(
      names = "--timeout",
      defaultValue = "2m",
      converter = DurationConverter.class,
      paramLabel = "DURATION",
      description = "How long to wait for the teardown (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  void validate() {
    if ((name == null) == !remote.given()) {
      throw usage(
          "say which peering to remove: NAME, 'out-of-band NAME', or --remote-kubeconfig FILE (see"
              + " --help)");
    }
    if (remote.problem() != null) {
      throw usage(remote.problem());
    }
  }

  @Override
  int run(Cluster cluster) {
    if (name != null) {
      return Peerings.unpeer(this, cluster, name, timeout);
    }
    ClusterAccess access = remote.access(root().environment());
    try (Cluster provider = access.connect()) {
      say(
          "Removing the peering of this cluster ("
              + cluster.describe()
              + ") with the cluster of "
              + remote.kubeconfig
              + " ("
              + provider.describe()
              + ")");
      String providerName =
          new ClusterIdentityStore(provider.client())
              .read()
              .map(ClusterIdentity::clusterName)
              .orElse("the cluster of " + remote.kubeconfig);
      UnpeerReport report =
          Peering.unpeerWithKubeconfig(
              cluster.client(), provider.client(), timeout, line -> say("  " + line));
      Peerings.report(this, providerName, report);
      return 0;
    }
  }
}
