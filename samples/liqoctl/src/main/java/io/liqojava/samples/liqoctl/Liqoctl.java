package io.liqojava.samples.liqoctl;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code liqoctl}: installs liqo-java in a cluster, peers it with others and tells their status. It
 * finds clusters as kubectl does: {@code --kubeconfig}, else the {@code KUBECONFIG} environment
 * variable, else {@code ~/.kube/config}, with {@code --context} or the current context.
 */
@Command(
    name = "liqoctl",
    // Inherited by every subcommand: the version provider (for -V) and the help layout.
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    synopsisHeading = "%nUsage: ",
    descriptionHeading = "%n",
    parameterListHeading = "%nArguments:%n",
    optionListHeading = "%nOptions:%n",
    commandListHeading = "%nCommands:%n",
    header = "Installs liqo-java in Kubernetes clusters, peers them and offloads namespaces.",
    description = {
      "liqoctl installs liqo-java in Kubernetes clusters, peers them (a consumer cluster then"
          + " sees each provider as a virtual node), offloads namespaces to them and shows their"
          + " status, with the commands and flags of Liqo's own liqoctl. Each command says what it"
          + " changes in --help; 'liqoctl status' and 'liqoctl generate' change nothing.",
      "It selects the cluster as kubectl does: --kubeconfig, else the KUBECONFIG environment"
          + " variable, else ~/.kube/config; --context, else the current context. Both go before"
          + " or after the command.",
      "Exit codes: 0 done, 1 failed (one line on standard error says what to do), 2 usage"
          + " error."
    },
    subcommands = {
      InstallCommand.class,
      UninstallCommand.class,
      StatusCommand.class,
      GenerateCommand.class,
      PeerCommand.class,
      UnpeerCommand.class,
      OffloadCommand.class,
      UnoffloadCommand.class,
      VersionCommand.class,
      CompletionCommand.class,
      HelpCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  liqoctl install kind --cluster-name rome --kubeconfig liqo_kubeconf_rome",
      "  liqoctl generate peer-command --only-command \\",
      "      --kubeconfig liqo_kubeconf_milan | bash",
      "  liqoctl peer --remote-kubeconfig liqo_kubeconf_milan",
      "  liqoctl status",
      "  liqoctl offload namespace liqo-demo --selector 'topology.liqo.io/region=south'",
      "  liqoctl unoffload namespace liqo-demo",
      "  liqoctl unpeer out-of-band milan",
      "  liqoctl uninstall --purge",
      "  liqoctl help offload namespace",
      "  source <(liqoctl completion bash)"
    })
public final class Liqoctl implements Runnable {

  @Option(
      names = "--kubeconfig",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description =
          "The kubeconfig file of the cluster (default: $KUBECONFIG, else ~/.kube/config).")
  Path kubeconfig;

  @Option(
      names = "--context",
      scope = ScopeType.INHERIT,
      paramLabel = "NAME",
      description = "The kubeconfig context to use (default: the current context).")
  String context;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Map<String, String> environment;

  /** liqoctl in this process's environment. */
  public Liqoctl() {
    this(System.getenv());
  }

  /** liqoctl in the given environment (KUBECONFIG, HOME), for embedding and tests. */
  public Liqoctl(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** Runs the command line and exits with its status: 0 ok, 1 failed, 2 usage error. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new Liqoctl()).execute(args));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "say what to do: install, uninstall, status, generate, peer, unpeer, offload, unoffload,"
            + " version or completion (see --help)");
  }

  /** How the cluster selected by --kubeconfig, --context and the environment is reached. */
  ClusterAccess clusterAccess() {
    return new ClusterAccess(kubeconfig, context, "--kubeconfig", environment);
  }

  /** The environment liqoctl runs in. */
  Map<String, String> environment() {
    return environment;
  }
}
