package io.liqojava.samples.liqoctl;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code liqoctl version}: prints liqoctl's version. liqo-java records no version in the clusters
 * it installs, so there is no server version to show and no cluster is contacted.
 */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    header = "Prints the version of liqoctl.",
    description = {
      "Prints the version of liqoctl (the client), as 'liqoctl --version' does. It contacts no"
          + " cluster and changes nothing, so it works without a kubeconfig.",
      "liqo-java does not record the installed version in a cluster: unlike Liqo's liqoctl, it"
          + " shows no server version, and --client, which restricts Liqo's output to the client,"
          + " is accepted and changes nothing."
    },
    footer = {"", "Examples:", "  liqoctl version", "  liqoctl version --client"})
final class VersionCommand implements Runnable {

  @Option(
      names = "--client",
      description =
          "Show the client version only (the default in liqo-java; accepted for compatibility with"
              + " Liqo's liqoctl).")
  boolean client;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().getOut().println("Client version: " + new VersionProvider().getVersion()[0]);
    spec.commandLine().getOut().flush();
  }
}
