package io.liqojava.samples.localclusters;

import io.liqojava.testing.ClusterSpec;
import io.liqojava.testing.ControlPlaneBinaries;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.NodeSpec;
import io.liqojava.testing.TestBed;
import io.liqojava.testing.TestBedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code local-clusters up NAME...}: starts clusters and writes {@code liqo_kubeconf_NAME} files.
 */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = {
      "Starts one local cluster per NAME and writes liqo_kubeconf_NAME into the directory.",
      "Installs Liqo in each (as 'liqoctl install --cluster-name NAME' does) and runs one"
          + " liqo-java agent process per cluster, unless --no-liqo is given.",
      "Runs until interrupted (Ctrl+C stops the clusters), or with --detach returns once they are"
          + " ready; then './local-clusters down' in the same directory stops them."
    },
    footer = {
      "",
      "Examples:",
      "  ./local-clusters up rome milan --detach",
      "  ./local-clusters up rome --no-liqo        # bare clusters"
    })
final class UpCommand implements Callable<Integer> {

  private static final Duration DETACHED_START_TIMEOUT = Duration.ofMinutes(10);
  private static final int FIRST_POD_OCTET = 244;
  private static final int MAX_CLUSTERS = 256 - FIRST_POD_OCTET;

  @Parameters(arity = "1..*", paramLabel = "NAME", description = "Cluster names (DNS labels).")
  List<String> names;

  @Option(
      names = "--nodes",
      defaultValue = "1",
      description = "Simulated worker nodes per cluster (default: ${DEFAULT-VALUE}).")
  int nodes;

  @Option(
      names = "--detach",
      description = "Return once the clusters are ready; they keep running.")
  boolean detach;

  @Option(
      names = "--dir",
      defaultValue = ".",
      description =
          "Where to write the kubeconfig files and keep the clusters' data (default: the"
              + " current directory).")
  Path directory;

  @Option(
      names = "--no-liqo",
      description = "Do not install Liqo in the clusters nor start their agents.")
  boolean noLiqo;

