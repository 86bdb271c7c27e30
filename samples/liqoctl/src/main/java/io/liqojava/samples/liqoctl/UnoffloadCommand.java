package io.liqojava.samples.liqoctl;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code liqoctl unoffload}: groups the commands that stop offloading something. */
@Command(
    name = "unoffload",
    mixinStandardHelpOptions = true,
    header = "Stops offloading namespaces to the peered clusters.",
    description = {
      "Stops offloading namespaces. 'liqoctl unoffload namespace NAME' deletes the namespace's"
          + " NamespaceOffloading; the agent then deletes its twin namespaces in the providers,"
          + " with everything in them, and offloaded pods are rescheduled locally."
    },
    subcommands = {UnoffloadNamespaceCommand.class},
    footer = {"", "Examples:", "  liqoctl unoffload namespace liqo-demo"})
final class UnoffloadCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "say what to unoffload: namespace NAME (see --help)");
  }
}
