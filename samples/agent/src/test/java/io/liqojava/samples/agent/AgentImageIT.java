package io.liqojava.samples.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.install.AgentRbac;
import io.liqojava.core.install.LiqoInstaller;
import io.liqojava.core.install.LiqoStatus;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.junit.LocalClusters;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent's container image ({@code -Pimage}), checked as a container runtime and a Deployment
 * would use it: the tarball is a valid {@code docker load} archive (each layer's digest is the one
 * its configuration names), its configuration runs the agent as the non-root user with the
 * Deployment's args appended to the entrypoint, and its layers, unpacked into a root filesystem,
 * run the agent on the image's own Java runtime and C library.
 *
 * <p>Each run happens the way runc starts a container, without a container engine: {@code unshare}
 * gives the process its own mount, PID, UTS and IPC namespaces and a fresh {@code /proc}, changes
 * its root to the unpacked image and its directory to the image's working directory, switches to
 * the image's user and group (so the process has no capability left) and executes the image's
 * entrypoint with exactly the image's environment (plus what the kubelet adds). As in a pod with
 * {@code readOnlyRootFilesystem: true} and an {@code emptyDir} at {@code /tmp}, the root is mounted
 * read-only and {@code /tmp} is an empty tmpfs. {@code /dev} holds the device nodes runc creates.
 * The network is the host's (the local API server listens on loopback), as for a {@code
 * hostNetwork} pod. Needs root, as CI has; skipped otherwise.
 */
@LocalClusters({"rome"})
class AgentImageIT {

  private static final Path TAR =
      Path.of(System.getProperty("agent.image.tar", "target/liqo-agent-image.tar"));
  private static final String NAME =
      System.getProperty("agent.image.name", "ghcr.io/liqo-java/liqo-agent:0.1.0-SNAPSHOT");
  private static final String VERSION = System.getProperty("agent.version", "0.1.0-SNAPSHOT");
  private static final Path WORK = TAR.toAbsolutePath().getParent().resolve("agent-image-it");
  private static final Path ROOTFS = WORK.resolve("rootfs");
  private static final String SERVICE_ACCOUNT_DIR = "var/run/secrets/kubernetes.io/serviceaccount";
  private static final Duration SHORT_RUN = Duration.ofMinutes(2);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UNSHARE = hostTool("unshare");
  private static final String MOUNT = hostTool("mount");
  private static final String SH = hostTool("sh");

  private static JsonNode manifest;
  private static JsonNode config;

  /**
   * Unpacks the image archive, checks its layers' digests and unpacks them into {@link #ROOTFS}.
   */
  @BeforeAll
  static void unpackTheImage() throws Exception {
    assertThat(TAR).as("the image tarball (build with -Pimage)").isRegularFile();
    refuseMountsBelow(WORK);
    deleteRecursively(WORK);
    Path archive = Files.createDirectories(WORK.resolve("archive"));
    Files.createDirectories(ROOTFS);
    exec("tar", "-xf", TAR.toString(), "-C", archive.toString());
    JsonNode manifests = JSON.readTree(archive.resolve("manifest.json").toFile());
    assertThat(manifests).as("manifest.json lists one image").hasSize(1);
    manifest = manifests.get(0);
    config = JSON.readTree(archive.resolve(manifest.get("Config").asText()).toFile());

    JsonNode layers = manifest.get("Layers");
    JsonNode diffIds = config.at("/rootfs/diff_ids");
    assertThat(layers).as("layers").hasSize(diffIds.size()).hasSizeGreaterThanOrEqualTo(3);
    for (int i = 0; i < layers.size(); i++) {
      Path layer = archive.resolve(layers.get(i).asText());
      assertThat(uncompressedDigest(layer))
          .as("digest of layer %s (what docker load checks)", layer.getFileName())
          .isEqualTo(diffIds.get(i).asText());
      // As root, GNU tar keeps the layer's owners and modes.
      exec(
          "tar",
          "--warning=no-unknown-keyword",
          "--numeric-owner",
          "-xpf",
          layer.toString(),
          "-C",
          ROOTFS.toString());
      try (Stream<Path> files = Files.walk(ROOTFS)) {
        assertThat(files.filter(f -> f.getFileName().toString().startsWith(".wh.")))
            .as("whiteouts (this test does not apply them)")
            .isEmpty();
      }
    }
  }

