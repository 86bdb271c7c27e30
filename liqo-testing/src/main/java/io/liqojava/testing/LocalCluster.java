package io.liqojava.testing;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.liqojava.testing.internal.Cidr;
import io.liqojava.testing.internal.ComponentProcess;
import io.liqojava.testing.internal.ControlPlane;
import io.liqojava.testing.internal.HealthProbe;
import io.liqojava.testing.internal.IssuedCertificate;
import io.liqojava.testing.internal.Kubeconfigs;
import io.liqojava.testing.internal.SimulatedNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * One running local cluster: a real control plane (etcd, kube-apiserver with RBAC,
 * kube-controller-manager, kube-scheduler) on loopback ports with its own PKI, plus simulated
 * worker nodes. Obtain it from a {@link TestBed}; closing the test bed stops it.
 *
 * <p>{@link #client()} and {@link #kubeconfig()} carry the cluster admin's credentials (group
 * {@code system:masters}); they are valid for this cluster only.
 */
public final class LocalCluster implements AutoCloseable {

  private final ClusterSpec spec;
  private final ControlPlaneBinaries binaries;
  private final Path dir;
  private final boolean retainLogs;
  private final ControlPlane controlPlane;
  private final ScheduledExecutorService kubeletWorker;
  private final List<SimulatedNode> nodes = new ArrayList<>();
  private final Path kubeconfig;
  private final Duration startupTimeout;
  private KubernetesClient client;
  private Duration startupTime = Duration.ZERO;

  LocalCluster(
      ClusterSpec spec,
      ControlPlaneBinaries binaries,
      Path dir,
      Duration startupTimeout,
      boolean retainLogs) {
    this.spec = spec;
    this.binaries = binaries;
    this.dir = dir;
    this.retainLogs = retainLogs;
    this.startupTimeout = startupTimeout;
    this.kubeconfig = dir.resolve("kubeconfig");
    Cidr services = Cidr.parse(spec.serviceCidr());
    this.controlPlane =
        new ControlPlane(
            spec.name(),
            binaries,
            dir,
            new ControlPlane.Settings(
                spec.serviceCidr(),
                services.address(1),
                spec.nodeMonitorGracePeriod(),
                startupTimeout));
    this.kubeletWorker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "liqo-testing-kubelet-" + spec.name());
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Starts the control plane and the nodes, returning once pods can be created and scheduled.
   *
   * @param progress receives one line per milestone, for people watching a slow start
   */
  void start(Consumer<String> progress) {
    long begin = System.nanoTime();
    controlPlane.startStorageAndApiServer();
    progress.accept(name() + ": etcd and kube-apiserver ready at " + apiServerUrl());
    writeKubeconfig(kubeconfig, controlPlane.pki().admin());
    controlPlane.startControllers(
        writeKubeconfig(
            dir.resolve("controller-manager.kubeconfig"), controlPlane.pki().controllerManager()),
        writeKubeconfig(dir.resolve("scheduler.kubeconfig"), controlPlane.pki().scheduler()));
    progress.accept(name() + ": kube-controller-manager and kube-scheduler running");
    client = newClient();
    startNodes();
    awaitServiceAccountTokens();
    startupTime = Duration.ofNanos(System.nanoTime() - begin);
    progress.accept(
        String.format(
            "%s: ready with %d simulated node(s) in %.1fs",
            name(), nodes.size(), startupTime.toMillis() / 1000.0));
  }

  private Path writeKubeconfig(Path file, IssuedCertificate user) {
    return Kubeconfigs.write(
        Kubeconfigs.render(spec.name(), controlPlane.apiServerUrl(), controlPlane.pki().ca(), user),
        file);
  }

  private void startNodes() {
    Cidr podCidr = Cidr.parse(spec.podCidr());
    List<NodeSpec> specs = spec.nodes();
    for (int i = 0; i < specs.size(); i++) {
      NodeSpec node = specs.get(i);
      String name =
          node.name().orElse(spec.name() + "-worker" + (i == 0 ? "" : Integer.toString(i + 1)));
      Cidr cidr = node.podCidr().map(Cidr::parse).orElse(podCidr.subnet(24, i));
      SimulatedNode simulated =
          new SimulatedNode(client, name, node, cidr, binaries.kubernetesVersion(), kubeletWorker);
      simulated.start();
      nodes.add(simulated);
    }
  }

  /**
   * Waits until the default service account exists, and before Kubernetes 1.24 also its token
   * Secret: until then the API server refuses pods in the default namespace.
   */
  private void awaitServiceAccountTokens() {
    HealthProbe.await(
        "the controller manager of cluster "
            + spec.name()
            + " to create the default service account",
        null,
        startupTimeout,
        () -> {
          ServiceAccount account =
              client.serviceAccounts().inNamespace("default").withName("default").get();
          return account != null
              && (binaries.kubernetesMinorVersion() >= 24 || !account.getSecrets().isEmpty());
        });
  }

