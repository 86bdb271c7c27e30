package io.liqojava.samples.liqoctl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.identity.ClusterIdentityStore;
import io.liqojava.core.identity.LiqoNamespace;
import io.liqojava.core.install.AuthServiceType;
import io.liqojava.core.install.ClusterLabels;
import io.liqojava.core.install.ImmutableManifestSettings;
import io.liqojava.core.install.InstallManifests;
import io.liqojava.core.install.LiqoInstaller;
import io.liqojava.core.install.LiqoStatus;
import io.liqojava.core.install.ManifestSettings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code liqoctl install}: installs liqo-java in the selected cluster, idempotently; with {@code
 * --only-output}, prints the manifests of a complete installation ({@link InstallManifests})
 * instead, contacting no cluster.
 */
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
          + " and the token, and the name and labels unless given.",
      "With --only-output it changes nothing and contacts no cluster: it prints the manifests of a"
          + " complete installation, the agent's Deployment included, for 'kubectl apply"
          + " --server-side -f' (see docs/deploying.md)."
    },
    footer = {
      "",
      "Examples:",
      "  liqoctl install --cluster-name rome",
      "  liqoctl install --cluster-name naples \\",
      "      --cluster-labels topology.liqo.io/region=south \\",
      "      --kubeconfig liqo_kubeconf_naples",
      "  liqoctl install kind --cluster-name milan   # as in Liqo's tutorials",
      "  liqoctl install --cluster-name rome --only-output \\",
      "      --api-server-url https://rome.example.com:6443 > liqo.yaml"
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

  @Option(
      names = "--only-output",
      description =
          "Print every manifest of the installation (CRDs, namespace, RBAC, identity, token,"
              + " agent Deployment, Services, webhooks) as one YAML stream and change nothing.")
  boolean onlyOutput;

  @Option(
      names = "--api-server-url",
      paramLabel = "URL",
      description =
          "With --only-output: this cluster's API server URL as peers reach it (default: the"
              + " kubeconfig's server).")
  String apiServerUrl;

  @Option(
      names = "--agent-image",
      paramLabel = "IMAGE",
      description =
          "With --only-output: the agent's container image (default:"
              + " ghcr.io/liqo-java/liqo-agent:VERSION, VERSION being liqoctl's).")
  String agentImage = InstallManifests.defaultAgentImage();

  @Option(
      names = "--auth-service-type",
      paramLabel = "TYPE",
      converter = EnumValueConverter.AuthServiceTypes.class,
      completionCandidates = EnumValueConverter.AuthServiceTypes.class,
      description =
          "With --only-output: how peers reach the authentication service:"
              + " ${COMPLETION-CANDIDATES} (default: LoadBalancer).")
  AuthServiceType authServiceType;

  @Option(
      names = "--auth-advertised-url",
      paramLabel = "URL",
      description =
          "With --only-output: the URL peers reach the authentication service at, when it is not"
              + " the address of its Service (an Ingress, a DNS name).")
  String authAdvertisedUrl;

  @Option(
      names = "--keep-identity",
      description =
          "With --only-output: leave out the cluster identity and the authentication token, to"
              + " apply to an installed cluster without changing its cluster ID and token.")
  boolean keepIdentity;

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
    if (!onlyOutput) {
      for (String option :
          List.of(
              "--api-server-url",
              "--agent-image",
              "--auth-service-type",
              "--auth-advertised-url",
              "--keep-identity")) {
        if (given(option)) {
          throw usage(
              option
                  + " works only with --only-output: 'liqoctl install' without it installs Liqo"
                  + " in the cluster but does not deploy the agent. Add --only-output to print"
                  + " the manifests, the agent's Deployment included");
        }
      }
      return;
    }
    if (given("--timeout")) {
      throw usage("--timeout has no effect with --only-output, which waits for nothing");
    }
    if (keepIdentity && (clusterName != null || clusterLabels != null)) {
      throw usage(
          "--keep-identity leaves the installed cluster identity as it is: drop"
              + (clusterName != null ? " --cluster-name" : "")
              + (clusterName != null && clusterLabels != null ? " and" : "")
              + (clusterLabels != null ? " --cluster-labels" : "")
              + ", or change the identity with 'liqoctl install --cluster-name NAME"
              + " --cluster-labels ...' against the cluster");
    }
    checkUrl("--api-server-url", "the API server URL", apiServerUrl);
    checkUrl("--auth-advertised-url", "the authentication service URL", authAdvertisedUrl);
    if (agentImage.isBlank() || agentImage.chars().anyMatch(Character::isWhitespace)) {
      throw usage(
          "Invalid value for option '--agent-image': '"
              + agentImage
              + "' is not an image reference, such as "
              + InstallManifests.defaultAgentImage());
    }
  }

  @Override
  boolean needsCluster() {
    return !onlyOutput;
  }

  /** {@code --only-output}: renders the manifests, reading the kubeconfig only for defaults. */
  @Override
  int runWithoutCluster() {
    Optional<ClusterAccess.Kubeconfig> kubeconfig = Optional.empty();
    if (apiServerUrl == null || (clusterName == null && !keepIdentity)) {
      kubeconfig = root().clusterAccess().kubeconfig();
    }
    String server = apiServerUrl;
    if (server == null) {
      ClusterAccess.Kubeconfig selected =
          kubeconfig.orElseThrow(
              () ->
                  usage(
                      "--only-output needs --api-server-url URL, the URL peers reach this"
                          + " cluster's API server at: there is no kubeconfig to take it from"
                          + " (--kubeconfig is not given, KUBECONFIG is not set and"
                          + " ~/.kube/config does not exist)"));
      server = selected.server();
      try {
        ManifestSettings.checkHttpsUrl("the API server URL", server);
      } catch (IllegalArgumentException e) {
        throw usage(
            "the server of context '"
                + selected.context()
                + "' in "
                + selected.source()
                + " cannot be given to peers ("
                + e.getMessage()
                + "): pass --api-server-url URL");
      }
    }
    Optional<ClusterIdentity> identity = Optional.empty();
    if (!keepIdentity) {
      String name = clusterName;
      if (name == null) {
        name =
            dnsLabel(
                kubeconfig
                    .map(ClusterAccess.Kubeconfig::context)
                    .orElseThrow(
                        () ->
                            usage(
                                "--only-output needs --cluster-name NAME: there is no"
                                    + " kubeconfig context to name the cluster after")));
      }
      identity =
          Optional.of(ClusterIdentityStore.newIdentity(name, labels == null ? Map.of() : labels));
    }
    ImmutableManifestSettings.Builder settings =
        ManifestSettings.builder().identity(identity).apiServerUrl(server).agentImage(agentImage);
    if (authServiceType != null) {
      settings.authServiceType(authServiceType);
    }
    if (authAdvertisedUrl != null) {
      settings.authAdvertisedUrl(authAdvertisedUrl);
    }
    ManifestSettings built = settings.build();
    List<HasMetadata> objects = InstallManifests.render(built);

    String what =
        identity
            .map(
                id ->
                    "the installation of cluster "
                        + id.clusterName()
                        + " (cluster ID "
                        + id.clusterId()
                        + ")")
            .orElse("the installation, keeping the cluster's identity and token");
    out().println("# liqo-java " + InstallManifests.version() + ": " + what + ".");
    out().println("# Rendered by 'liqoctl install --only-output'; apply it with:");
    out().println("#   kubectl apply --server-side -f FILE");
    out().print(InstallManifests.toYaml(objects));
    out().flush();

    if (provider != null) {
      info("Provider '" + provider + "' needs no specific settings in liqo-java");
    }
    info(
        "Rendered "
            + what
            + ": "
            + objects.size()
            + " objects; agent image "
            + built.agentImage()
            + "; API server URL for peers "
            + server
            + (apiServerUrl == null
                ? " (from context "
                    + kubeconfig.get().context()
                    + " of "
                    + kubeconfig.get().source()
                    + ")"
                : "")
            + "; authentication service "
            + built.authAdvertisedUrl().map(url -> "advertised as " + url + ", ").orElse("")
            + "exposed by the "
            + built.authServiceType()
            + " Service "
            + LiqoNamespace.NAME
            + "/"
            + InstallManifests.AUTH_SERVICE
            + ".");
    info(
        "Nothing was written to any cluster. Apply the manifests with 'kubectl apply --server-side"
            + " -f FILE'"
            + (keepIdentity
                ? "."
                : "; they hold the cluster's authentication token: keep the file safe, and render"
                    + " later changes with --keep-identity to keep the cluster ID and token."));
    return 0;
  }

  private void checkUrl(String option, String what, String value) {
    if (value == null) {
      return;
    }
    try {
      ManifestSettings.checkHttpsUrl(what, value);
    } catch (IllegalArgumentException e) {
      throw usage("Invalid value for option '" + option + "': " + e.getMessage());
    }
  }

  private boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  private void info(String line) {
    err().println(line);
    err().flush();
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
