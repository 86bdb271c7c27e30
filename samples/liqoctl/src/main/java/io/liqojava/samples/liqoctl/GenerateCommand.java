package io.liqojava.samples.liqoctl;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code liqoctl generate}: groups the commands that print something for another cluster. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    header = "Generates commands to run on other clusters.",
    description = "Generates commands to run on other clusters.",
    subcommands = {GeneratePeerCommand.class},
    footer = {"", "Example:", "  liqoctl generate peer-command --kubeconfig liqo_kubeconf_milan"})
final class GenerateCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "say what to generate: peer-command (see --help)");
  }
}
