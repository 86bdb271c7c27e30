package io.liqojava.samples.liqoctl;

import io.fabric8.kubernetes.api.model.Quantity;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.core.v1beta1.PeeringEnabled;
import io.liqojava.core.peering.Peering;
import io.liqojava.core.peering.PeeringException;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code liqoctl peer}: makes the selected cluster (the consumer) peer with another (the provider)
 * and waits until its virtual node is Ready.
 */
@Command(
    name = "peer",
    mixinStandardHelpOptions = true,
    header = "Makes this cluster offload to another one (peering).",
    description = {
      "Makes this cluster (the consumer) offload to another (the provider), and waits until the"
          + " virtual node standing for the provider is Ready. Three ways:",
      "  peer out-of-band NAME --auth-url URL --cluster-id ID --auth-token TOKEN",
      "      with the command 'liqoctl generate peer-command' prints on the provider;",
      "  peer --remote-kubeconfig FILE [--remote-context NAME]",
      "      when liqoctl can reach both clusters (no authentication URL involved);",
      "  peer NAME",
      "      the reverse direction of a peering NAME started towards this cluster."
    },
    subcommands = {PeerOutOfBandCommand.class},
    footer = {
      "",
      "Examples:",
      "  liqoctl peer --remote-kubeconfig \"$KUBECONFIG_MILAN\"",
      "  liqoctl peer --remote-kubeconfig \"$KUBECONFIG_EUROPE_ROME_EDGE\" \\",
      "      --server-service-type NodePort",
      "  liqoctl peer --remote-kubeconfig liqo_kubeconf_milan --cpu 4 --memory 8Gi",
      "  liqoctl --context=provider peer consumer",
      "  liqoctl peer out-of-band milan --auth-url https://127.0.0.1:41235 \\",
      "      --cluster-id milan-3f2a1b --auth-token 4e1f..."
    })
final class PeerCommand extends ClusterCommand {

  @Parameters(
      arity = "0..1",
      paramLabel = "NAME",
      description = "A cluster that already peers with this one, to peer back with.")
  String name;

  @Mixin RemoteClusterOptions remote = new RemoteClusterOptions();

  @Option(
      names = "--timeout",
      defaultValue = "2m",
      converter = DurationConverter.class,
      paramLabel = "DURATION",
      description = "How long to wait for the virtual node (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(
      names = "--server-service-type",
      paramLabel = "TYPE",
      description =
          "Accepted for compatibility with Liqo's tutorials; liqo-java has no network gateway yet,"
              + " so it has no effect.")
  String serverServiceType;

  @CommandLine.ArgGroup(
      exclusive = false,
      heading =
          "%nResources to ask for with --remote-kubeconfig (default: the provider's share):%n")
  ResourceOptions resourceOptions = new ResourceOptions();

  private Map<String, Quantity> resources;

  @Override
  void validate() {
    resources = resourceOptions.resources(spec.commandLine());
    if ((name == null) == !remote.given()) {
      throw usage(
          "say whom to peer with: NAME (a cluster that already peers with this one),"
              + " --remote-kubeconfig FILE, or 'peer out-of-band NAME ...' (see --help)");
    }
    if (remote.problem() != null) {
      throw usage(remote.problem());
    }
    if (name != null && !resources.isEmpty()) {
      throw usage(
          "resources are asked for when peering out of band or with --remote-kubeconfig; 'peer"
              + " NAME' keeps what the first peering asked for");
    }
  }

  @Override
  int run(Cluster cluster) {
    return name != null ? reverse(cluster) : withKubeconfig(cluster);
  }

  private int reverse(Cluster cluster) {
    Peering peering = new Peering(cluster.client());
    boolean wasEnabled =
        Peerings.find(cluster, name)
            .map(ForeignCluster::getSpec)
            .map(spec -> spec.getOutgoingPeeringEnabled() == PeeringEnabled.YES)
            .orElse(false);
    peering.peer(name);
    say("Enabled the outgoing peering with " + name + " (" + cluster.describe() + ")");
    try {
      Peerings.awaitEstablished(this, peering, name, timeout);
      return 0;
    } catch (PeeringException e) {
      fail(e.getMessage());
      if (!wasEnabled && Peerings.failedForGood(cluster, name)) {
        peering.unpeer(name);
        say(
            "Disabled the outgoing peering with "
                + name
                + " again: nothing is left of this attempt.");
      }
      return 1;
    }
  }

  private int withKubeconfig(Cluster cluster) {
    ClusterAccess access = remote.access(root().environment());
    try (Cluster provider = access.connect()) {
      say(
          "Peering this cluster ("
              + cluster.describe()
              + ") with the cluster of "
              + remote.kubeconfig
              + " ("
              + provider.describe()
              + ")");
      ForeignCluster fc =
          Peering.peerWithKubeconfig(
              cluster.client(), provider.client(), resources, line -> say("  " + line));
      String peer = fc.getMetadata().getName();
      Peerings.awaitEstablished(this, new Peering(cluster.client()), peer, timeout);
      return 0;
    }
  }
}