  /** The cluster name. */
  public String name() {
    return spec.name();
  }

  /** What the cluster was started with. */
  public ClusterSpec spec() {
    return spec;
  }

  /** An admin client for this cluster; closed with the cluster, so do not close it yourself. */
  public KubernetesClient client() {
    return client;
  }

  /**
   * A new admin client, with its own connection pool, for code that closes its clients; the caller
   * closes it.
   */
  public KubernetesClient newClient() {
    return new KubernetesClientBuilder().withConfig(clientConfig()).build();
  }

  /** The fabric8 client configuration of the admin, to customise before building a client. */
  public Config clientConfig() {
    try {
      return Config.fromKubeconfig(Files.readString(kubeconfig, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + kubeconfig, e);
    }
  }

  /** The admin kubeconfig file (certificates embedded, context named after the cluster). */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /** Copies the admin kubeconfig to {@code target}, such as {@code liqo_kubeconf_rome}. */
  public Path writeKubeconfig(Path target) {
    try {
      Path parent = target.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      Path temporary = Files.createTempFile(parent, ".kubeconfig", ".tmp");
      Files.copy(kubeconfig, temporary, StandardCopyOption.REPLACE_EXISTING);
      Files.move(
          temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the kubeconfig " + target, e);
    }
  }

  /** The API server URL, {@code https://127.0.0.1:<port>}. */
  public String apiServerUrl() {
    return controlPlane.apiServerUrl();
  }

  /** The Kubernetes version the control plane runs, such as {@code 1.20.2}. */
  public String kubernetesVersion() {
    return binaries.kubernetesVersion();
  }

  /** The {@code kubectl} binary of the same version as the control plane. */
  public Path kubectl() {
    return binaries.binary("kubectl");
  }

  /**
   * Runs {@code kubectl} against this cluster as its admin, the way a user would, and returns what
   * it printed on standard output.
   *
   * @throws TestBedException when kubectl fails, with what it printed on standard error
   */
  public String kubectl(String... args) {
    List<String> command = new ArrayList<>();
    command.add(kubectl().toString());
    command.add("--kubeconfig=" + kubeconfig);
    Collections.addAll(command, args);
    try {
      Path stderr = Files.createTempFile("kubectl", ".err");
      try {
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
          process.destroyForcibly();
          throw new TestBedException(
              "kubectl " + String.join(" ", args) + " did not finish within 2 minutes");
        }
        if (process.exitValue() != 0) {
          throw new TestBedException(
              "kubectl "
                  + String.join(" ", args)
                  + " failed with exit code "
                  + process.exitValue()
                  + ": "
                  + Files.readString(stderr).trim());
        }
        return out;
      } finally {
        Files.deleteIfExists(stderr);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TestBedException("interrupted while running kubectl", e);
    }
  }

  /** The names of the simulated worker nodes, in declaration order. */
  public List<String> nodeNames() {
    return nodes.stream().map(SimulatedNode::name).toList();
  }

  /**
   * Stops the API server, as in an outage: clients get connection errors, the data in etcd stays.
   * {@link #startApiServer()} brings it back on the same address.
   */
  public void stopApiServer() {
    controlPlane.stopApiServer();
  }

  /** Starts the API server again after {@link #stopApiServer()}; returns once it is ready. */
  public void startApiServer() {
    controlPlane.startApiServer();
  }

  /** Whether the API server process runs. */
  public boolean isApiServerRunning() {
    return controlPlane.isApiServerRunning();
  }

  /** How long {@link TestBed} took to start this cluster until it accepted pods. */
  public Duration startupTime() {
    return startupTime;
  }

  /** The resident memory of the cluster's control-plane processes, in bytes. */
  public long residentMemoryBytes() {
    return controlPlane.processes().stream().mapToLong(ComponentProcess::residentMemoryBytes).sum();
  }

  /** The directory holding the cluster's data, PKI and logs. */
  public Path directory() {
    return dir;
  }

  /**
   * Stops the nodes and every control-plane process, and deletes the cluster's data. Idempotent.
   */
  @Override
  public void close() {
    nodes.forEach(SimulatedNode::close);
    nodes.clear();
    if (client != null) {
      client.close();
    }
    kubeletWorker.shutdownNow();
    controlPlane.stop();
    deleteData();
  }

  private void deleteData() {
    if (!Files.exists(dir)) {
      return;
    }
    Path logs = dir.resolve("logs");
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        if (!(retainLogs && file.startsWith(logs)) && !(retainLogs && file.equals(dir))) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot delete the data of cluster " + name() + " in " + dir, e);
    }
  }

  @Override
  public String toString() {
    return "LocalCluster[" + name() + " at " + apiServerUrl() + "]";
  }
}
