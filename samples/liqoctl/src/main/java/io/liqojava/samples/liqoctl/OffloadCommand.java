package io.liqojava.samples.liqoctl;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code liqoctl offload}: groups the commands that offload something to peered clusters. */
@Command(
    name = "offload",
    mixinStandardHelpOptions = true,
    header = "Offloads namespaces to the peered clusters.",
    description = "Offloads namespaces to the peered clusters.",
    subcommands = {OffloadNamespaceCommand.class},
    footer = {"", "Example:", "  liqoctl offload namespace liqo-demo"})
final class OffloadCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "say what to offload: namespace NAME (see --help)");
  }
}
