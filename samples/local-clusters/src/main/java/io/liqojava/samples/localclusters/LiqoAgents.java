package io.liqojava.samples.localclusters;

import io.liqojava.core.install.LiqoInstaller;
import io.liqojava.core.install.LiqoStatus;
import io.liqojava.testing.LocalCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Liqo in the local clusters, the way the tutorials' setup.sh installs it in each KinD cluster: it
 * runs the equivalent of {@code liqoctl install --cluster-name NAME} on each cluster, then starts
 * one agent process per cluster ({@code java -jar agent.jar --kubeconfig <admin kubeconfig>}),
 * logging into the cluster's directory. The agents stop with the clusters.
 *
 * <p>Each agent has a pid file next to its log, in the format the test bed uses for its own
 * processes, so that the next {@code up} or {@code down} stops an agent whose launcher was killed.
 */
final class LiqoAgents implements AutoCloseable {

  /** Overrides where the agent jar is. */
  static final String JAR_VARIABLE = "LIQO_AGENT_JAR";

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration POLL = Duration.ofMillis(300);
  private static final int LOG_TAIL_LINES = 20;
  private static final int PROGRESS_SECONDS = 10;

  private final Path jar;
  private final List<Agent> agents = new ArrayList<>();

  /** One running agent. */
  record Agent(LocalCluster cluster, Process process, Path log, Path pidFile) {}

  /** What a ready agent reported. */
  record Ready(LocalCluster cluster, String clusterId, String authUrl, Path log, long pid) {}

  private LiqoAgents(Path jar) {
    this.jar = jar;
  }

  /**
   * Finds the agent jar: {@value #JAR_VARIABLE}, else {@code samples/agent/target/agent.jar} next
   * to this launcher's own module.
   *
   * @throws IllegalStateException saying how to build it
   */
  static LiqoAgents locate() {
    Path jar =
        Optional.ofNullable(System.getenv(JAR_VARIABLE))
            .filter(value -> !value.isBlank())
            .map(Path::of)
            .orElseGet(LiqoAgents::besideLauncher);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "the liqo-java agent jar "
              + jar
              + " does not exist: build it with './mvnw -pl samples/agent -am package"
              + " -DskipTests' (./local-clusters does), set "
              + JAR_VARIABLE
              + ", or pass --no-liqo");
    }
    return new LiqoAgents(jar.toAbsolutePath().normalize());
  }

  /** The agent jar. */
  Path jar() {
    return jar;
  }

  /** Installs Liqo in {@code cluster} with its name as cluster name, reporting each step. */
  static void install(LocalCluster cluster, Consumer<String> progress) {
    new LiqoInstaller(
            cluster.client(),
            LiqoInstaller.DEFAULT_TIMEOUT,
            line -> progress.accept(cluster.name() + ": " + line))
        .install(cluster.name(), Map.of());
  }

  /** Starts the agent of {@code cluster} in a process of its own. */
  void start(LocalCluster cluster) {
    Path logs = cluster.directory().resolve("logs");
    Path log = logs.resolve("liqo-agent.log");
    Path pidFile = logs.resolve("liqo-agent.log.pid");
    List<String> command = new ArrayList<>();
    String java = ProcessHandle.current().info().command().orElse("java");
    command.add(java);
    command.addAll(List.of("-XX:+UseSerialGC", "-Xmx512m", "-jar", jar.toString()));
    command.addAll(List.of("--kubeconfig", cluster.kubeconfig().toString()));
    try {
      Files.createDirectories(logs);
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      String executable = process.info().command().orElse(java);
      Files.writeString(
          pidFile,
          ProcessHandle.current().pid() + " " + process.pid() + " " + executable + "\n",
          StandardCharsets.UTF_8);
      agents.add(new Agent(cluster, process, log, pidFile));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the agent of cluster " + cluster.name(), e);
    }
  }

  /**
   * Waits until every agent published its authentication service and renews its heartbeat, telling
   * {@code progress} every {@value #PROGRESS_SECONDS} seconds which agent it still waits for.
   *
   * @throws IllegalStateException naming the agent that died or is late, with the end of its log
   */
  List<Ready> awaitReady(Consumer<String> progress) throws InterruptedException {
    Instant start = Instant.now();
    Instant deadline = start.plus(READY_TIMEOUT);
    Instant nextProgress = start.plusSeconds(PROGRESS_SECONDS);
    List<Ready> ready = new ArrayList<>();
    for (Agent agent : agents) {
      while (true) {
        if (Instant.now().isAfter(nextProgress)) {
          progress.accept(
              "waiting for the agent of "
                  + agent.cluster().name()
                  + " to serve ("
                  + Duration.between(start, Instant.now()).toSeconds()
                  + "s; its log: "
                  + agent.log()
                  + ")");
          nextProgress = Instant.now().plusSeconds(PROGRESS_SECONDS);
        }
        if (!agent.process().isAlive()) {
          throw new IllegalStateException(
              "the agent of cluster "
                  + agent.cluster().name()
                  + " stopped (exit code "
                  + agent.process().exitValue()
                  + "); the end of its log "
                  + agent.log()
                  + ":\n"
                  + tail(agent.log()));
        }
        LiqoStatus status = new LiqoInstaller(agent.cluster().client()).status();
        if (status.agentAlive() && status.authUrl().isPresent()) {
          ready.add(
              new Ready(
                  agent.cluster(),
                  status.identity().orElseThrow().clusterId(),
                  status.authUrl().get(),
                  agent.log(),
                  agent.process().pid()));
          break;
        }
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(
              "the agent of cluster "
                  + agent.cluster().name()
                  + " did not publish its authentication service within "
                  + READY_TIMEOUT.toSeconds()
                  + "s; the end of its log "
                  + agent.log()
                  + ":\n"
                  + tail(agent.log()));
        }
        Thread.sleep(POLL.toMillis());
      }
    }
    return ready;
  }

  /** Stops every agent (SIGTERM, then SIGKILL after a grace period). Idempotent. */
  @Override
  public void close() {
    agents.forEach(agent -> agent.process().destroy());
    for (Agent agent : agents) {
      try {
        if (!agent.process().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
          agent.process().destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        agent.process().destroyForcibly();
        Thread.currentThread().interrupt();
      }
      try {
        Files.deleteIfExists(agent.pidFile());
      } catch (IOException e) {
        // the next up or down skips a pid file whose process is gone
      }
    }
    agents.clear();
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "  "
          + String.join(
              "\n  ", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    } catch (IOException e) {
      return "  (cannot read it: " + e.getMessage() + ")";
    }
  }

  private static Path besideLauncher() {
    try {
      Path launcher =
          Path.of(LiqoAgents.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      // samples/local-clusters/target/local-clusters.jar -> samples/agent/target/agent.jar
      Path samples = launcher.toAbsolutePath().getParent().getParent().getParent();
      return samples.resolve("agent").resolve("target").resolve("agent.jar");
    } catch (URISyntaxException | NullPointerException e) {
      return Path.of("samples", "agent", "target", "agent.jar");
    }
  }
}
