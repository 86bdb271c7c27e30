package io.liqojava.samples.localclusters;

import static org.assertj.core.api.Assertions.assertThat;

import io.liqojava.testing.ControlPlaneBinaries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged launcher as a user does: {@code up --detach}, kubectl, {@code down}; {@code up}
 * installs Liqo and runs one agent process per cluster.
 */
class LocalClustersIT {

  @TempDir Path workingDirectory;

  @AfterEach
  void stopWhateverIsLeft() throws Exception {
    launcher("down");
  }

  @Test
  void upDetachedThenKubectlListsReadyNodesThenDownStopsEverything() throws Exception {
    Result up = launcher("up", "a", "b", "--detach");

    assertThat(up.exitCode()).as(up.output()).isZero();
    assertThat(up.output())
        .contains("Local clusters are ready", "liqo_kubeconf_a", "MiB")
        .contains("Liqo is installed in each cluster, and its agent runs:")
        .contains("liqoctl generate peer-command --kubeconfig liqo_kubeconf_b");
    List<Long> agents = agentPids(up.output());
    assertThat(agents).hasSize(2);
    assertThat(workingDirectory.resolve("liqo_kubeconf_a")).exists();
    assertThat(workingDirectory.resolve("liqo_kubeconf_b")).exists();
    long pid = RunState.read(workingDirectory).orElseThrow().pid();

    Result nodes =
        run(
            List.of(
                ControlPlaneBinaries.locate().binary("kubectl").toString(),
                "--kubeconfig",
                "liqo_kubeconf_a",
                "get",
                "nodes"));
    assertThat(nodes.exitCode()).as(nodes.output()).isZero();
    assertThat(nodes.output()).containsPattern("a-worker\\s+Ready");
    Result foreignClusters = kubectl("liqo_kubeconf_a", "get", "foreignclusters");
    assertThat(foreignClusters.exitCode()).as(foreignClusters.output()).isZero();
    assertThat(foreignClusters.output()).contains("No resources found");
    Result identity =
        kubectl(
            "liqo_kubeconf_b",
            "get",
            "configmap",
            "liqo-cluster-identity",
            "-n",
            "liqo",
            "-o",
            "jsonpath={.data.clusterName}");
    assertThat(identity.exitCode()).as(identity.output()).isZero();
    assertThat(identity.output()).isEqualTo("b");

    Result again = launcher("up", "c", "--detach");
    assertThat(again.exitCode()).isNotZero();
    assertThat(again.output()).contains("already run", "./local-clusters down");

    Result down = launcher("down");
    assertThat(down.exitCode()).as(down.output()).isZero();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(agents)
        .allSatisfy(
            agent ->
                assertThat(ProcessHandle.of(agent).map(ProcessHandle::isAlive).orElse(false))
                    .as("agent pid " + agent)
                    .isFalse());
    assertThat(workingDirectory.resolve("liqo_kubeconf_a")).doesNotExist();
    assertThat(workingDirectory.resolve(".local-clusters")).doesNotExist();
    assertThat(launcher("down").output()).contains("nothing to stop");
  }

  @Test
  void rejectsAnInvalidClusterNameWithTheRule() throws Exception {
    Result up = launcher("up", "Not_A_Label", "--detach");

    assertThat(up.exitCode()).isEqualTo(2);
    assertThat(up.output()).contains("'Not_A_Label' is not valid", "lower-case letters");
    assertThat(workingDirectory.resolve(".local-clusters")).doesNotExist();
  }

  private static List<Long> agentPids(String output) {
    Matcher matcher = Pattern.compile(": agent running \\(pid (\\d+)\\)").matcher(output);
    List<Long> pids = new ArrayList<>();
    while (matcher.find()) {
      pids.add(Long.parseLong(matcher.group(1)));
    }
    return pids;
  }

  private Result kubectl(String kubeconfig, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ControlPlaneBinaries.locate().binary("kubectl").toString());
    command.addAll(List.of("--kubeconfig", kubeconfig));
    command.addAll(List.of(args));
    return run(command);
  }

  private Result launcher(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(System.getProperty("launcher.jar"));
    command.addAll(List.of(args));
    return run(command);
  }

  private Result run(List<String> command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Result(process.exitValue(), output);
  }

  private record Result(int exitCode, String output) {}
}
