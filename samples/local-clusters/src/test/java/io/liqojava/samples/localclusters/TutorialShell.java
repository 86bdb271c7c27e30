package io.liqojava.samples.localclusters;

import static org.assertj.core.api.Assertions.assertThat;

import io.liqojava.testing.ControlPlaneBinaries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A terminal in a directory laid out like the repository root, as a user has it when following the
 * tutorials: {@code ./local-clusters}, {@code ./liqoctl} and {@code ./quickstart} run the jars the
 * reactor built (never Maven), {@code examples/} holds the tutorials' manifests. Scripts run one
 * after the other in one bash session, so variables, exports and the working directory carry over
 * from one to the next as they do in a user's shell. The session starts as a fresh terminal does:
 * Java on the {@code PATH}, no {@code KUBECONFIG}; whatever else a script needs, the scripts before
 * it must set up.
 *
 * <p>A script stops at its first failing command, as with {@code set -e -o pipefail}, without
 * ending the session.
 */
final class TutorialShell implements AutoCloseable {

  /** The outcome of a script: its exit code and its output (stdout and stderr). */
  record Result(int exitCode, String output) {}

  /** How long one script may run. */
  static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(10);

  private static final String END = "__tutorial_shell_end_" + UUID.randomUUID().toString();
  private static final String EXIT = "__tutorial_shell_exit__";

  private final Path work;
  private final Path scripts;
  private final Process session;
  private final Writer input;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private int count;