  @Test
  void isNamedForTheReleaseAndRunsTheAgentAsTheNonRootUser() {
    assertThat(manifest.get("RepoTags")).extracting(JsonNode::asText).containsExactly(NAME);
    assertThat(config.get("os").asText()).isEqualTo("linux");

    JsonNode container = config.get("config");
    List<String> entrypoint = texts(container.get("Entrypoint"));
    assertThat(entrypoint).startsWith("java").endsWith("io.liqojava.samples.agent.Agent");
    assertThat(entrypoint).contains("-cp", "/app/classpath/*:/app/libs/*:/app/plugins/*");
    assertThat(container.path("Cmd").isMissingNode() || container.path("Cmd").isNull())
        .as("no Cmd: a Deployment's args are the agent's flags")
        .isTrue();
    assertThat(container.get("User").asText()).isEqualTo("65532:65532");
    assertThat(container.get("WorkingDir").asText()).isEqualTo("/home/nonroot");
    assertThat(environment())
        .containsEntry("JAVA_HOME", "/opt/java/openjdk")
        .containsEntry("LANG", "C.UTF-8")
        .hasEntrySatisfying("PATH", path -> assertThat(path).startsWith("/opt/java/openjdk/bin:"));
    assertThat(fieldNames(container.get("ExposedPorts")))
        .containsExactlyInAnyOrder("8443/tcp", "9443/tcp");
    JsonNode labels = container.get("Labels");
    assertThat(labels.get("org.opencontainers.image.version").asText()).isEqualTo(VERSION);
    assertThat(labels.get("org.opencontainers.image.title").asText()).isEqualTo("liqo-java agent");
    assertThat(labels.get("org.opencontainers.image.licenses").asText()).isEqualTo("Apache-2.0");
  }

  @Test
  void holdsARootFilesystemForTheNonRootUserAndTheAgentsOwnJar() throws IOException {
    assertThat(Files.readString(ROOTFS.resolve("etc/passwd")))
        .contains("nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin");
    assertThat(Files.readString(ROOTFS.resolve("etc/group"))).contains("nonroot:x:65532:");
    assumeRoot(); // owners are kept only when root unpacks the layers
    assertThat(Files.getAttribute(ROOTFS.resolve("home/nonroot"), "unix:uid")).isEqualTo(65532);
    assertThat(Files.getAttribute(ROOTFS.resolve("tmp"), "unix:mode"))
        .as("/tmp is 1777")
        .isEqualTo(041777);
    assertThat(ROOTFS.resolve("var/lib/dpkg/status.d/libc6"))
        .as("package records for image scanners")
        .content()
        .contains("Package: libc6", "Status: install ok installed");
    assertThat(ROOTFS.resolve("opt/java/openjdk/lib/security/cacerts")).isNotEmptyFile();
    assertThat(ROOTFS.resolve("etc/ssl/certs/ca-certificates.crt")).isNotEmptyFile();
    // The agent's own classes come as the plain jar, its dependencies as separate jars.
    assertThat(Files.size(ROOTFS.resolve("app/classpath/agent.jar"))).isLessThan(1_000_000);
    assertThat(ROOTFS.resolve("app/libs/liqo-core-" + VERSION + ".jar")).isRegularFile();
  }

  @Test
  void trustsTheCaCertificatesOfItsRootFilesystem() throws Exception {
    // The runtime's cacerts is made from the image's ca-certificates package.
    long certificates;
    try (Stream<Path> files = Files.walk(ROOTFS.resolve("usr/share/ca-certificates"))) {
      certificates = files.filter(file -> file.toString().endsWith(".crt")).count();
    }
    Run keytool =
        completed(
            Container.run(
                Map.of(), List.of("keytool", "-list", "-cacerts", "-storepass", "changeit")),
            "keytool -list -cacerts");
    assertThat(keytool.exitCode()).as("exit code; output:%n%s", keytool.output()).isZero();
    assertThat(keytool.output())
        .contains("Keystore type: PKCS12", "Your keystore contains " + certificates + " entries")
        .contains("debian:isrg_root_x1.pem");
    assertThat(certificates).isGreaterThan(100);
  }

