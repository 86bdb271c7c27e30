package io.liqojava.samples.liqoctl;

import static io.liqojava.samples.liqoctl.LiqoctlRunner.liqoctl;
import static org.assertj.core.api.Assertions.assertThat;

import io.liqojava.samples.liqoctl.LiqoctlRunner.Run;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What liqoctl says when the command line or the cluster selection is wrong: usage errors exit with
 * 2, failures with 1, each naming what is wrong and the fix. None needs a running cluster.
 */
class LiqoctlErrorsTest {

  @TempDir Path home;

  private Map<String, String> environment() {
    return Map.of("HOME", home.toString());
  }

  @Test
  void unknownFlagIsAUsageError() {
    Run run = liqoctl(environment(), "install", "--no-such-flag");

    assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option: '--no-such-flag'", "Usage: liqoctl install");
  }

  @Test
  void noCommandIsAUsageError() {
    Run run = liqoctl(environment());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("say what to do: install, uninstall, status");
  }

  @Test
  void clusterLabelsWithoutEqualsSignAreRejectedBeforeTouchingAnyCluster() {
    Run run = liqoctl(environment(), "install", "--cluster-labels", "region");

    assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "Invalid value for option '--cluster-labels'",
            "'region' is not a key=value pair",
            "for example topology.liqo.io/region=south");
  }

  @Test
  void clusterLabelsWithAnInvalidValueNameTheRule() {
    Run run = liqoctl(environment(), "install", "--cluster-labels", "zone=west coast");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("cluster label 'zone=west coast' is not valid", "63 letters");
  }

  @Test
  void invalidClusterNameIsAUsageError() {
    Run run = liqoctl(environment(), "install", "--cluster-name", "Rome_1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("cluster name 'Rome_1' is not valid", "lower-case letters");
  }

  @Test
  void missingKubeconfigFileIsNamedWithTheFix() {
    Path missing = home.resolve("liqo_kubeconf_nowhere");

    Run run = liqoctl(environment(), "status", "--kubeconfig", missing.toString());

    assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
    assertThat(run.err())
        .contains("the kubeconfig file " + missing + " does not exist", "--kubeconfig");
  }

  @Test
  void kubeconfigVariableListingNoExistingFileIsNamed() {
    Path missing = home.resolve("gone");

    Run run = liqoctl(Map.of("HOME", home.toString(), "KUBECONFIG", missing.toString()), "status");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("KUBECONFIG is " + missing, "no such file exists");
  }

  @Test
  void noKubeconfigAtAllSaysWhereItLooked() {
    Run run = liqoctl(environment(), "status");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            "no kubeconfig",
            home.resolve(".kube").resolve("config") + " does not exist",
            "export KUBECONFIG=FILE");
  }

  @Test
  void invalidKubeconfigIsNamed() throws IOException {
    Path file = Files.writeString(home.resolve("broken"), "clusters: [ this is: not: yaml");

    Run run = liqoctl(environment(), "status", "--kubeconfig", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("the kubeconfig file " + file + " is not a valid kubeconfig");
  }

  @Test
  void unknownContextListsTheExistingOnes() throws IOException {
    Path file = kubeconfig("https://127.0.0.1:6443");

    Run run = liqoctl(environment(), "status", "--kubeconfig", file.toString(), "--context", "x");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("context 'x' is not in kubeconfig " + file, "[local]");
  }

  @Test
  void unreachableApiServerNamesTheUrlAndTheFix() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path file = kubeconfig("https://127.0.0.1:" + closedPort);

    Run run = liqoctl(environment(), "status", "--kubeconfig", file.toString());

    assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            "cannot reach the API server https://127.0.0.1:" + closedPort,
            "context local",
            "Check that the cluster runs");
  }

  @Test
  void peerNeedsSomeoneToPeerWith() {
    Run run = liqoctl(environment(), "peer");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("say whom to peer with");
  }

  @Test
  void peerOutOfBandNeedsItsFlags() {
    Run run = liqoctl(environment(), "peer", "out-of-band", "milan", "--auth-url", "https://x");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required options", "--cluster-id", "--auth-token");
  }

  @Test
  void timeoutMustBeADuration() {
    Run run = liqoctl(environment(), "unpeer", "milan", "--timeout", "soon");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'soon' is not a positive duration", "1m30s");
  }

  @Test
  void malformedSelectorIsNamedWithTheSyntax() {
    Run run =
        liqoctl(environment(), "offload", "namespace", "foo", "--selector", "region in (europe");

    assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "Invalid value for option '--selector': 'region in (europe' is not a valid cluster"
                + " selector: a '(' is not closed",
            "k in (a,b), k notin (a,b)");
  }

  @Test
  void selectedNameNeedsTheRemoteNamespaceName() {
    Run run =
        liqoctl(
            environment(),
            "offload",
            "namespace",
            "foo",
            "--namespace-mapping-strategy",
            "SelectedName");

    assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    assertThat(run.err()).contains("SelectedName needs", "add --remote-namespace-name NAME");
  }

  @Test
  void remoteNamespaceNameIsRefusedWithoutSelectedName() {
    Run run =
        liqoctl(environment(), "offload", "namespace", "foo", "--remote-namespace-name", "bar");

    assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "--remote-namespace-name is only used with --namespace-mapping-strategy SelectedName"
                + " (the strategy is DefaultName)");
  }

  @Test
  void unknownStrategyListsTheAcceptedOnes() {
    Run run =
        liqoctl(
            environment(), "offload", "namespace", "foo", "--pod-offloading-strategy", "Anywhere");

    assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "Invalid value for option '--pod-offloading-strategy'",
            "'Anywhere' is not one of LocalAndRemote, Local, Remote");
  }

  @Test
  void invalidNamespaceNameIsAUsageError() {
    Run run = liqoctl(environment(), "unoffload", "namespace", "Liqo_Demo");

    assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    assertThat(run.err()).contains("'Liqo_Demo' is not a namespace name", "lower-case letters");
  }

  @Test
  void unoffloadHelpWarnsThatItIsDestructive() {
    Run run = liqoctl(environment(), "unoffload", "namespace", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out().replaceAll("\\s+", " "))
        .contains("WARNING: this is a destructive operation", "persistent storage volumes")
        .contains("liqoctl unoffload namespace liqo-demo");
  }

  @Test
  void versionPrintsTheClientVersion() {
    Run run = liqoctl(environment(), "version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Client version: liqoctl ");
  }

  @Test
  void helpShowsEveryCommandWithExamples() {
    Run run = liqoctl(environment(), "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "install",
            "uninstall",
            "status",
            "generate",
            "peer",
            "unpeer",
            "offload",
            "unoffload",
            "version",
            "Examples:");
  }

  private Path kubeconfig(String server) throws IOException {
    return Files.writeString(
        home.resolve("kubeconfig"),
        String.join(
            "\n",
            "apiVersion: v1",
            "kind: Config",
            "clusters:",
            "- name: local",
            "  cluster:",
            "    server: " + server,
            "    insecure-skip-tls-verify: true",
            "users:",
            "- name: local",
            "  user:",
            "    token: not-a-real-token",
            "contexts:",
            "- name: local",
            "  context:",
            "    cluster: local",
            "    user: local",
            "current-context: local",
            ""));
  }
}
