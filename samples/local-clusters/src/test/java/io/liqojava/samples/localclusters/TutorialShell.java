package io.liqojava.samples.localclusters;

import static org.assertj.core.api.Assertions.assertThat;

import io.liqojava.testing.ControlPlaneBinaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A tutorial directory, as a user has it when following a seed tutorial: the clusters from {@code
 * local-clusters up} with their {@code liqo_kubeconf_<name>} files, {@code KUBECONFIG_<NAME>}
 * variables ({@code KUBECONFIG} is the first cluster), {@code liqoctl} and {@code kubectl} on the
 * {@code PATH}, and the tutorial's manifests in {@code ./manifests}.
 */
final class TutorialShell implements AutoCloseable {

  /** The outcome of a command: its exit code and its output (stdout and stderr). */
  record Result(int exitCode, String output) {}

  private final Path work;
  private final Path bin;
  private final List<String> clusters;

  private TutorialShell(Path work, Path bin, List<String> clusters) {
    this.work = work;
    this.bin = bin;
    this.clusters = clusters;
  }

  /**
   * Runs {@code local-clusters up} for {@code clusters} (Liqo installed, one agent each) in a new
   * tutorial directory holding the manifests of {@code examples/<example>}, if given.
   */
  static TutorialShell up(String example, String... clusters) {
    try {
      Path work = Files.createTempDirectory("tutorial");
      Path bin = Files.createDirectories(work.resolve("bin"));
      Path liqoctl = bin.resolve("liqoctl");
      Files.writeString(
          liqoctl,
          "#!/usr/bin/env bash\nexec '"
              + javaBinary()
              + "' -jar '"
              + System.getProperty("liqoctl.jar")
              + "' \"$@\"\n");
      Files.setPosixFilePermissions(liqoctl, PosixFilePermissions.fromString("rwxr-xr-x"));
      if (example != null) {
        copyManifests(Path.of("..", "..", "examples", example), work.resolve("manifests"));
      }
      TutorialShell shell = new TutorialShell(work, bin, List.of(clusters));
      List<String> up = new ArrayList<>(List.of(javaBinary(), "-jar", launcherJar(), "up"));
      up.addAll(List.of(clusters));
      up.add("--detach");
      Result result = shell.run(up);
      assertThat(result.exitCode()).as(result.output()).isZero();
      return shell;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code script} with bash ({@code set -eo pipefail}) in the tutorial directory. */
  Result bash(String script) {
    return run(List.of("bash", "-c", "set -eo pipefail\n" + script));
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

  /** Runs {@code local-clusters down}. */
  @Override
  public void close() {
    run(List.of(javaBinary(), "-jar", launcherJar(), "down"));
  }

  private Result run(List<String> command) {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put(
        "PATH",
        bin + ":" + ControlPlaneBinaries.locate().directory() + ":" + System.getenv("PATH"));
    for (String cluster : clusters) {
      env.put(
          "KUBECONFIG_" + cluster.toUpperCase(Locale.ROOT).replace('-', '_'),
          work.resolve("liqo_kubeconf_" + cluster).toString());
    }
    env.put("KUBECONFIG", work.resolve("liqo_kubeconf_" + clusters.get(0)).toString());
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
      return new Result(process.exitValue(), output.strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void copyManifests(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }

  private static void sleepOneSecond() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String launcherJar() {
    return System.getProperty("launcher.jar");
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
