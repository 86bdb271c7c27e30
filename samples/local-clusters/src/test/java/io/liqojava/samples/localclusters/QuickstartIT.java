package io.liqojava.samples.localclusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code ./quickstart}, run as a newcomer runs it, from a directory laid out like the repository
 * root: it brings up rome and milan, peers them, offloads liqo-demo, runs the demo, shows the
 * result and what to do next, and leaves the clusters running until {@code ./local-clusters down}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuickstartIT {

  private static TutorialShell shell;
  private static TutorialShell.Result quickstart;

  @BeforeAll
  static void runTheQuickstart() {
    shell = TutorialShell.start();
    long start = System.nanoTime();
    quickstart = shell.bash("./quickstart");
    System.out.printf(
        "./quickstart exited with %d after %d s:%n%s%n",
        quickstart.exitCode(), (System.nanoTime() - start) / 1_000_000_000, quickstart.output());
  }

  @AfterAll
  static void down() {
    if (shell != null) {
      shell.close();
    }
  }

  @Test
  @Order(1)
  void itSucceedsShowingEachStepAndTheResult() {
    String output = quickstart.output();
    assertThat(quickstart.exitCode()).as(output).isZero();
    for (int step = 1; step <= 7; step++) {
      assertThat(output).contains("==> " + step + "/7 ");
    }
    assertThat(output)
        .contains("$ ./local-clusters up rome milan --detach")
        .contains(
            "$ liqoctl generate peer-command --only-command --kubeconfig liqo_kubeconf_milan | bash")
        .contains("$ liqoctl offload namespace liqo-demo")
        .contains("$ kubectl apply -f examples/quick-start/hello-world.yaml -n liqo-demo")
        // the virtual node, and where each pod runs
        .containsPattern("liqo-milan\\s+Ready\\s+agent")
        .containsPattern("nginx-remote\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+\\S+\\s+liqo-milan")
        .containsPattern("nginx-local\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+\\S+\\s+rome-worker")
        .containsPattern("liqo-demo-rome-\\S+\\s+nginx-remote\\s+1/1\\s+Running.*milan-worker")
        // the peering, the offloading, the Service
        .containsPattern("milan\\s+OutOfBand\\s+Established\\s+None\\s+None\\s+Established")
        .containsPattern("offloading\\s+DefaultName\\s+LocalAndRemote\\s+Ready")
        .containsPattern("liqo-demo\\s+\\S+:80,\\S+:80");
  }

  @Test
  @Order(2)
  void itSaysWhatToTryNextAndHowToTearDown() {
    assertThat(quickstart.output())
        .contains("Try it yourself")
        .contains("export KUBECONFIG=\"$PWD/liqo_kubeconf_rome\"")
        .contains("liqoctl unoffload namespace liqo-demo")
        .contains("liqoctl unpeer out-of-band milan")
        .contains("docs/tutorials/")
        .contains("Tear down: ./local-clusters down");
    assertThat(shell.directory().resolve("liqo_kubeconf_rome")).exists();
    assertThat(shell.directory().resolve("liqo_kubeconf_milan")).exists();
  }

  @Test
  @Order(3)
  void theNextStepsWorkAsPrinted() {
    String next = nextSteps(quickstart.output());
    TutorialShell.Result result = shell.bash(next);
    assertThat(result.exitCode()).as(next + "\n" + result.output()).isZero();
    assertThat(result.output())
        .containsPattern("nginx-remote\\s+1/1\\s+Running.*liqo-milan")
        .contains("Namespace liqo-demo is no longer offloaded.")
        .contains("Peering with milan removed: virtual node liqo-milan deleted.");
  }

  @Test
  @Order(4)
  void aSecondRunSaysTheClustersStillRunAndHowToStartOver() {
    TutorialShell.Result again = shell.bash("./quickstart");
    assertThat(again.exitCode()).as(again.output()).isEqualTo(1);
    assertThat(again.output())
        .contains("local clusters rome, milan from an earlier run still run in")
        .contains("./local-clusters down && ./quickstart");
  }

  @Test
  @Order(5)
  void localClustersDownStopsEverything() {
    long launcher = RunState.read(shell.directory()).orElseThrow().pid();
    List<Long> agents = agentPids(quickstart.output());
    assertThat(agents).hasSize(2);

    TutorialShell.Result down = shell.bash("./local-clusters down");

    assertThat(down.exitCode()).as(down.output()).isZero();
    assertThat(down.output()).contains("Stopped local clusters [rome, milan].");
    assertThat(alive(launcher)).as("launcher pid " + launcher).isFalse();
    assertThat(agents).allSatisfy(agent -> assertThat(alive(agent)).as("agent " + agent).isFalse());
    Path directory = shell.directory();
    assertThat(directory.resolve("liqo_kubeconf_rome")).doesNotExist();
    assertThat(directory.resolve("liqo_kubeconf_milan")).doesNotExist();
    assertThat(directory.resolve(".local-clusters")).doesNotExist();
    assertThat(shell.bash("./local-clusters status").exitCode()).isEqualTo(1);
  }

  /** The commands of "Try it yourself", one per line, without their comments. */
  private static String nextSteps(String output) {
    List<String> commands = new ArrayList<>();
    boolean in = false;
    for (String line : output.lines().toList()) {
      if (line.contains("Try it yourself")) {
        in = true;
      } else if (in && line.isBlank()) {
        break;
      } else if (in) {
        commands.add(line.replaceFirst("\\s+#.*$", "").strip());
      }
    }
    assertThat(commands).as(output).hasSizeGreaterThan(3);
    return String.join("\n", commands);
  }

  private static List<Long> agentPids(String output) {
    Matcher matcher = Pattern.compile(": agent running \\(pid (\\d+)\\)").matcher(output);
    List<Long> pids = new ArrayList<>();
    while (matcher.find()) {
      pids.add(Long.parseLong(matcher.group(1)));
    }
    return pids;
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
