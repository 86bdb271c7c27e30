package io.liqojava.testing.internal;

import io.liqojava.testing.ControlPlaneBinaries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processes of one local cluster's control plane: etcd, kube-apiserver (RBAC on),
 * kube-controller-manager and kube-scheduler, each on free loopback ports, with the cluster's own
 * PKI. The API server can be stopped and started again on the same port and data, to simulate an
 * outage.
 */
public final class ControlPlane {

  private static final Logger LOG = LoggerFactory.getLogger(ControlPlane.class);

  /** SIGTERM to SIGKILL; the API server would otherwise wait up to a minute for open watches. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  /** An outage is abrupt: the API server gets little time to drain. */
  private static final Duration OUTAGE_GRACE = Duration.ofSeconds(1);

  private final String clusterName;
  private final ControlPlaneBinaries binaries;
  private final Path dir;
  private final ClusterPki pki;
  private final Settings settings;
  private final HealthProbe probe;
  private static final int BIND_ATTEMPTS = 3;
  private static final String BIND_CONFLICT = "address already in use";

  // Chosen when each component first starts; the API server keeps its port across restarts.
  private volatile int etcdClientPort;
  private volatile int etcdPeerPort;
  private volatile int apiServerPort;
  private volatile int controllerManagerPort;
  private volatile int schedulerPort;

  private ComponentProcess etcd;
  private ComponentProcess apiServer;
  private ComponentProcess controllerManager;
  private ComponentProcess scheduler;

  /**
   * The address ranges and timings a control plane is started with.
   *
   * @param serviceCidr the Service range
   * @param kubernetesServiceIp the first address of the Service range
   * @param nodeMonitorGracePeriod the node lifecycle controller's grace period
   * @param startupTimeout how long each component may take to become healthy
   */
  public record Settings(
      String serviceCidr,
      String kubernetesServiceIp,
      Duration nodeMonitorGracePeriod,
      Duration startupTimeout) {}

  /** Prepares (but does not start) the control plane of {@code clusterName} in {@code dir}. */
  public ControlPlane(
      String clusterName, ControlPlaneBinaries binaries, Path dir, Settings settings) {
    this.clusterName = clusterName;
    this.binaries = binaries;
    this.dir = dir;
    this.settings = settings;
    this.pki = ClusterPki.generate(dir.resolve("pki"), clusterName, settings.kubernetesServiceIp());
    this.probe = new HealthProbe(pki.trustingTlsContext());
  }

  /** The cluster's PKI. */
  public ClusterPki pki() {
    return pki;
  }

  /** The API server URL, {@code https://127.0.0.1:<port>}. */
  public String apiServerUrl() {
    return "https://127.0.0.1:" + apiServerPort;
  }

  /** The running processes, for accounting. */
  public List<ComponentProcess> processes() {
    List<ComponentProcess> running = new ArrayList<>();
    for (ComponentProcess process : List.of(etcd, apiServer, controllerManager, scheduler)) {
      if (process != null && process.isAlive()) {
        running.add(process);
      }
    }
    return running;
  }

  /** Starts etcd and the API server, waiting until both are healthy. */
  public void startStorageAndApiServer() {
    etcd =
        startListening(
            "etcd",
            () -> {
              etcdClientPort = Ports.freeLoopbackPort();
              etcdPeerPort = Ports.freeLoopbackPort();
            },
            this::etcdCommand,
            () -> probe.answers("http://127.0.0.1:" + etcdClientPort + "/health", "true"));
    startApiServer();
  }

  /**
   * Starts the controller manager and the scheduler, which talk to the API server through the given
   * kubeconfig files, and waits until both report healthy.
   */
  public void startControllers(Path controllerManagerKubeconfig, Path schedulerKubeconfig) {
    controllerManager =
        startListening(
            "kube-controller-manager",
            () -> controllerManagerPort = Ports.freeLoopbackPort(),
            () -> controllerManagerCommand(controllerManagerKubeconfig),
            () -> probe.answers("https://127.0.0.1:" + controllerManagerPort + "/healthz", "ok"));
    scheduler =
        startListening(
            "kube-scheduler",
            () -> schedulerPort = Ports.freeLoopbackPort(),
            () -> schedulerCommand(schedulerKubeconfig),
            () -> probe.answers("https://127.0.0.1:" + schedulerPort + "/healthz", "ok"));
  }

  /** Starts the API server (again) on its port, waiting until it is ready. */
  public void startApiServer() {
    if (apiServer != null && apiServer.isAlive()) {
      return;
    }
    boolean restart = apiServerPort != 0;
    apiServer =
        startListening(
            "kube-apiserver",
            () -> {
              if (!restart) {
                apiServerPort = Ports.freeLoopbackPort();
              }
            },
            this::apiServerCommand,
            () -> probe.answers(apiServerUrl() + "/readyz", "ok"));
  }

  /**
   * Starts a component and waits until {@code healthy}; when it exits because one of its ports was
   * taken in the meantime, starts it again on ports {@code choosePorts} picks anew.
   */
  private ComponentProcess startListening(
      String component,
      Runnable choosePorts,
      Supplier<List<String>> command,
      BooleanSupplier healthy) {
    for (int attempt = 1; ; attempt++) {
      choosePorts.run();
      ComponentProcess process = start(component, command.get());
      try {
        HealthProbe.await(
            component + " of cluster " + clusterName + " to be healthy",
            process,
            settings.startupTimeout(),
            healthy);
        return process;
      } catch (IllegalStateException e) {
        boolean portTaken = !process.isAlive() && process.logTail(10).contains(BIND_CONFLICT);
        if (!portTaken || attempt >= BIND_ATTEMPTS) {
          process.stop(STOP_GRACE);
          throw e;
        }
        LOG.debug(
            "{} of cluster {}: a port was taken meanwhile; starting it again",
            component,
            clusterName);
      }
    }
  }

