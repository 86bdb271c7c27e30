package io.liqojava.testing;

import io.liqojava.testing.internal.ProcessJanitor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several independent local Kubernetes clusters on this machine, each a real control plane with
 * simulated worker nodes — the ground every liqo-java capability is tested on.
 *
 * <pre>{@code
 * try (TestBed bed = TestBed.builder().clusters("rome", "milan").start()) {
 *   KubernetesClient rome = bed.cluster("rome").client();
 *   ...
 * }
 * }</pre>
 *
 * <p>Clusters start in parallel. Closing the test bed stops every process and deletes the clusters'
 * data; so does the JVM's exit, and a later test bed reaps the processes of a JVM that was killed.
 * In JUnit 5 tests, prefer {@link io.liqojava.testing.junit.LocalClusters @LocalClusters}.
 */
public final class TestBed implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TestBed.class);

  private final Map<String, LocalCluster> clusters;
  private final Path runDirectory;

  private TestBed(Map<String, LocalCluster> clusters, Path runDirectory) {
    this.clusters = clusters;
    this.runDirectory = runDirectory;
  }

  /** A builder for a test bed. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The cluster named {@code name}.
   *
   * @throws IllegalArgumentException naming the clusters that exist
   */
  public LocalCluster cluster(String name) {
    LocalCluster cluster = clusters.get(name);
    if (cluster == null) {
      throw new IllegalArgumentException(
          "no cluster named '" + name + "' in this test bed; it has " + clusters.keySet());
    }
    return cluster;
  }

  /** All clusters, in declaration order. */
  public List<LocalCluster> clusters() {
    return List.copyOf(clusters.values());
  }

  /**
   * Stops the control-plane processes under {@code workDirectory} whose JVM died without stopping
   * them (killed with SIGKILL, say). Processes of running JVMs are left alone; {@link
   * Builder#start()} does this by itself.
   *
   * @return how many processes were stopped
   */
  public static int stopOrphans(Path workDirectory) {
    return ProcessJanitor.reapOrphans(workDirectory);
  }

  /** Stops every cluster and deletes their data. Idempotent. */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (LocalCluster cluster : clusters.values()) {
      try {
        cluster.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    try (var remaining = Files.list(runDirectory)) {
      if (remaining.findAny().isEmpty()) {
        Files.deleteIfExists(runDirectory);
      }
    } catch (IOException e) {
      LOG.debug("cannot tidy {}", runDirectory, e);
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Configures and starts a {@link TestBed}. */
  public static final class Builder {

    private final List<ClusterSpec> specs = new ArrayList<>();
    private Path workDirectory = defaultWorkDirectory();
    private boolean retainLogs = Boolean.getBoolean("liqo.testing.retainLogs");
    private Duration startupTimeout = Duration.ofMinutes(2);
    private ControlPlaneBinaries binaries;
    private Consumer<String> progress = LOG::info;

    private Builder() {}

    /** Adds clusters with one default node each. */
    public Builder clusters(String... names) {
      for (String name : names) {
        cluster(ClusterSpec.named(name));
      }
      return this;
    }

    /** Adds a cluster. */
    public Builder cluster(ClusterSpec spec) {
      if (specs.stream().anyMatch(s -> s.name().equals(spec.name()))) {
        throw new IllegalArgumentException("cluster '" + spec.name() + "' is declared twice");
      }
      specs.add(spec);
      return this;
    }

    /**
     * Where the clusters keep their data and logs: one directory per run, one per cluster below it.
     * Default: the system property {@code liqo.testing.dir}, or {@code <tmp>/liqo-testing}.
     */
    public Builder workDirectory(Path directory) {
      this.workDirectory = directory;
      return this;
    }

    /**
     * Keeps the components' logs after the clusters stop (default: the system property {@code
     * liqo.testing.retainLogs}, else false).
     */
    public Builder retainLogs(boolean retain) {
      this.retainLogs = retain;
      return this;
    }

    /** How long each component may take to become healthy. Default 2 minutes. */
    public Builder startupTimeout(Duration timeout) {
      this.startupTimeout = timeout;
      return this;
    }

    /**
     * Receives a line for each milestone of each cluster's start (etcd and API server ready,
     * controllers running, nodes registered). Default: logged at INFO.
     */
    public Builder progress(Consumer<String> listener) {
      this.progress = listener;
      return this;
    }

    /** The control-plane binaries; by default {@link ControlPlaneBinaries#locate()}. */
    public Builder binaries(ControlPlaneBinaries binaries) {
      this.binaries = binaries;
      return this;
    }

    /**
     * Starts every cluster, in parallel, and returns once all accept pods.
     *
     * @throws TestBedException when a cluster cannot start; the ones already started are stopped
     */
    public TestBed start() {
      if (specs.isEmpty()) {
        throw new IllegalStateException("declare at least one cluster before start()");
      }
      ControlPlaneBinaries located = binaries != null ? binaries : ControlPlaneBinaries.locate();
      Path runDirectory = createRunDirectory();
      Map<String, LocalCluster> clusters = new LinkedHashMap<>();
      for (ClusterSpec spec : specs) {
        clusters.put(
            spec.name(),
            new LocalCluster(
                spec, located, runDirectory.resolve(spec.name()), startupTimeout, retainLogs));
      }
      TestBed bed = new TestBed(clusters, runDirectory);
      ExecutorService starter = Executors.newFixedThreadPool(clusters.size());
      try {
        List<Future<?>> starts = new ArrayList<>();
        clusters.values().forEach(c -> starts.add(starter.submit(() -> c.start(progress))));
        Throwable failure = null;
        for (Future<?> start : starts) {
          try {
            start.get();
          } catch (ExecutionException e) {
            failure = failure == null ? e.getCause() : failure;
          }
        }
        if (failure != null) {
          bed.close();
          throw failure instanceof TestBedException known
              ? known
              : new TestBedException(
                  "a local cluster failed to start: " + failure.getMessage(), failure);
        }
        return bed;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        starter.shutdownNow();
        bed.close();
        throw new TestBedException("interrupted while starting local clusters", e);
      } finally {
        starter.shutdown();
      }
    }

    private Path createRunDirectory() {
      try {
        Files.createDirectories(workDirectory);
        int reaped = ProcessJanitor.reapOrphans(workDirectory);
        if (reaped > 0) {
          LOG.info("stopped {} control-plane processes left over by a killed JVM", reaped);
        }
        return Files.createTempDirectory(workDirectory, "run-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a directory in " + workDirectory, e);
      }
    }

    private static Path defaultWorkDirectory() {
      String configured = System.getProperty("liqo.testing.dir");
      return configured != null && !configured.isBlank()
          ? Path.of(configured)
          : Path.of(System.getProperty("java.io.tmpdir"), "liqo-testing");
    }
  }
}
