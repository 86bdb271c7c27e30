package io.liqojava.samples.liqoctl;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code liqoctl generate}: groups the commands that print something for another cluster. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    header = "Generates commands to run on other clusters.",
    description = {
      "Prints commands to run on other clusters; it changes nothing. 'liqoctl generate"
          + " peer-command', run on a provider, prints the 'liqoctl peer out-of-band' command that"
          + " makes another cluster (the consumer) peer with it."
    },
    subcommands = {GeneratePeerCommand.class},
    footer = {
      "",
      "Examples:",
      "  liqoctl generate peer-command --kubeconfig liqo_kubeconf_milan",
      "  PEER_MILAN=$(liqoctl generate peer-command --only-command \\",
      "      --kubeconfig \"$KUBECONFIG_MILAN\")"
    })
final class GenerateCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "say what to generate: peer-command (see --help)");
  }
}
