package io.liqojava.samples.liqoctl;

import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code liqoctl unpeer out-of-band NAME}: removes an out-of-band peering. */
@Command(
    name = "out-of-band",
    mixinStandardHelpOptions = true,
    header = "Removes an out-of-band peering.",
    description = {
      "Stops this cluster offloading to the provider NAME: drains and deletes the virtual node"
          + " liqo-NAME and releases what the provider granted. The reverse direction, if any, is"
          + " kept; the ForeignCluster is deleted when neither direction remains."
    },
    footer = {
      "",
      "Examples:",
      "  liqoctl unpeer out-of-band milan",
      "  liqoctl unpeer out-of-band milan --kubeconfig \"$KUBECONFIG_ROME\""
    })
final class UnpeerOutOfBandCommand extends ClusterCommand {

  @Parameters(paramLabel = "NAME", description = "The provider's cluster name.")
  String name;

  @Option(
      names = "--timeout",
      defaultValue = "2m",
      converter = DurationConverter.class,
      paramLabel = "DURATION",
      description = "How long to wait for the teardown (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Override
  int run(Cluster cluster) {
    return Peerings.unpeer(this, cluster, name, timeout);
  }
}