  @Test
  void printsItsHelpAndVersion() throws Exception {
    Run help = runToCompletion(Map.of(), "--help");
    assertThat(help.exitCode()).as("exit code; output:%n%s", help.output()).isZero();
    assertThat(help.output())
        .contains("Usage: agent", "--kubeconfig=FILE", "--auth-port=PORT", "--webhook-service");

    Run version = runToCompletion(Map.of(), "--version");
    assertThat(version.exitCode()).as("exit code; output:%n%s", version.output()).isZero();
    assertThat(version.output().strip()).isEqualTo("liqo-java agent " + VERSION);
  }

  @Test
  void findsTheBuiltInReflectors() throws Exception {
    Run listing = runToCompletion(Map.of(), "--list-reflectors");
    assertThat(listing.exitCode()).as("exit code; output:%n%s", listing.output()).isZero();
    assertThat(listing.output())
        .containsPattern("ConfigMap +configmaps +0 +3 +yes +liqo-reflectors-builtin-")
        .containsPattern("EndpointSlice\\.discovery\\.k8s\\.io +endpointslices +0 +10 +yes");
  }

  @Test
  void runsInTheClusterWithThePodsServiceAccountAndStopsOnSigterm(LocalCluster rome)
      throws Exception {
    ClusterIdentity identity = new LiqoInstaller(rome.client()).install("rome", Map.of());
    mountServiceAccount(rome);
    URI apiServer = URI.create(rome.apiServerUrl());
    Map<String, String> kubelet = new LinkedHashMap<>();
    kubelet.put("KUBERNETES_SERVICE_HOST", apiServer.getHost());
    kubelet.put("KUBERNETES_SERVICE_PORT", String.valueOf(apiServer.getPort()));
    kubelet.put("HOSTNAME", "liqo-agent-5d8f7c9b6d-x2x7q");
    int authPort = freePort();
    int webhookPort = freePort();
    // The Deployment's args, on loopback: no kubeconfig, so the agent must use the service account.
    Container agent =
        Container.start(
            kubelet,
            "--auth-bind-address",
            "127.0.0.1",
            "--auth-port",
            String.valueOf(authPort),
            "--webhook-bind-address",
            "127.0.0.1",
            "--webhook-port",
            String.valueOf(webhookPort));
    try {
      AtomicReference<LiqoStatus> status = new AtomicReference<>();
      Awaitility.await("the agent in the image publishes its authentication service")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                if (!agent.process().isAlive()) {
                  fail(
                      "the agent stopped (exit %d):%n%s", agent.process().exitValue(), agent.log());
                }
                status.set(new LiqoInstaller(rome.client()).status());
                return status.get().agentAlive() && status.get().authUrl().isPresent();
              });
      assertThat(status.get().authUrl()).contains("https://127.0.0.1:" + authPort);
      assertThat(agent.log())
          .contains(
              "liqo-java agent " + VERSION + " starting for the cluster at " + apiServer + "/");

      // The kernel's view of the agent process: the image's user, no supplementary group.
      ProcessHandle java = agent.java();
      String processStatus =
          Files.readString(Path.of("/proc", String.valueOf(java.pid()), "status"));
      assertThat(processStatus)
          .containsPattern("(?m)^Uid:\\s+65532\\s+65532\\s+65532\\s+65532$")
          .containsPattern("(?m)^Gid:\\s+65532\\s+65532\\s+65532\\s+65532$")
          .containsPattern("(?m)^Groups:[ \t]*$");
      assertThat(Files.readString(Path.of("/proc", String.valueOf(java.pid()), "mountinfo")))
          .as("its root is read-only")
          .containsPattern("(?m)^\\d+ \\d+ \\S+ \\S+ / ro[ ,]");

