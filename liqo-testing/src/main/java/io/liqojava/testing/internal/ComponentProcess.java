package io.liqojava.testing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One control-plane component (etcd, kube-apiserver, ...) running as a child process with its
 * output in a log file. Stopping sends SIGTERM, then SIGKILL after a grace period, to the process
 * and its descendants. Every started process is known to the {@link ProcessJanitor}, which stops it
 * when the JVM exits and reaps it on a later run if the JVM was killed.
 */
public final class ComponentProcess {

  private static final Logger LOG = LoggerFactory.getLogger(ComponentProcess.class);

  private final String name;
  private final List<String> command;
  private final Path logFile;
  private final Path pidFile;
  private final Process process;

  private ComponentProcess(
      String name, List<String> command, Path logFile, Path pidFile, Process process) {
    this.name = name;
    this.command = command;
    this.logFile = logFile;
    this.pidFile = pidFile;
    this.process = process;
  }

  /**
   * Starts a component; its standard output and error are appended to {@code logFile} and its pid
   * is recorded next to it for orphan reaping.
   */
  public static ComponentProcess start(
      String name, List<String> command, Path logFile, Map<String, String> environment) {
    try {
      Files.createDirectories(logFile.getParent());
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      builder.environment().putAll(environment);
      Process process = builder.start();
      Path pidFile = logFile.resolveSibling(logFile.getFileName() + ".pid");
      ComponentProcess started =
          new ComponentProcess(name, List.copyOf(command), logFile, pidFile, process);
      ProcessJanitor.register(started);
      LOG.debug("started {} (pid {}): {}", name, process.pid(), String.join(" ", command));
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + " (" + command.get(0) + ")", e);
    }
  }

  /** A short name, such as {@code kube-apiserver}. */
  public String name() {
    return name;
  }

  /** The operating-system process id. */
  public long pid() {
    return process.pid();
  }

  /** The full command line. */
  public List<String> command() {
    return command;
  }

  /** The file that receives the component's output. */
  public Path logFile() {
    return logFile;
  }

  /** The file that records this process for {@link ProcessJanitor#reapOrphans(Path)}. */
  Path pidFile() {
    return pidFile;
  }

  /** Whether the process is still running. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The exit code, if the process has ended. */
  public Integer exitCode() {
    return process.isAlive() ? null : process.exitValue();
  }

  /**
   * The resident memory of the process and its descendants in bytes, read from {@code /proc}; 0
   * where {@code /proc} is not available.
   */
  public long residentMemoryBytes() {
    long total = rss(process.pid());
    for (ProcessHandle child : process.descendants().toList()) {
      total += rss(child.pid());
    }
    return total;
  }

  /** The last lines of the log, to explain a failure. */
  public String logTail(int lines) {
    try {
      List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(log " + logFile + " unreadable: " + e.getMessage() + ")";
    }
  }

  /**
   * Stops the process: SIGTERM to it and its descendants, SIGKILL after {@code grace}. Waits until
   * it has exited. Idempotent.
   */
  public void stop(Duration grace) {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    Collections.reverse(tree);
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception timeoutOrInterrupt) {
        LOG.debug("{} (pid {}) did not stop within {}; killing it", name, handle.pid(), grace);
        handle.destroyForcibly();
      }
    }
    try {
      process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ProcessJanitor.unregister(this);
  }

  private static long rss(long pid) {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // The process ended or /proc is not there: it uses no memory we can see.
    }
    return 0;
  }

  @Override
  public String toString() {
    return name + " (pid " + process.pid() + ")";
  }
}