  /** Stops the API server only, as in an outage; etcd, the controllers and the data stay. */
  public void stopApiServer() {
    if (apiServer != null) {
      apiServer.stop(OUTAGE_GRACE);
    }
  }

  /** Whether the API server process runs. */
  public boolean isApiServerRunning() {
    return apiServer != null && apiServer.isAlive();
  }

  /** Stops every component, the controllers first and etcd last. Idempotent. */
  public void stop() {
    for (ComponentProcess process :
        new ComponentProcess[] {scheduler, controllerManager, apiServer, etcd}) {
      if (process != null) {
        process.stop(STOP_GRACE);
      }
    }
  }

  private ComponentProcess start(String component, List<String> command) {
    return ComponentProcess.start(
        component, command, dir.resolve("logs").resolve(component + ".log"), Map.of());
  }

  private List<String> etcdCommand() {
    String peer = "http://127.0.0.1:" + etcdPeerPort;
    String client = "http://127.0.0.1:" + etcdClientPort;
    return List.of(
        binaries.binary("etcd").toString(),
        "--name=" + clusterName,
        "--data-dir=" + dir.resolve("etcd"),
        "--listen-client-urls=" + client,
        "--advertise-client-urls=" + client,
        "--listen-peer-urls=" + peer,
        "--initial-advertise-peer-urls=" + peer,
        "--initial-cluster=" + clusterName + "=" + peer,
        "--initial-cluster-state=new",
        "--snapshot-count=10000",
        "--log-level=warn");
  }

  private List<String> apiServerCommand() {
    List<String> command =
        new ArrayList<>(
            List.of(
                binaries.binary("kube-apiserver").toString(),
                "--etcd-servers=http://127.0.0.1:" + etcdClientPort,
                "--bind-address=127.0.0.1",
                "--advertise-address=127.0.0.1",
                "--secure-port=" + apiServerPort,
                "--tls-cert-file=" + pki.file("apiserver.crt"),
                "--tls-private-key-file=" + pki.file("apiserver.key"),
                "--client-ca-file=" + pki.file("ca.crt"),
                "--authorization-mode=Node,RBAC",
                "--service-account-key-file=" + pki.file("sa.pub"),
                "--service-account-signing-key-file=" + pki.file("sa.key"),
                "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
                "--service-cluster-ip-range=" + settings.serviceCidr(),
                "--allow-privileged=true",
                "--cert-dir=" + dir.resolve("apiserver-certs"),
                "--profiling=false",
                "--event-ttl=1h0m0s"));
    if (binaries.kubernetesMinorVersion() < 24) {
      command.add("--insecure-port=0");
    }
    return command;
  }

  private List<String> controllerManagerCommand(Path kubeconfig) {
    List<String> command =
        new ArrayList<>(
            List.of(
                binaries.binary("kube-controller-manager").toString(),
                "--kubeconfig=" + kubeconfig,
                "--authentication-kubeconfig=" + kubeconfig,
                "--authorization-kubeconfig=" + kubeconfig,
                "--bind-address=127.0.0.1",
                "--secure-port=" + controllerManagerPort,
                "--tls-cert-file=" + pki.file("controller-manager-serving.crt"),
                "--tls-private-key-file=" + pki.file("controller-manager-serving.key"),
                "--leader-elect=false",
                "--controllers=*,-nodeipam",
                "--use-service-account-credentials=true",
                "--service-account-private-key-file=" + pki.file("sa.key"),
                "--root-ca-file=" + pki.file("ca.crt"),
                "--cluster-signing-cert-file=" + pki.file("ca.crt"),
                "--cluster-signing-key-file=" + pki.file("ca.key"),
                "--cluster-name=" + clusterName,
                "--node-monitor-grace-period="
                    + settings.nodeMonitorGracePeriod().toSeconds()
                    + "s",
                "--profiling=false"));
    if (binaries.kubernetesMinorVersion() < 24) {
      command.add("--port=0");
    }
    return command;
  }

  private List<String> schedulerCommand(Path kubeconfig) {
    List<String> command =
        new ArrayList<>(
            List.of(
                binaries.binary("kube-scheduler").toString(),
                "--kubeconfig=" + kubeconfig,
                "--authentication-kubeconfig=" + kubeconfig,
                "--authorization-kubeconfig=" + kubeconfig,
                "--bind-address=127.0.0.1",
                "--secure-port=" + schedulerPort,
                "--tls-cert-file=" + pki.file("scheduler-serving.crt"),
                "--tls-private-key-file=" + pki.file("scheduler-serving.key"),
                "--leader-elect=false",
                "--profiling=false"));
    if (binaries.kubernetesMinorVersion() < 23) {
      command.add("--port=0");
    }
    return command;
  }

  @Override
  public String toString() {
    return "control plane of "
        + clusterName
        + " at "
        + apiServerUrl()
        + " ("
        + Objects.toString(dir)
        + ")";
  }
}
