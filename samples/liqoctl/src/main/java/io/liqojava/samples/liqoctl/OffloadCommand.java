package io.liqojava.samples.liqoctl;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code liqoctl offload}: groups the commands that offload something to peered clusters. */
@Command(
    name = "offload",
    mixinStandardHelpOptions = true,
    header = "Offloads namespaces to the peered clusters.",
    description = {
      "Offloads namespaces to the peered clusters. 'liqoctl offload namespace NAME' creates or"
          + " updates the namespace's NamespaceOffloading; the agent then creates twin namespaces"
          + " in the selected providers, reflects the namespace's resources there, and pods may"
          + " be scheduled on their virtual nodes."
    },
    subcommands = {OffloadNamespaceCommand.class},
    footer = {
      "",
      "Examples:",
      "  liqoctl offload namespace liqo-demo",
      "  liqoctl offload namespace liqo-demo \\",
      "      --namespace-mapping-strategy EnforceSameName \\",
      "      --pod-offloading-strategy Remote"
    })
final class OffloadCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "say what to offload: namespace NAME (see --help)");
  }
}
