package io.liqojava.samples.localclusters;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code local-clusters}: real local Kubernetes clusters for the liqo-java tutorials, the way KinD
 * provides them for Liqo's — each a real control plane with simulated worker nodes, on loopback.
 */
@Command(
    name = "local-clusters",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Runs real local Kubernetes clusters (etcd, kube-apiserver, kube-controller-manager,"
          + " kube-scheduler and simulated worker nodes) on this machine, for the liqo-java"
          + " tutorials.",
      ""
    },
    subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class},
    footer = {
      "",
      "Examples:",
      "  ./local-clusters up rome milan            # runs until Ctrl+C",
      "  ./local-clusters up rome milan --detach   # returns once ready",
      "  kubectl --kubeconfig liqo_kubeconf_rome get nodes",
      "  ./local-clusters down"
    })
public final class LocalClustersCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new LocalClustersCommand()).execute(args));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "say what to do: up, down or status (see --help)");
  }
}