  /** Set in the background process that a detached {@code up} starts. */
  @Option(names = "--internal-detached", hidden = true)
  boolean detachedChild;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    directory = directory.toAbsolutePath().normalize();
    PrintWriter out = spec.commandLine().getOut();
    List<ClusterSpec> clusters = clusterSpecs();
    RunState.read(directory)
        .filter(RunState::isAlive)
        .ifPresent(
            running -> {
              throw new CommandLine.ParameterException(
                  spec.commandLine(),
                  "local clusters "
                      + running.clusters()
                      + " already run in "
                      + directory
                      + " (pid "
                      + running.pid()
                      + "): run './local-clusters down' there first, or use another --dir");
            });
    LiqoAgents agents = null;
    if (!noLiqo) {
      try {
        agents = LiqoAgents.locate();
      } catch (IllegalStateException e) {
        spec.commandLine().getErr().println("local-clusters: " + e.getMessage());
        return 1;
      }
    }
    return detach && !detachedChild ? startDetached(out) : runInForeground(out, clusters, agents);
  }

  private List<ClusterSpec> clusterSpecs() {
    if (nodes < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--nodes must be at least 1");
    }
    if (names.stream().distinct().count() != names.size()) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "each cluster name may appear once, got " + names);
    }
    if (names.size() > MAX_CLUSTERS) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "local-clusters runs at most " + MAX_CLUSTERS + " clusters, got " + names.size());
    }
    List<ClusterSpec> clusters = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      try {
        clusters.add(
            ClusterSpec.builder()
                .name(names.get(i))
                .nodes(Collections.nCopies(nodes, NodeSpec.defaults()))
                .podCidr(podCidr(i))
                .build());
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    return clusters;
  }

  /**
   * The pod range of the {@code index}-th cluster: 10.244.0.0/16, 10.245.0.0/16, and so on. Liqo's
   * network fabric would remap overlapping ranges; liqo-java has none yet, so distinct ranges keep
   * every pod address, and a Service's endpoints across clusters, unambiguous.
   */
  static String podCidr(int index) {
    return "10." + (FIRST_POD_OCTET + index) + ".0.0/16";
  }

  private int runInForeground(PrintWriter out, List<ClusterSpec> clusters, LiqoAgents agents)
      throws InterruptedException {
    ControlPlaneBinaries binaries = ControlPlaneBinaries.locate();
    out.printf(
        "Starting %d local cluster(s): %s (Kubernetes %s, binaries in %s)%n",
        clusters.size(),
        String.join(", ", names),
        binaries.kubernetesVersion(),
        binaries.directory());
    out.println(
        "Each runs etcd, kube-apiserver, kube-controller-manager, kube-scheduler and "
            + nodes
            + " simulated worker node(s) on 127.0.0.1.");
    out.flush();
    long pid = ProcessHandle.current().pid();
    new RunState(pid, names, false).write(directory);
    TestBed.Builder builder =
        TestBed.builder()
            .workDirectory(RunState.home(directory))
            .binaries(binaries)
            .progress(
                line -> {
                  out.println("  " + line);
                  out.flush();
                });
    clusters.forEach(builder::cluster);
    TestBed bed;
    try {
      bed = builder.start();
    } catch (TestBedException e) {
      RunState.delete(directory);
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  out.println("Stopping local clusters " + names + "...");
                  out.flush();
                  if (agents != null) {
                    agents.close();
                  }
                  bed.close();
                  names.forEach(name -> deleteQuietly(RunState.kubeconfig(directory, name)));
                  RunState.delete(directory);
                  deleteQuietly(
                      RunState.home(directory)); // only when empty: keeps a detached run's log
                  out.println("Stopped.");
                  out.flush();
                  stopped.countDown();
                },
                "local-clusters-shutdown"));
    for (LocalCluster cluster : bed.clusters()) {
      cluster.writeKubeconfig(RunState.kubeconfig(directory, cluster.name()));
    }
    List<LiqoAgents.Ready> liqo = List.of();
    if (agents != null) {
      try {
        liqo = startLiqo(out, bed, agents);
      } catch (RuntimeException e) {
        spec.commandLine().getErr().println("local-clusters: " + e.getMessage());
        spec.commandLine().getErr().flush();
        return 1; // the shutdown hook stops the agents and the clusters
      }
    }
    new RunState(pid, names, true).write(directory);
    printSummary(out, bed, liqo);
    stopped.await();
    return 0;
  }

  /** Installs Liqo in every cluster and starts their agents; returns once they serve. */
  private List<LiqoAgents.Ready> startLiqo(PrintWriter out, TestBed bed, LiqoAgents agents)
      throws InterruptedException {
    out.println(
        "Installing Liqo and starting one liqo-java agent per cluster (" + agents.jar() + ")");
    out.flush();
    for (LocalCluster cluster : bed.clusters()) {
      LiqoAgents.install(
          cluster,
          line -> {
            out.println("  " + line);
            out.flush();
          });
    }
    bed.clusters().forEach(agents::start);
    out.println("  started the agents; waiting until each serves its authentication service");
    out.flush();
    List<LiqoAgents.Ready> ready =
        agents.awaitReady(
            line -> {
              out.println("  " + line);
              out.flush();
            });
    for (LiqoAgents.Ready agent : ready) {
      out.printf(
          "  %s: agent running (pid %d), authentication service at %s%n",
          agent.cluster().name(), agent.pid(), agent.authUrl());
    }
    out.flush();
    return ready;
  }

  private void printSummary(PrintWriter out, TestBed bed, List<LiqoAgents.Ready> liqo) {
    out.println();
    out.println("Local clusters are ready:");
    out.printf(
        "  %-16s %-26s %-6s %-11s %s%n", "NAME", "API SERVER", "NODES", "STARTED IN", "MEMORY");
    long totalMemory = 0;
    for (LocalCluster cluster : bed.clusters()) {
      long memory = cluster.residentMemoryBytes();
      totalMemory += memory;
      out.printf(
          Locale.ROOT,
          "  %-16s %-26s %-6d %-11s %d MiB%n",
          cluster.name(),
          cluster.apiServerUrl(),
          cluster.nodeNames().size(),
          String.format(Locale.ROOT, "%.1fs", cluster.startupTime().toMillis() / 1000.0),
          memory >> 20);
    }
    out.printf("  (control-plane processes use %d MiB of memory in total)%n", totalMemory >> 20);
    out.println();
    out.println("Use them with kubectl, one kubeconfig file per cluster:");
    for (String name : names) {
      out.printf(
          "  kubectl --kubeconfig %s get nodes%n", relative(RunState.kubeconfig(directory, name)));
    }
    String first = names.get(0);
    out.printf(
        "  export KUBECONFIG_%s=%s%n",
        first.toUpperCase(Locale.ROOT).replace('-', '_'), RunState.kubeconfig(directory, first));
    out.println();
    if (!liqo.isEmpty()) {
      printLiqo(out, liqo);
    }
    out.println(
        detachedChild
            ? "They run in the background. Stop them with './local-clusters down' in "
                + directory
                + "."
            : "Press Ctrl+C to stop them (they run until then).");
    out.flush();
  }

  private void printLiqo(PrintWriter out, List<LiqoAgents.Ready> liqo) {
    out.println("Liqo is installed in each cluster, and its agent runs:");
    out.printf("  %-16s %-24s %-28s %s%n", "NAME", "CLUSTER ID", "AUTH SERVICE", "AGENT LOG");
    for (LiqoAgents.Ready agent : liqo) {
      out.printf(
          "  %-16s %-24s %-28s %s%n",
          agent.cluster().name(), agent.clusterId(), agent.authUrl(), relative(agent.log()));
    }
    out.println();
    String consumer = relative(RunState.kubeconfig(directory, names.get(0)));
    if (names.size() > 1) {
      String provider = relative(RunState.kubeconfig(directory, names.get(1)));
      out.println(
          "Peer them with liqoctl, for example "
              + names.get(0)
              + " offloading to "
              + names.get(1)
              + ":");
      printPathHint(out);
      out.printf("  liqoctl generate peer-command --kubeconfig %s%n", provider);
      out.printf(
          "  # then run the printed 'liqoctl peer out-of-band ...' with --kubeconfig %s, or at once:%n",
          consumer);
      out.printf("  liqoctl peer --remote-kubeconfig %s --kubeconfig %s%n", provider, consumer);
    } else {
      out.println("Check it with liqoctl:");
      printPathHint(out);
      out.printf("  liqoctl status --kubeconfig %s%n", consumer);
    }
    out.println();
  }

  /** Tells how to put this checkout's liqoctl on the PATH, when the launcher runs from one. */
  private static void printPathHint(PrintWriter out) {
    repositoryRoot()
        .ifPresent(
            root -> out.printf("  export PATH=\"%s:$PATH\"   # puts liqoctl on your PATH%n", root));
  }

  /** The liqo-java checkout this launcher was built in, when its ./liqoctl script is there. */
  private static Optional<Path> repositoryRoot() {
    try {
      Path jar = Path.of(ownJar()).toAbsolutePath();
      // samples/local-clusters/target/local-clusters.jar -> the repository root
      Path root = jar.getParent().getParent().getParent().getParent();
      return Files.isExecutable(root.resolve("liqoctl")) ? Optional.of(root) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private String relative(Path path) {
    Path cwd = Path.of("").toAbsolutePath();
    return path.startsWith(cwd) ? cwd.relativize(path).toString() : path.toString();
  }

  /** Starts this command again in a background process and follows its output until ready. */
  private int startDetached(PrintWriter out) throws IOException, InterruptedException {
    Path home = RunState.home(directory);
    Files.createDirectories(home);
    Path log = home.resolve("local-clusters.log");
    Files.deleteIfExists(log);
    RunState.delete(directory);
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      command.add("/usr/bin/setsid"); // a new session: closing the terminal does not stop it
    }
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(List.of("-cp", ownJar(), LocalClustersCommand.class.getName(), "up"));
    command.addAll(names);
    command.addAll(
        List.of(
            "--nodes",
            Integer.toString(nodes),
            "--dir",
            directory.toString(),
            "--internal-detached"));
    if (noLiqo) {
      command.add("--no-liqo");
    }
    Process child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    out.println("Starting in the background; its log is " + log);
    out.flush();
    Instant deadline = Instant.now().plus(DETACHED_START_TIMEOUT);
    long shown = 0;
    while (true) {
      shown = follow(log, shown, out);
      boolean ready = RunState.read(directory).filter(RunState::ready).isPresent();
      if (ready) {
        Thread.sleep(300); // let the summary reach the log
        follow(log, shown, out);
        return 0;
      }
      if (!child.isAlive()) {
        follow(log, shown, out);
        spec.commandLine()
            .getErr()
            .println(
                "local-clusters failed to start (exit code " + child.exitValue() + "); see " + log);
        return 1;
      }
      if (Instant.now().isAfter(deadline)) {
        child.destroy();
        spec.commandLine()
            .getErr()
            .println(
                "the clusters were not ready within "
                    + DETACHED_START_TIMEOUT.toMinutes()
                    + " minutes; stopped them. See "
                    + log);
        return 1;
      }
      Thread.sleep(200);
    }
  }

  private static long follow(Path log, long offset, PrintWriter out) throws IOException {
    if (!Files.exists(log)) {
      return offset;
    }
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      if (file.length() <= offset) {
        return offset;
      }
      file.seek(offset);
      byte[] chunk = new byte[(int) (file.length() - offset)];
      file.readFully(chunk);
      out.print(new String(chunk, StandardCharsets.UTF_8));
      out.flush();
      return offset + chunk.length;
    }
  }

  private static String ownJar() {
    try {
      return Path.of(UpCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the local-clusters jar", e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (DirectoryNotEmptyException e) {
      // a directory that still holds something is kept
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
