package io.liqojava.samples.localclusters;

import io.liqojava.testing.TestBed;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code local-clusters down}: stops the clusters that {@code up} started in this directory. */
@Command(
    name = "down",
    mixinStandardHelpOptions = true,
    description = {
      "Stops the local clusters started by 'up' in this directory, and deletes their data and"
          + " liqo_kubeconf_* files. Does nothing when none run."
    })
final class DownCommand implements Callable<Integer> {

  private static final long STOP_TIMEOUT_SECONDS = 60;

  @Option(
      names = "--dir",
      defaultValue = ".",
      description = "The directory 'up' ran in (default: the current directory).")
  Path directory;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    directory = directory.toAbsolutePath().normalize();
    PrintWriter out = spec.commandLine().getOut();
    Optional<RunState> state = RunState.read(directory);
    if (state.isEmpty()) {
      out.println("No local clusters run in " + directory + "; nothing to stop.");
      return 0;
    }
    RunState running = state.get();
    Optional<ProcessHandle> owner = ProcessHandle.of(running.pid()).filter(ProcessHandle::isAlive);
    if (owner.isPresent()) {
      out.printf("Stopping local clusters %s (pid %d)...%n", running.clusters(), running.pid());
      out.flush();
      owner.get().destroy();
      try {
        owner.get().onExit().get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (Exception notStoppedInTime) {
        out.println("It did not stop within " + STOP_TIMEOUT_SECONDS + "s; killing it.");
        owner.get().destroyForcibly();
      }
    }
    int orphans = TestBed.stopOrphans(RunState.home(directory));
    if (orphans > 0) {
      out.println("Stopped " + orphans + " control-plane process(es) left behind.");
    }
    for (String cluster : running.clusters()) {
      Files.deleteIfExists(RunState.kubeconfig(directory, cluster));
    }
    deleteTree(RunState.home(directory));
    out.println("Stopped local clusters " + running.clusters() + ".");
    return 0;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
