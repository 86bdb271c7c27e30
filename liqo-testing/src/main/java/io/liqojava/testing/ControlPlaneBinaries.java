package io.liqojava.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the Kubernetes control-plane binaries are: {@code kube-apiserver}, {@code
 * kube-controller-manager}, {@code kube-scheduler}, {@code kubectl} and {@code etcd}, all in one
 * directory, as {@code liqo-testing/scripts/provision-control-plane.sh} leaves them.
 *
 * <p>The directory is, in order: the system property {@code liqo.k8s.binDir}, the environment
 * variable {@code LIQO_K8S_BIN_DIR}, or {@code ~/.cache/liqo-java/k8s/bin}.
 *
 * @param directory the directory holding the binaries
 * @param kubernetesMinorVersion the minor version of {@code kube-apiserver} (20 for 1.20.2), which
 *     decides the flags that the components accept
 * @param kubernetesVersion the full version, such as {@code 1.20.2}
 */
public record ControlPlaneBinaries(
    Path directory, String kubernetesVersion, int kubernetesMinorVersion) {

  /** The binaries the test bed needs. */
  public static final List<String> REQUIRED =
      List.of("etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubectl");

  private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)\\.(\\d+)");

  /**
   * Locates and checks the binaries.
   *
   * @throws TestBedException naming the missing binaries and the command that provisions them
   */
  public static ControlPlaneBinaries locate() {
    return in(defaultDirectory());
  }

  /** Checks the binaries in {@code directory}. */
  public static ControlPlaneBinaries in(Path directory) {
    List<String> missing = new ArrayList<>();
    for (String binary : REQUIRED) {
      if (!Files.isExecutable(directory.resolve(binary))) {
        missing.add(binary);
      }
    }
    if (!missing.isEmpty()) {
      throw new TestBedException(
          "Kubernetes control-plane binaries missing in "
              + directory
              + ": "
              + String.join(", ", missing)
              + ". Run liqo-testing/scripts/provision-control-plane.sh from the liqo-java"
              + " repository (it downloads or builds them once), or point LIQO_K8S_BIN_DIR at a"
              + " directory that has them.");
    }
    String version = versionOf(directory.resolve("kube-apiserver"));
    Matcher matcher = VERSION.matcher(version);
    if (!matcher.find()) {
      throw new TestBedException(
          "cannot tell the version of " + directory.resolve("kube-apiserver") + ": " + version);
    }
    return new ControlPlaneBinaries(
        directory,
        matcher.group(1) + "." + matcher.group(2) + "." + matcher.group(3),
        Integer.parseInt(matcher.group(2)));
  }

  /** The directory searched when none is given. */
  public static Path defaultDirectory() {
    String property = System.getProperty("liqo.k8s.binDir");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String env = System.getenv("LIQO_K8S_BIN_DIR");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "liqo-java", "k8s", "bin");
  }

  /** The path of one binary, such as {@code kubectl}. */
  public Path binary(String name) {
    return directory.resolve(name);
  }

  private static String versionOf(Path binary) {
    try {
      Process process =
          new ProcessBuilder(binary.toString(), "--version").redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      return new String(output, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new TestBedException("cannot run " + binary + " --version: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TestBedException("interrupted while checking " + binary, e);
    }
  }
}