  private TutorialShell(Path work, Path scripts, Process session) {
    this.work = work;
    this.scripts = scripts;
    this.session = session;
    this.input = session.outputWriter(StandardCharsets.UTF_8);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader output = session.inputReader(StandardCharsets.UTF_8)) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the session ended
              }
              lines.add(EXIT);
            },
            "tutorial-shell-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** A new repository-like directory with a bash session in it. */
  static TutorialShell start() {
    try {
      Path work = Files.createTempDirectory("tutorial");
      Path repository = repositoryRoot();
      launcher(work.resolve("local-clusters"), System.getProperty("launcher.jar"));
      launcher(work.resolve("liqoctl"), System.getProperty("liqoctl.jar"));
      Path quickstart = work.resolve("quickstart");
      Files.copy(repository.resolve("quickstart"), quickstart);
      Files.setPosixFilePermissions(quickstart, PosixFilePermissions.fromString("rwxr-xr-x"));
      copyTree(repository.resolve("examples"), work.resolve("examples"));
      Path scripts = Files.createTempDirectory("tutorial-scripts");

      ProcessBuilder builder =
          new ProcessBuilder("bash", "--noprofile", "--norc")
              .directory(work.toFile())
              .redirectErrorStream(true);
      Map<String, String> env = builder.environment();
      env.keySet().removeIf(name -> name.startsWith("KUBECONFIG"));
      env.put("PATH", javaHome().resolve("bin") + ":" + System.getenv("PATH"));
      TutorialShell shell = new TutorialShell(work, scripts, builder.start());
      shell.send("set -o pipefail\n");
      return shell;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A session where {@code local-clusters up --detach} started {@code clusters}, with {@code
   * liqoctl} and the clusters' {@code kubectl} on the {@code PATH}, {@code KUBECONFIG_<NAME>} for
   * every cluster and {@code KUBECONFIG} for the first.
   */
  static TutorialShell up(String... clusters) {
    TutorialShell shell = start();
    StringBuilder setup = new StringBuilder();
    setup.append("./local-clusters up ").append(String.join(" ", clusters)).append(" --detach\n");
    setup
        .append("export PATH=\"$PWD:")
        .append(ControlPlaneBinaries.locate().directory())
        .append(":$PATH\"\n");
    for (String cluster : clusters) {
      setup
          .append("export KUBECONFIG_")
          .append(cluster.toUpperCase(Locale.ROOT).replace('-', '_'))
          .append("=\"$PWD/liqo_kubeconf_")
          .append(cluster)
          .append("\"\n");
    }
    setup.append("export KUBECONFIG=\"$PWD/liqo_kubeconf_").append(clusters[0]).append("\"\n");
    Result result = shell.bash(setup.toString());
    assertThat(result.exitCode()).as(result.output()).isZero();
    return shell;
  }

  /** The directory the session runs in. */
  Path directory() {
    return work;
  }

  /**
   * Runs {@code script} in the session, stopping at its first failing command (with {@code
   * pipefail}); its variables, exports and directory changes stay for the next scripts.
   */
  Result bash(String script) {
    Path file = scripts.resolve("script-" + ++count + ".sh");
    try {
      Files.writeString(
          file,
          "trap '__tutorial_status=$?; trap - ERR; return $__tutorial_status' ERR\n"
              + script
              + "\n__tutorial_status=$?\ntrap - ERR\nreturn $__tutorial_status\n",
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    send("source '" + file + "' </dev/null; printf '\\n%s %d\\n' '" + END + "' $?\n");
    return awaitEnd(script);
  }

  /**
   * Runs {@code script} until it succeeds, once a second for at most {@code seconds}; returns the
   * last result.
   */
  Result bashUntilSuccess(String script, int seconds) {
    Result result = bash(script);
    for (int i = 0; i < seconds && result.exitCode() != 0; i++) {
      sleepOneSecond();
      result = bash(script);
    }
    return result;
  }

  /**
   * Stops whatever clusters still run in the directory ({@code ./local-clusters down}), ends the
   * session and deletes the directory.
   */
  @Override
  public void close() {
    try {
      Process down =
          new ProcessBuilder(work.resolve("local-clusters").toString(), "down")
              .directory(work.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      down.waitFor(3, TimeUnit.MINUTES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stopSession();
      deleteTree(work);
      deleteTree(scripts);
    }
  }

  private Result awaitEnd(String script) {
    long deadline = System.nanoTime() + SCRIPT_TIMEOUT.toNanos();
    List<String> output = new ArrayList<>();
    try {
      while (true) {
        String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (line == null) {
          stopSession();
          throw new AssertionError(
              "timed out after "
                  + SCRIPT_TIMEOUT.toMinutes()
                  + " minutes running:\n"
                  + script
                  + "\noutput so far:\n"
                  + String.join("\n", output));
        }
        if (line.equals(EXIT)) {
          lines.add(EXIT); // every later script sees the session ended too
          session.waitFor(10, TimeUnit.SECONDS);
          int code = session.isAlive() ? -1 : session.exitValue();
          output.add("(the shell session ended with exit code " + code + ")");
          return new Result(code == 0 ? -1 : code, String.join("\n", output).strip());
        }
        if (line.startsWith(END + " ")) {
          return new Result(
              Integer.parseInt(line.substring(END.length() + 1).strip()),
              String.join("\n", output).strip());
        }
        output.add(line);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void send(String text) {
    try {
      input.write(text);
      input.flush();
    } catch (IOException e) {
      // the session ended: awaitEnd reports it
    }
  }

  private void stopSession() {
    session.descendants().forEach(ProcessHandle::destroy);
    session.destroy();
    try {
      if (!session.waitFor(10, TimeUnit.SECONDS)) {
        session.destroyForcibly();
      }
    } catch (InterruptedException e) {
      session.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** The repository the tests run in (the {@code repository.root} system property). */
  static Path repositoryRoot() {
    return Path.of(System.getProperty("repository.root", "../..")).toAbsolutePath().normalize();
  }

  private static void launcher(Path script, String jar) throws IOException {
    assertThat(Path.of(jar)).as("the jar the reactor built").isRegularFile();
    Files.writeString(
        script,
        "#!/usr/bin/env bash\nexec '"
            + javaHome().resolve("bin").resolve("java")
            + "' -jar '"
            + jar
            + "' \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // a temporary directory left behind
    }
  }

  private static Path javaHome() {
    return Path.of(System.getProperty("java.home"));
  }

  private static void sleepOneSecond() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