      // The authentication service answers over TLS from the image's runtime.
      HttpResponse<String> ids =
          insecureHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(status.get().authUrl().get() + "/ids"))
                      .timeout(Duration.ofSeconds(30))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(ids.statusCode()).as("GET /ids: %s", ids.body()).isEqualTo(200);
      assertThat(ids.body()).contains(identity.clusterId());

      // The kubelet stops a container with SIGTERM to its process.
      java.destroy();
      assertThat(agent.process().waitFor(90, TimeUnit.SECONDS)).as("the agent stops").isTrue();
      assertThat(agent.process().exitValue()).as("exit code (SIGTERM)").isEqualTo(143);
      assertThat(agent.log()).contains("Stopping the agent", "Agent stopped");
    } finally {
      agent.kill();
    }
  }

  /** Writes the files the kubelet mounts for the pod's service account {@code liqo/liqo-agent}. */
  private static void mountServiceAccount(LocalCluster cluster) throws IOException {
    String token =
        cluster
            .client()
            .serviceAccounts()
            .inNamespace("liqo")
            .withName(AgentRbac.NAME)
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(3600L)
                    .endSpec()
                    .build())
            .getStatus()
            .getToken();
    Config admin = cluster.clientConfig();
    String ca =
        admin.getCaCertData() != null
            ? new String(Base64.getDecoder().decode(admin.getCaCertData()), StandardCharsets.UTF_8)
            : Files.readString(Path.of(admin.getCaCertFile()));
    Path directory = Files.createDirectories(ROOTFS.resolve(SERVICE_ACCOUNT_DIR));
    writeReadable(directory.resolve("token"), token);
    writeReadable(directory.resolve("ca.crt"), ca);
    writeReadable(directory.resolve("namespace"), "liqo");
  }

  /** A process started from the image, as a container. */
  private record Container(Process process, Path logFile) {

    static Container start(Map<String, String> extraEnvironment, String... args)
        throws IOException, InterruptedException {
      JsonNode container = config.get("config");
      List<String> command = new ArrayList<>(texts(container.get("Entrypoint")));
      command.addAll(texts(container.path("Cmd")));
      command.addAll(List.of(args));
      return run(extraEnvironment, command);
    }

    /** Runs {@code command} instead of the entrypoint, as {@code docker run --entrypoint}. */
    static Container run(Map<String, String> extraEnvironment, List<String> containerCommand)
        throws IOException, InterruptedException {
      prepareRuntimeFiles();
      JsonNode container = config.get("config");
      String[] user = container.get("User").asText().split(":");
      // Outside the container's namespaces but in a mount namespace of its own: the image's root
      // read-only, an empty writable /tmp; then the container's namespaces, root, user.
      String script =
          String.join(
              "\n",
              "set -e",
              "root=\"$1\"; shift",
              MOUNT + " --bind \"$root\" \"$root\"",
              MOUNT + " -o remount,bind,ro \"$root\"",
              MOUNT + " -t tmpfs -o mode=1777,nosuid,nodev tmpfs \"$root/tmp\"",
              "exec " + UNSHARE + " \"$@\"");
      List<String> command = new ArrayList<>();
      command.addAll(List.of(UNSHARE, "--mount", "--", SH, "-c", script, "sh", ROOTFS.toString()));
      command.addAll(
          List.of(
              "--uts",
              "--ipc",
              "--pid",
              "--fork",
              "--kill-child",
              "--mount-proc=/proc",
              "--root=" + ROOTFS,
              "--wd=" + container.get("WorkingDir").asText(),
              "--setgid=" + user[1],
              "--setuid=" + user[0],
              "--"));
      command.addAll(containerCommand);
      Path log = Files.createTempFile(WORK, "container", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().clear();
      builder.environment().putAll(environment());
      builder.environment().putAll(extraEnvironment);
      return new Container(builder.start(), log);
    }

    String log() throws IOException {
      return Files.readString(logFile, StandardCharsets.UTF_8);
    }

    /** The container's process: the only child of unshare, PID 1 of its namespace. */
    ProcessHandle java() {
      return process
          .children()
          .findFirst()
          .orElseThrow(() -> new AssertionError("unshare has no child process"));
    }

    void kill() {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private record Run(int exitCode, String output) {}

  private static Run runToCompletion(Map<String, String> environment, String... args)
      throws Exception {
    return completed(Container.start(environment, args), String.join(" ", args));
  }

  private static Run completed(Container container, String what) throws Exception {
    try {
      assertThat(container.process().waitFor(SHORT_RUN.toSeconds(), TimeUnit.SECONDS))
          .as("%s exits; output so far:%n%s", what, container.log())
          .isTrue();
      return new Run(container.process().exitValue(), container.log());
    } finally {
      container.kill();
    }
  }

  /**
   * What a container runtime and the kubelet put into a container's root: the device nodes runc
   * creates, /etc/hosts and /etc/hostname. Needs root, as the whole run does.
   */
  private static void prepareRuntimeFiles() throws IOException, InterruptedException {
    assumeRoot();
    Process help = new ProcessBuilder(UNSHARE, "--help").redirectErrorStream(true).start();
    assertThat(new String(help.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .as("unshare from util-linux 2.38 or later (--root, --wd, --setuid)")
        .contains("--root", "--wd", "--setuid");
    Path dev = Files.createDirectories(ROOTFS.resolve("dev"));
    Map<String, String> devices =
        Map.of("null", "1 3", "zero", "1 5", "full", "1 7", "random", "1 8", "urandom", "1 9");
    for (Map.Entry<String, String> device : devices.entrySet()) {
      Path node = dev.resolve(device.getKey());
      if (!Files.exists(node, LinkOption.NOFOLLOW_LINKS)) {
        String[] numbers = device.getValue().split(" ");
        exec("mknod", "-m", "666", node.toString(), "c", numbers[0], numbers[1]);
      }
    }
    writeReadable(ROOTFS.resolve("etc/hosts"), "127.0.0.1\tlocalhost\n::1\tlocalhost\n");
    writeReadable(ROOTFS.resolve("etc/hostname"), "liqo-agent\n");
  }

  private static void assumeRoot() {
    assumeThat(System.getProperty("user.name"))
        .as(
            "unpacking and running the image needs root (owners, namespaces, device nodes), as CI has")
        .isEqualTo("root");
  }

  private static Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    for (String entry : texts(config.at("/config/Env"))) {
      int equals = entry.indexOf('=');
      environment.put(entry.substring(0, equals), entry.substring(equals + 1));
    }
    return environment;
  }

  private static String uncompressedDigest(Path layer) throws IOException {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (InputStream raw = Files.newInputStream(layer);
        InputStream in = new DigestInputStream(maybeGunzip(raw, layer), sha256)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return "sha256:" + HexFormat.of().formatHex(sha256.digest());
  }

  private static InputStream maybeGunzip(InputStream raw, Path layer) throws IOException {
    return layer.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(node -> texts.add(node.asText()));
    }
    return texts;
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void writeReadable(Path file, String content) throws IOException {
    Files.writeString(file, content, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static HttpClient insecureHttpClient() throws Exception {
    TrustManager trustAll =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trustAll}, null);
    return HttpClient.newBuilder()
        .sslContext(context)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  private static String hostTool(String name) {
    return Stream.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")
        .map(directory -> Path.of(directory, name))
        .filter(Files::isExecutable)
        .findFirst()
        .map(Path::toString)
        .orElseThrow(() -> new IllegalStateException(name + " is missing (util-linux)"));
  }

  private static void exec(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
  }

  /** Never delete through a mount: a leaked /proc or /dev mount would take the host's files. */
  private static void refuseMountsBelow(Path directory) throws IOException {
    String prefix = directory.toAbsolutePath().normalize() + "/";
    Optional<String> mounted =
        Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
            .map(line -> line.split(" ")[4])
            .filter(point -> (point + "/").startsWith(prefix))
            .findFirst();
    if (mounted.isPresent()) {
      throw new IllegalStateException(
          mounted.get() + " is mounted: unmount it before the test deletes " + directory);
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
