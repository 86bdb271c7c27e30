package io.liqojava.samples.liqoctl;

import io.fabric8.kubernetes.api.model.Quantity;
import io.liqojava.core.peering.Peering;
import io.liqojava.core.peering.PeeringException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code liqoctl peer out-of-band}: peers with a provider through its authentication service, as
 * printed by {@code liqoctl generate peer-command} on the provider.
 */
@Command(
    name = "out-of-band",
    mixinStandardHelpOptions = true,
    header = "Peers with a provider through its authentication service.",
    description = {
      "Peers this cluster (the consumer) with a provider through the provider's authentication"
          + " service: stores the token, creates the ForeignCluster NAME, and waits while the"
          + " agents authenticate, negotiate resources and create the virtual node liqo-NAME.",
      "Get the command, with all its values, from 'liqoctl generate peer-command' on the"
          + " provider. When the provider refuses the token, nothing is left behind."
    },
    footer = {
      "",
      "Examples:",
      "  liqoctl peer out-of-band milan --auth-url https://127.0.0.1:41235 \\",
      "      --cluster-id milan-3f2a1b --auth-token 4e1f...",
      "  liqoctl peer out-of-band milan --auth-url https://127.0.0.1:41235 \\",
      "      --cluster-id milan-3f2a1b --auth-token 4e1f... \\",
      "      --cpu 2 --memory 4Gi --resource nvidia.com/gpu=1",
      "  liqoctl --context=consumer peer out-of-band provider --auth-url URL \\",
      "      --cluster-id ID --auth-token TOKEN"
    })
final class PeerOutOfBandCommand extends ClusterCommand {

  @Parameters(paramLabel = "NAME", description = "The provider's cluster name.")
  String name;

  @Option(
      names = "--auth-url",
      required = true,
      paramLabel = "URL",
      description = "The URL of the provider's authentication service.")
  String authUrl;

  @Option(
      names = "--cluster-id",
      required = true,
      paramLabel = "ID",
      description = "The provider's cluster ID.")
  String clusterId;

  @Option(
      names = "--auth-token",
      required = true,
      paramLabel = "TOKEN",
      description = "The provider's authentication token.")
  String authToken;

  @Option(
      names = "--timeout",
      defaultValue = "2m",
      converter = DurationConverter.class,
      paramLabel = "DURATION",
      description = "How long to wait for the virtual node (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @CommandLine.ArgGroup(
      exclusive = false,
      heading = "%nResources to ask for (default: the provider's share):%n")
  ResourceOptions resourceOptions = new ResourceOptions();

  private URI authUri;
  private Map<String, Quantity> resources;

  @Override
  void validate() {
    resources = resourceOptions.resources(spec.commandLine());
    try {
      authUri = new URI(authUrl);
    } catch (URISyntaxException e) {
      throw usage(
          "Invalid value for option '--auth-url': '"
              + authUrl
              + "' is not a URL ("
              + e.getReason()
              + "); copy it from 'liqoctl generate peer-command' run on the provider");
    }
  }

  @Override
  int run(Cluster cluster) {
    Peering peering = new Peering(cluster.client());
    boolean existed = Peerings.find(cluster, name).isPresent();
    say(
        "Peering with "
            + name
            + " (cluster ID "
            + clusterId
            + ") out of band, through its authentication service "
            + authUrl);
    peering.peerOutOfBand(name, authUri, clusterId, authToken, resources);
    say(
        "  "
            + (existed ? "Updated" : "Created")
            + " ForeignCluster "
            + name
            + " and stored the authentication token");
    try {
      Peerings.awaitEstablished(this, peering, name, timeout);
      return 0;
    } catch (PeeringException e) {
      fail(e.getMessage());
      if (!existed && Peerings.failedForGood(cluster, name)) {
        peering.cancel(name);
        say("Removed ForeignCluster " + name + " and its token: nothing is left of this attempt.");
      } else {
        say(
            "ForeignCluster "
                + name
                + " is kept, and the peering proceeds when possible; cancel it with 'liqoctl"
                + " unpeer out-of-band "
                + name
                + "'.");
      }
      return 1;
    }
  }
}
