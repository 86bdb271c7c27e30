package io.liqojava.samples.liqoctl;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code liqoctl version}: prints liqoctl's version. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    header = "Prints the version of liqoctl.",
    description = "Prints the version of liqoctl.",
    footer = {"", "Example:", "  liqoctl version"})
final class VersionCommand implements Runnable {

  @Option(
      names = "--client",
      description = "Accepted for compatibility with Liqo's liqoctl; only the client is shown.")
  boolean client;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().getOut().println("Client version: " + new VersionProvider().getVersion()[0]);
  }
}
