package io.liqojava.samples.localclusters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code local-clusters status}: tells whether clusters run in this directory. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Tells which local clusters run in this directory and where their kubeconfigs are.")
final class StatusCommand implements Callable<Integer> {

  @Option(
      names = "--dir",
      defaultValue = ".",
      description = "The directory 'up' ran in (default: the current directory).")
  Path directory;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    directory = directory.toAbsolutePath().normalize();
    PrintWriter out = spec.commandLine().getOut();
    Optional<RunState> state = RunState.read(directory).filter(RunState::isAlive);
    if (state.isEmpty()) {
      out.println(
          "No local clusters run in "
              + directory
              + ". Start some with './local-clusters up NAME...'.");
      return 1;
    }
    RunState running = state.get();
    out.printf(
        "Local clusters %s are %s (pid %d).%n",
        running.clusters(), running.ready() ? "running" : "starting", running.pid());
    for (String cluster : running.clusters()) {
      out.println("  " + cluster + ": " + RunState.kubeconfig(directory, cluster));
    }
    return 0;
  }
}
