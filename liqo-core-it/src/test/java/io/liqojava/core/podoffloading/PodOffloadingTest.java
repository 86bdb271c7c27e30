package io.liqojava.core.podoffloading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeStatusBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.consts.Annotations;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.consts.Taints;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.api.offloading.v1beta1.ShadowPod;
import io.liqojava.api.offloading.v1beta1.ShadowPodStatus;
import io.liqojava.core.crd.CrdInstaller;
import io.liqojava.core.runtime.OptimisticUpdate;
import io.liqojava.core.virtualnode.ProviderLink;
import io.liqojava.net.spi.AddressRemapper;
import io.liqojava.reflection.spi.NamespacePair;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.junit.Cluster;
import io.liqojava.testing.junit.LocalClusters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pod offloading from consumer rome to provider milan, on real control planes. The test plays the
 * provider's part: it creates milan's pod from each ShadowPod (on milan's simulated node, which
 * runs it) and writes the ShadowPod's status.
 */
@LocalClusters({"rome", "milan"})
class PodOffloadingTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final ClusterIdentity ROME =
      ClusterIdentity.builder().clusterId("rome-aaaaaa").clusterName("rome").build();
  private static final ClusterIdentity MILAN =
      ClusterIdentity.builder().clusterId("milan-bbbbbb").clusterName("milan").build();
  private static final String VIRTUAL_NODE = "liqo-milan";
  private static final String VIRTUAL_NODE_IP = "10.200.0.7";

  /** Milan's pod network 10.244.0.0/16 seen from rome as 10.245.0.0/16. */
  private static final AddressRemapper REMAPPER =
      new AddressRemapper() {
        @Override
        public String localToRemote(String localAddress) {
          return localAddress.replaceFirst("^10\\.245\\.", "10.244.");
        }

        @Override
        public String remoteToLocal(String remoteAddress) {
          return remoteAddress.replaceFirst("^10\\.244\\.", "10.245.");
        }
      };

  private static LocalCluster milanCluster;
  private static KubernetesClient rome;
  private static KubernetesClient milan;
  private static KubernetesClient link;
  private static PodOffloading offloading;

  @BeforeAll
  static void start(@Cluster("rome") LocalCluster romeCluster, @Cluster("milan") LocalCluster m) {
    milanCluster = m;
    rome = romeCluster.client();
    milan = m.client();
    new CrdInstaller(milan).install();
    createVirtualNode();
    offloading = new PodOffloading(rome, ROME, REMAPPER, PodOffloadingConfig.defaults());
    connect();
  }

  @AfterAll
  static void stop() {
    if (offloading != null) {
      offloading.close();
    }
    if (link != null) {
      link.close();
    }
  }

  @Test
  void offloadsAPodAsAShadowPodMirrorsItsStatusAndDeletesIt() {
    NamespacePair pair = offload("shop");
    ServiceAccount reader = serviceAccount(pair.local(), "reader");
    Pod local = createLocalPod(pair.local(), "web", reader.getMetadata().getName());

    ShadowPod shadow = awaitShadowPod(pair, "web");
    assertThat(shadow.getMetadata().getLabels())
        .containsEntry("app", "web")
        .containsEntry(Labels.REFLECTION_ORIGIN, ROME.clusterId())
        .containsEntry(Labels.REFLECTION_DESTINATION, MILAN.clusterId());
    assertThat(shadow.getMetadata().getAnnotations())
        .containsEntry("team", "payments")
        .containsEntry(Annotations.REFLECTION_SOURCE, "web");
    PodSpec spec = shadow.getSpec().getPod();
    assertThat(spec.getNodeName()).isNull();
    assertThat(spec.getNodeSelector()).isNullOrEmpty();
    assertThat(spec.getAffinity()).isNull();
    assertThat(spec.getSchedulerName()).isNull();
    assertThat(spec.getTolerations()).isNullOrEmpty();
    assertThat(spec.getTopologySpreadConstraints()).isNullOrEmpty();
    assertThat(spec.getPriority()).isNull();
    assertThat(spec.getHostNetwork()).isFalse();
    assertThat(spec.getHostPID()).isFalse();
    assertThat(spec.getHostIPC()).isFalse();
    assertThat(spec.getServiceAccountName()).isNull();
    assertThat(spec.getServiceAccount()).isNull();
    assertThat(spec.getAutomountServiceAccountToken()).isFalse();
    assertThat(spec.getVolumes())
        .as("the local token volume reader-token-* is replaced")
        .extracting(Volume::getName)
        .containsExactlyInAnyOrder("data", ShadowPodForge.TOKEN_VOLUME);
    Volume token =
        spec.getVolumes().stream()
            .filter(v -> v.getName().equals(ShadowPodForge.TOKEN_VOLUME))
            .findFirst()
            .orElseThrow();
    assertThat(token.getProjected().getSources())
        .filteredOn(source -> source.getSecret() != null)
        .singleElement()
        .satisfies(s -> assertThat(s.getSecret().getName()).isEqualTo("liqo-token-web"));
    assertThat(token.getProjected().getSources())
        .filteredOn(source -> source.getConfigMap() != null)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getConfigMap().getName())
                  .isEqualTo("kube-root-ca.crt." + ROME.clusterId());
              assertThat(s.getConfigMap().getOptional()).isTrue();
            });
    Stream.concat(spec.getInitContainers().stream(), spec.getContainers().stream())
        .forEach(
            container -> {
              assertThat(container.getVolumeMounts())
                  .anySatisfy(
                      m -> {
                        assertThat(m.getName()).isEqualTo(ShadowPodForge.TOKEN_VOLUME);
                        assertThat(m.getMountPath())
                            .isEqualTo("/var/run/secrets/kubernetes.io/serviceaccount");
                        assertThat(m.getReadOnly()).isTrue();
                      })
                  .noneSatisfy(m -> assertThat(m.getName()).startsWith("reader-token-"));
              assertThat(container.getEnv())
                  .contains(
                      new EnvVar("KUBERNETES_SERVICE_HOST", "127.0.0.1", null),
                      new EnvVar(
                          "KUBERNETES_SERVICE_PORT",
                          Integer.toString(rome.getMasterUrl().getPort()),
                          null));
            });

    Secret secret =
        await()
            .atMost(TIMEOUT)
            .until(
                () -> milan.secrets().inNamespace(pair.remote()).withName("liqo-token-web").get(),
                s -> s != null);
    assertThat(secret.getMetadata().getLabels())
        .containsEntry(Labels.REFLECTION_ORIGIN, ROME.clusterId())
        .containsEntry(Labels.REFLECTION_DESTINATION, MILAN.clusterId())
        .doesNotContainKey(Labels.MANAGED_BY);
    assertThat(secret.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            owner -> {
              assertThat(owner.getKind()).isEqualTo("ShadowPod");
              assertThat(owner.getUid()).isEqualTo(shadow.getMetadata().getUid());
            });
    assertThat(decode(secret, "namespace")).isEqualTo(pair.local());
    TokenReview review =
        rome.authentication()
            .v1()
            .tokenReviews()
            .create(
                new TokenReviewBuilder()
                    .withNewSpec()
                    .withToken(decode(secret, "token"))
                    .endSpec()
                    .build());
    assertThat(review.getStatus().getAuthenticated())
        .as("the token authenticates against the origin API server")
        .isTrue();
    assertThat(review.getStatus().getUser().getUsername())
        .isEqualTo("system:serviceaccount:shop:reader");

    Pod remote = runRemotePod(pair, "web", 2);
    Pod running = awaitLocalRunning(pair.local(), "web");
    String remoteIp = remote.getStatus().getPodIP();
    assertThat(remoteIp).startsWith("10.244.");
    assertThat(running.getStatus().getPodIP()).isEqualTo(REMAPPER.remoteToLocal(remoteIp));
    assertThat(running.getStatus().getPodIPs())
        .singleElement()
        .satisfies(ip -> assertThat(ip.getIp()).isEqualTo(REMAPPER.remoteToLocal(remoteIp)));
    assertThat(running.getStatus().getHostIP()).isEqualTo(VIRTUAL_NODE_IP);
    assertThat(running.getStatus().getStartTime()).isEqualTo(remote.getStatus().getStartTime());
    assertThat(running.getStatus().getContainerStatuses())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getName()).isEqualTo("app");
              assertThat(c.getRestartCount()).as("restarts + ShadowPod re-creations").isEqualTo(2);
            });
    assertThat(running.getStatus().getInitContainerStatuses())
        .extracting(ContainerStatus::getName)
        .containsExactly("init");

    rome.pods().inNamespace(pair.local()).withName("web").delete();
    await("ShadowPod deleted").atMost(TIMEOUT).until(() -> shadowPod(pair, "web") == null);
    await("local pod gone")
        .atMost(TIMEOUT)
        .until(() -> rome.pods().inNamespace(pair.local()).withName("web").get() == null);
    assertThat(local.getMetadata().getUid()).isNotNull();
  }

  @Test
  void aPodOfANamespaceThatIsNotOffloadedBacksOff() {
    String namespace = namespace(rome, "plain");
    createLocalPod(namespace, "stray", null);
    Pod pending =
        await()
            .atMost(TIMEOUT)
            .until(
                () -> rome.pods().inNamespace(namespace).withName("stray").get(),
                p ->
                    p.getStatus() != null
                        && PodOffloading.OFFLOADING_BACK_OFF.equals(p.getStatus().getReason()));
    assertThat(pending.getStatus().getPhase()).isEqualTo("Pending");
    assertThat(pending.getStatus().getMessage())
        .contains("namespace plain is not offloaded to cluster milan")
        .contains("liqo.io/type NotIn (virtual-node)");

    rome.pods().inNamespace(namespace).withName("stray").delete();
    await("deleting pod forced out")
        .atMost(TIMEOUT)
        .until(() -> rome.pods().inNamespace(namespace).withName("stray").get() == null);
  }

  @Test
  void anOrphanShadowPodIsDeletedWhenItsPairStarts() {
    NamespacePair pair = NamespacePair.of("orphans", "orphans-rome");
    namespace(rome, pair.local());
    namespace(milan, pair.remote());
    milan.resource(shadowPodNamed(pair.remote(), "ghost", ROME.clusterId())).create();
    milan.resource(shadowPodNamed(pair.remote(), "foreign", null)).create();

    offloading.offloaded(MILAN.clusterId(), pair);

    await("orphan deleted").atMost(TIMEOUT).until(() -> shadowPod(pair, "ghost") == null);
    assertThat(shadowPod(pair, "foreign")).as("a ShadowPod not made by rome").isNotNull();
  }

  @Test
  void whileDisconnectedTheLocalStatusStaysAndAfterReconnectingItConverges() throws Exception {
    NamespacePair pair = offload("resilient");
    createLocalPod(pair.local(), "api", null);
    awaitShadowPod(pair, "api");
    runRemotePod(pair, "api", 0);
    Pod running = awaitLocalRunning(pair.local(), "api");
    assertThat(running.getStatus().getContainerStatuses().get(0).getRestartCount()).isZero();

    offloading.disconnected(MILAN.clusterId());
    link.close();
    link = null;
    setRecreations(pair, "api", 3);
    Thread.sleep(3_000);
    Pod meanwhile = rome.pods().inNamespace(pair.local()).withName("api").get();
    assertThat(meanwhile.getStatus())
        .as("untouched while disconnected")
        .isEqualTo(running.getStatus());

    connect();
    await("status converges after reconnecting")
        .atMost(TIMEOUT)
        .until(
            () -> rome.pods().inNamespace(pair.local()).withName("api").get(),
            p -> p.getStatus().getContainerStatuses().get(0).getRestartCount() == 3);
  }

  // --- the consumer's surroundings ---

  private static void connect() {
    link = milanCluster.newClient();
    offloading.connected(new ProviderLink(MILAN, VIRTUAL_NODE, link));
  }

  private static void createVirtualNode() {
    Node node =
        new NodeBuilder()
            .withNewMetadata()
            .withName(VIRTUAL_NODE)
            .addToLabels(Labels.TYPE, Labels.TYPE_VIRTUAL_NODE)
            .addToLabels(Labels.REMOTE_CLUSTER_ID, MILAN.clusterId())
            .endMetadata()
            .withNewSpec()
            .withTaints(Taints.virtualNode())
            .endSpec()
            .build();
    Node created = rome.nodes().resource(node).create();
    // read-modify-write with retries: the node lifecycle controller writes the status too
    OptimisticUpdate.updateStatus(
        rome,
        created,
        n -> {
          n.setStatus(
              new NodeStatusBuilder()
                  .addNewAddress()
                  .withType("InternalIP")
                  .withAddress(VIRTUAL_NODE_IP)
                  .endAddress()
                  .build());
          return true;
        });
  }

  /** Twin namespaces for {@code name}, told to pod offloading as the namespace controller would. */
  private static NamespacePair offload(String name) {
    NamespacePair pair = NamespacePair.of(name, name + "-rome");
    namespace(rome, pair.local());
    namespace(milan, pair.remote());
    offloading.offloaded(MILAN.clusterId(), pair);
    return pair;
  }

  /** Creates a namespace and waits for its default ServiceAccount (and its token Secret). */
  private static String namespace(KubernetesClient client, String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .create();
    serviceAccountReady(client, name, "default");
    return name;
  }

  private static ServiceAccount serviceAccount(String namespace, String name) {
    rome.serviceAccounts()
        .inNamespace(namespace)
        .resource(
            new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .build())
        .create();
    return serviceAccountReady(rome, namespace, name);
  }

  private static ServiceAccount serviceAccountReady(
      KubernetesClient client, String namespace, String name) {
    return await()
        .atMost(TIMEOUT)
        .until(
            () -> client.serviceAccounts().inNamespace(namespace).withName(name).get(),
            sa -> sa != null && !sa.getSecrets().isEmpty());
  }

  /** A pod bound to the virtual node, with everything pod offloading must strip or replace. */
  private static Pod createLocalPod(String namespace, String name, String serviceAccount) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .addToLabels("app", name)
            .addToAnnotations("team", "payments")
            .endMetadata()
            .withNewSpec()
            .withNodeName(VIRTUAL_NODE)
            .withServiceAccountName(serviceAccount)
            .withSchedulerName("custom-scheduler")
            .addToNodeSelector("disk", "ssd")
            .withNewAffinity()
            .withNewNodeAffinity()
            .withNewRequiredDuringSchedulingIgnoredDuringExecution()
            .addNewNodeSelectorTerm()
            .addNewMatchExpression()
            .withKey(Labels.TYPE)
            .withOperator("In")
            .withValues(Labels.TYPE_VIRTUAL_NODE)
            .endMatchExpression()
            .endNodeSelectorTerm()
            .endRequiredDuringSchedulingIgnoredDuringExecution()
            .endNodeAffinity()
            .endAffinity()
            .addNewToleration()
            .withOperator("Exists")
            .endToleration()
            .addNewTopologySpreadConstraint()
            .withMaxSkew(1)
            .withTopologyKey("kubernetes.io/hostname")
            .withWhenUnsatisfiable("ScheduleAnyway")
            .endTopologySpreadConstraint()
            .withHostNetwork(true)
            .withHostPID(true)
            .addNewVolume()
            .withName("data")
            .withNewEmptyDir()
            .endEmptyDir()
            .endVolume()
            .addNewInitContainer()
            .withName("init")
            .withImage("busybox:1.36")
            .endInitContainer()
            .addNewContainer()
            .withName("app")
            .withImage("nginx:1.25")
            .addNewVolumeMount()
            .withName("data")
            .withMountPath("/data")
            .endVolumeMount()
            .endContainer()
            .endSpec()
            .build();
    return rome.pods().inNamespace(namespace).resource(pod).create();
  }

  // --- the provider's part, played by the test ---

  private static ShadowPod awaitShadowPod(NamespacePair pair, String name) {
    return await("ShadowPod " + name)
        .atMost(TIMEOUT)
        .until(() -> shadowPod(pair, name), s -> s != null);
  }

  private static ShadowPod shadowPod(NamespacePair pair, String name) {
    return milan.resources(ShadowPod.class).inNamespace(pair.remote()).withName(name).get();
  }

  /**
   * What the provider does: the pod of the ShadowPod on milan's node (which runs it), and the
   * ShadowPod's status; returns the remote pod once Running.
   */
  private static Pod runRemotePod(NamespacePair pair, String name, int recreations) {
    ShadowPod shadow = shadowPod(pair, name);
    PodSpec spec = shadow.getSpec().getPod();
    spec.setNodeName(milanCluster.nodeNames().get(0));
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(pair.remote())
            .withLabels(shadow.getMetadata().getLabels())
            .addToLabels(Labels.MANAGED_BY, Labels.MANAGED_BY_SHADOW_POD)
            .withAnnotations(shadow.getMetadata().getAnnotations())
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion(shadow.getApiVersion())
                    .withKind(shadow.getKind())
                    .withName(name)
                    .withUid(shadow.getMetadata().getUid())
                    .withController(true)
                    .build())
            .endMetadata()
            .withSpec(spec)
            .build();
    milan.pods().inNamespace(pair.remote()).resource(pod).create();
    setRecreations(pair, name, recreations);
    return await("remote pod running")
        .atMost(TIMEOUT)
        .until(
            () -> milan.pods().inNamespace(pair.remote()).withName(name).get(),
            p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase()));
  }

  private static void setRecreations(NamespacePair pair, String name, int recreations) {
    milan
        .resources(ShadowPod.class)
        .inNamespace(pair.remote())
        .withName(name)
        .editStatus(
            s -> {
              ShadowPodStatus status =
                  s.getStatus() == null ? new ShadowPodStatus() : s.getStatus();
              status.setPodRecreations(recreations);
              s.setStatus(status);
              return s;
            });
  }

  private static ShadowPod shadowPodNamed(String namespace, String name, String origin) {
    ShadowPod shadow = new ShadowPod();
    shadow.getMetadata().setName(name);
    shadow.getMetadata().setNamespace(namespace);
    if (origin != null) {
      shadow.getMetadata().setLabels(Map.of(Labels.REFLECTION_ORIGIN, origin));
    }
    io.liqojava.api.offloading.v1beta1.ShadowPodSpec spec =
        new io.liqojava.api.offloading.v1beta1.ShadowPodSpec();
    spec.setPod(
        new io.fabric8.kubernetes.api.model.PodSpecBuilder()
            .addNewContainer()
            .withName("app")
            .withImage("nginx")
            .endContainer()
            .build());
    shadow.setSpec(spec);
    return shadow;
  }

  private static Pod awaitLocalRunning(String namespace, String name) {
    return await("local pod " + name + " Running")
        .atMost(TIMEOUT)
        .until(
            () -> rome.pods().inNamespace(namespace).withName(name).get(),
            p ->
                p.getStatus() != null
                    && "Running".equals(p.getStatus().getPhase())
                    && p.getStatus().getConditions().stream()
                        .anyMatch(
                            c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())));
  }

  private static String decode(Secret secret, String key) {
    return new String(
        Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
  }
}
