package io.liqojava.samples.localclusters;

import static org.assertj.core.api.Assertions.assertThat;

import io.liqojava.testing.ControlPlaneBinaries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The peering chapter of the tutorials, replayed the way a user follows it: three clusters from
 * {@code local-clusters up}, then {@code liqoctl} and {@code kubectl} commands run by bash, the
 * out-of-band peer command piped to bash as the seeds do. Steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeeringTutorialIT {

  private static Path work;
  private static Path bin;

  @BeforeAll
  static void upThreeClusters() throws Exception {
    work = Files.createTempDirectory("peering-tutorial");
    bin = Files.createDirectories(work.resolve("bin"));
    Path liqoctl = bin.resolve("liqoctl");
    Files.writeString(
        liqoctl,
        "#!/usr/bin/env bash\nexec '"
            + javaBinary()
            + "' -jar '"
            + System.getProperty("liqoctl.jar")
            + "' \"$@\"\n");
    Files.setPosixFilePermissions(liqoctl, PosixFilePermissions.fromString("rwxr-xr-x"));
    Result up =
        run(
            List.of(
                javaBinary(),
                "-jar",
                System.getProperty("launcher.jar"),
                "up",
                "venice",
                "florence",
                "naples",
                "--detach"));
    assertThat(up.exitCode()).as(up.output()).isZero();
  }

  @AfterAll
  static void down() throws Exception {
    if (work != null) {
      run(List.of(javaBinary(), "-jar", System.getProperty("launcher.jar"), "down"));
    }
  }

  @Test
  @Order(1)
  void providersAreLabelledAtInstallTime() throws Exception {
    Result florence =
        bash(
            "liqoctl install --kubeconfig \"$KUBECONFIG_FLORENCE\""
                + " --cluster-labels topology.liqo.io/region=center");
    Result naples =
        bash(
            "liqoctl install --kubeconfig \"$KUBECONFIG_NAPLES\""
                + " --cluster-labels topology.liqo.io/region=south");

    assertThat(florence.exitCode()).as(florence.output()).isZero();
    assertThat(naples.exitCode()).as(naples.output()).isZero();
    assertThat(florence.output()).contains("topology.liqo.io/region=center");
  }

  @Test
  @Order(2)
  void aWrongTokenFailsWithAClearMessageAndCreatesNothing() throws Exception {
    Result wrong =
        bash(
            "eval \"$(liqoctl generate peer-command --only-command --kubeconfig \"$KUBECONFIG_NAPLES\""
                + " | sed 's/--auth-token [^ ]*/--auth-token "
                + "0".repeat(64)
                + "/')\"");

    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.output()).contains("auth token is not valid", "liqoctl generate peer-command");
    assertThat(bash("kubectl get foreignclusters -o name").output()).doesNotContain("naples");
  }

  @Test
  @Order(3)
  void venicePeersWithFlorenceOutOfBandAndWithNaplesByKubeconfig() throws Exception {
    long start = System.nanoTime();
    Result outOfBand =
        bash(
            "PEER_FLORENCE=$(liqoctl generate peer-command --only-command --kubeconfig"
                + " \"$KUBECONFIG_FLORENCE\")\n"
                + "echo \"$PEER_FLORENCE\" | bash");
    long outOfBandMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(outOfBand.exitCode()).as(outOfBand.output()).isZero();
    System.out.printf("peer command to a Ready virtual node: %d ms%n", outOfBandMillis);

    Result byKubeconfig = bash("liqoctl peer --remote-kubeconfig \"$KUBECONFIG_NAPLES\"");
    assertThat(byKubeconfig.exitCode()).as(byKubeconfig.output()).isZero();

    String foreignClusters = bash("kubectl get foreignclusters").output();
    assertThat(foreignClusters.lines().findFirst().orElseThrow())
        .containsPattern(
            "NAME\\s+TYPE\\s+OUTGOING PEERING\\s+INCOMING PEERING\\s+NETWORKING\\s+AUTHENTICATION\\s+AGE");
    assertThat(foreignClusters)
        .containsPattern("florence\\s+OutOfBand\\s+Established\\s+None\\s+None\\s+Established")
        .containsPattern("naples\\s+OutOfBand\\s+Established\\s+None\\s+None\\s+Established");

    String nodes =
        bash("kubectl get node --selector=liqo.io/type=virtual-node --show-labels").output();
    assertThat(nodes)
        .containsPattern("liqo-florence\\s+Ready\\s+agent")
        .containsPattern("liqo-naples\\s+Ready\\s+agent")
        .contains("topology.liqo.io/region=center", "topology.liqo.io/region=south")
        .contains("liqo.io/type=virtual-node");
    assertThat(bash("kubectl get node liqo-florence -o jsonpath='{.status.capacity.cpu}'").output())
        .isEqualTo("2");
  }

  @Test
  @Order(4)
  void unpeeringRemovesTheVirtualNodesAndPeeringAgainWorks() throws Exception {
    Result outOfBand = bash("liqoctl unpeer out-of-band florence");
    Result byKubeconfig = bash("liqoctl unpeer --remote-kubeconfig \"$KUBECONFIG_NAPLES\"");

    assertThat(outOfBand.exitCode()).as(outOfBand.output()).isZero();
    assertThat(byKubeconfig.exitCode()).as(byKubeconfig.output()).isZero();
    assertThat(bash("kubectl get node --selector=liqo.io/type=virtual-node -o name").output())
        .isBlank();
    assertThat(bash("kubectl get foreignclusters -o name").output()).isBlank();
    // On the provider, the consumer's ForeignCluster and tenant namespace go too.
    Result provider =
        bash(
            "for i in $(seq 60); do\n"
                + "  [ -z \"$(kubectl --kubeconfig \"$KUBECONFIG_FLORENCE\" get foreignclusters -o name)\" ]"
                + " && ! kubectl --kubeconfig \"$KUBECONFIG_FLORENCE\" get namespaces -o name"
                + " | grep -q liqo-tenant- && break\n"
                + "  sleep 1\n"
                + "done\n"
                + "kubectl --kubeconfig \"$KUBECONFIG_FLORENCE\" get foreignclusters,namespaces -o name");
    assertThat(provider.output()).doesNotContain("liqo-tenant-", "foreigncluster");

    Result again =
        bash(
            "liqoctl generate peer-command --only-command --kubeconfig \"$KUBECONFIG_FLORENCE\""
                + " | bash");
    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(bash("kubectl get node liqo-florence").output())
        .containsPattern("liqo-florence\\s+Ready");
  }

  /** Runs a script as a user's shell would, in the tutorial directory, against venice. */
  private static Result bash(String script) throws IOException, InterruptedException {
    return run(List.of("bash", "-c", "set -eo pipefail\n" + script));
  }

  private static Result run(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.put(
        "PATH",
        bin + ":" + ControlPlaneBinaries.locate().directory() + ":" + System.getenv("PATH"));
    for (String cluster : List.of("venice", "florence", "naples")) {
      env.put(
          "KUBECONFIG_" + cluster.toUpperCase(java.util.Locale.ROOT),
          work.resolve("liqo_kubeconf_" + cluster).toString());
    }
    env.put("KUBECONFIG", work.resolve("liqo_kubeconf_venice").toString());
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Result(process.exitValue(), output.strip());
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private record Result(int exitCode, String output) {}
}
