package io.liqojava.core.virtualnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuotaSpec;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.consts.Finalizers;
import io.liqojava.api.consts.Taints;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.core.v1beta1.ForeignClusterSpec;
import io.liqojava.api.core.v1beta1.PeeringCondition;
import io.liqojava.api.core.v1beta1.PeeringConditionStatus;
import io.liqojava.api.core.v1beta1.PeeringConditionType;
import io.liqojava.api.core.v1beta1.PeeringEnabled;
import io.liqojava.api.offloading.v1beta1.VirtualNode;
import io.liqojava.api.offloading.v1beta1.VirtualNodeCondition;
import io.liqojava.api.offloading.v1beta1.VirtualNodeConditionStatus;
import io.liqojava.api.offloading.v1beta1.VirtualNodeConditionType;
import io.liqojava.api.offloading.v1beta1.VirtualNodeSpec;
import io.liqojava.core.crd.CrdInstaller;
import io.liqojava.core.peering.ForeignClusterConditions;
import io.liqojava.core.tenant.TenantNamespaces;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.junit.Cluster;
import io.liqojava.testing.junit.LocalClusters;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A consumer turns VirtualNode CRs into virtual Nodes that stand for the provider, follow the
 * health of its API server, and go away cleanly.
 */
@LocalClusters({"consumer", "provider"})
class VirtualNodesTest {

  private static final String PROVIDER_ID = "provider-5e7a11";
  private static final String SECRET = "liqo-identity";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Map<String, Quantity> GRANTED =
      Map.of(
          "cpu", new Quantity("2"),
          "memory", new Quantity("4Gi"),
          "pods", new Quantity("55"),
          "nvidia.com/gpu", new Quantity("1"));

  private static LocalCluster consumer;
  private static LocalCluster provider;
  private static KubernetesClient client;
  private static String tenant;
  private static VirtualNodes virtualNodes;

  @BeforeAll
  static void startVirtualNodes(
      @Cluster("consumer") LocalCluster consumerCluster,
      @Cluster("provider") LocalCluster providerCluster)
      throws IOException {
    consumer = consumerCluster;
    provider = providerCluster;
    client = consumer.client();
    new CrdInstaller(client).install();
    tenant = TenantNamespaces.ensure(client, PROVIDER_ID);
    client
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(SECRET)
                .withNamespace(tenant)
                .endMetadata()
                .addToStringData(
                    VirtualNodeReconciler.KUBECONFIG_KEY, Files.readString(provider.kubeconfig()))
                .addToStringData("clusterID", PROVIDER_ID)
                .build())
        .create();
    ForeignCluster fc = new ForeignCluster();
    fc.getMetadata().setName("provider");
    ForeignClusterSpec spec = new ForeignClusterSpec();
    spec.setClusterID(PROVIDER_ID);
    spec.setClusterName("provider");
    spec.setOutgoingPeeringEnabled(PeeringEnabled.YES);
    fc.setSpec(spec);
    client.resource(fc).create();
    virtualNodes =
        new VirtualNodes(
            client, VirtualNodesConfig.builder().drainTimeout(Duration.ofSeconds(3)).build());
    virtualNodes.start();
  }

  @AfterAll
  static void stopVirtualNodes() {
    if (virtualNodes != null) {
      virtualNodes.close();
    }
  }

  @Test
  void virtualNodeIsReadyWithTheProvidersLabelsTaintAndGrantedCapacity() {
    String name = "liqo-provider";
    createVirtualNode(name, SECRET);

    String line =
        await()
            .atMost(TIMEOUT)
            .until(
                () ->
                    nodeLine(
                        consumer.kubectl(
                            "get", "node", "--selector=liqo.io/type=virtual-node", "--show-labels"),
                        name),
                l -> l != null && l.contains(" Ready "));

    Matcher columns =
        Pattern.compile("^(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+\\S+\\s+(\\S+)\\s+(\\S+)$")
            .matcher(line.strip());
    assertThat(columns.matches()).as(line).isTrue();
    assertThat(columns.group(2)).isEqualTo("Ready");
    assertThat(columns.group(3)).isEqualTo("agent");
    assertThat(columns.group(4)).isEqualTo("v" + provider.kubernetesVersion());
    assertThat(columns.group(5).split(","))
        .contains(
            "liqo.io/type=virtual-node",
            "liqo.io/remote-cluster-id=" + PROVIDER_ID,
            "topology.liqo.io/region=south",
            "kubernetes.io/hostname=" + name,
            "kubernetes.io/os=linux",
            "kubernetes.io/arch=amd64",
            "kubernetes.io/role=agent",
            "type=virtual-kubelet");

    Node node = client.nodes().withName(name).get();
    assertThat(node.getSpec().getTaints()).contains(Taints.virtualNode());
    assertThat(node.getStatus().getCapacity()).containsAllEntriesOf(GRANTED).hasSize(4);
    assertThat(node.getStatus().getAllocatable()).containsAllEntriesOf(GRANTED).hasSize(4);
    assertThat(node.getStatus().getConditions())
        .extracting(NodeCondition::getType, NodeCondition::getStatus)
        .contains(
            org.assertj.core.groups.Tuple.tuple("Ready", "True"),
            org.assertj.core.groups.Tuple.tuple("MemoryPressure", "False"),
            org.assertj.core.groups.Tuple.tuple("DiskPressure", "False"),
            org.assertj.core.groups.Tuple.tuple("PIDPressure", "False"),
            org.assertj.core.groups.Tuple.tuple("NetworkUnavailable", "False"));

    Lease lease = lease(name);
    assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(name);
    assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(40);
    ZonedDateTime renewed = lease.getSpec().getRenewTime();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> lease(name).getSpec().getRenewTime().isAfter(renewed));
    // The lease is the heartbeat: a healthy virtual node's Node is not rewritten meanwhile.
    assertThat(client.nodes().withName(name).get().getMetadata().getResourceVersion())
        .isEqualTo(node.getMetadata().getResourceVersion());

    VirtualNode virtualNode = virtualNode(name);
    assertThat(virtualNode.getMetadata().getFinalizers()).contains(Finalizers.VIRTUAL_NODE);
    assertThat(condition(virtualNode, VirtualNodeConditionType.NODE).getStatus())
        .isEqualTo(VirtualNodeConditionStatus.RUNNING);
    assertThat(condition(virtualNode, VirtualNodeConditionType.VIRTUAL_KUBELET).getStatus())
        .isEqualTo(VirtualNodeConditionStatus.RUNNING);
    assertThat(apiServerStatus().getStatus()).isEqualTo(PeeringConditionStatus.ESTABLISHED);

    deleteAndAwaitGone(name);
  }

  @Test
  void providerOutageMakesTheNodeNotReadyUntilTheProviderReturns() {
    String name = "liqo-provider-outage";
    createVirtualNode(name, SECRET);
    await().atMost(TIMEOUT).until(() -> ready(name).filter("True"::equals).isPresent());

    provider.stopApiServer();
    try {
      NodeCondition notReady =
          await()
              .atMost(Duration.ofSeconds(25))
              .until(
                  () -> readyCondition(client.nodes().withName(name).get()),
                  c -> c != null && "False".equals(c.getStatus()));
      assertThat(notReady.getReason()).isEqualTo("RemoteApiServerUnreachable");
      assertThat(notReady.getMessage()).contains(provider.apiServerUrl());
      await()
          .atMost(TIMEOUT)
          .until(() -> apiServerStatus().getStatus() == PeeringConditionStatus.ERROR);
      assertThat(consumer.kubectl("get", "node", name)).containsPattern(name + "\\s+NotReady");

      ZonedDateTime lastRenewal = lease(name).getSpec().getRenewTime();
      await()
          .during(Duration.ofSeconds(12))
          .atMost(Duration.ofSeconds(15))
          .until(() -> lease(name).getSpec().getRenewTime().equals(lastRenewal));
    } finally {
      provider.startApiServer();
    }

    ZonedDateTime beforeRecovery = lease(name).getSpec().getRenewTime();
    await().atMost(TIMEOUT).until(() -> ready(name).filter("True"::equals).isPresent());
    await()
        .atMost(TIMEOUT)
        .until(() -> lease(name).getSpec().getRenewTime().isAfter(beforeRecovery));
    await()
        .atMost(TIMEOUT)
        .until(() -> apiServerStatus().getStatus() == PeeringConditionStatus.ESTABLISHED);

    deleteAndAwaitGone(name);
  }

  @Test
  void deletingTheVirtualNodeDrainsAndRemovesTheNodeAndItsLease() {
    String name = "liqo-provider-drain";
    createVirtualNode(name, SECRET);
    await().atMost(TIMEOUT).until(() -> ready(name).filter("True"::equals).isPresent());
    Pod pod = createPodOn(name, "drain-test");

    client.resources(VirtualNode.class).inNamespace(tenant).withName(name).delete();

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              assertThat(
                      client
                          .pods()
                          .inNamespace("drain-test")
                          .withName(pod.getMetadata().getName())
                          .get())
                  .isNull();
              assertThat(client.nodes().withName(name).get()).isNull();
              assertThat(lease(name)).isNull();
              assertThat(virtualNode(name)).isNull();
            });
  }

  @Test
  void deletionCompletesWhileTheProviderIsDown() {
    String name = "liqo-provider-gone";
    createVirtualNode(name, SECRET);
    await().atMost(TIMEOUT).until(() -> ready(name).filter("True"::equals).isPresent());
    Pod pod = createPodOn(name, "gone-test");

    provider.stopApiServer();
    try {
      client.resources(VirtualNode.class).inNamespace(tenant).withName(name).delete();

      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () -> {
                assertThat(
                        client
                            .pods()
                            .inNamespace("gone-test")
                            .withName(pod.getMetadata().getName())
                            .get())
                    .isNull();
                assertThat(client.nodes().withName(name).get()).isNull();
                assertThat(lease(name)).isNull();
                assertThat(virtualNode(name)).isNull();
              });
    } finally {
      provider.startApiServer();
    }
  }

  @Test
  void missingKubeconfigSecretIsReportedAndNoNodeIsCreated() {
    String name = "liqo-provider-nosecret";
    createVirtualNode(name, "no-such-secret");

    VirtualNodeCondition kubelet =
        await()
            .atMost(TIMEOUT)
            .until(
                () -> condition(virtualNode(name), VirtualNodeConditionType.VIRTUAL_KUBELET),
                c -> c != null);

    assertThat(kubelet.getStatus()).isEqualTo(VirtualNodeConditionStatus.CREATING);
    assertThat(kubelet.getMessage())
        .contains("Secret " + tenant + "/no-such-secret")
        .contains("kubeconfig");
    assertThat(client.nodes().withName(name).get()).isNull();

    deleteAndAwaitGone(name);
  }

  @Test
  void nodeOfTheSameNameThatIsNotOursIsLeftAlone() {
    String physical = consumer.nodeNames().get(0);
    createVirtualNode(physical, SECRET);

    VirtualNodeCondition node =
        await()
            .atMost(TIMEOUT)
            .until(
                () -> condition(virtualNode(physical), VirtualNodeConditionType.NODE),
                c -> c != null);
    assertThat(node.getReason()).isEqualTo("NodeNameConflict");

    deleteAndAwaitGone(physical);
    Node untouched = client.nodes().withName(physical).get();
    assertThat(untouched).isNotNull();
    assertThat(untouched.getSpec().getUnschedulable()).isNotEqualTo(Boolean.TRUE);
    assertThat(untouched.getMetadata().getLabels()).doesNotContainKey("liqo.io/type");
  }

  private static void createVirtualNode(String name, String secret) {
    VirtualNode virtualNode = new VirtualNode();
    virtualNode.getMetadata().setName(name);
    virtualNode.getMetadata().setNamespace(tenant);
    VirtualNodeSpec spec = new VirtualNodeSpec();
    spec.setClusterID(PROVIDER_ID);
    spec.setCreateNode(true);
    spec.setKubeconfigSecretRef(new LocalObjectReference(secret));
    spec.setResourceQuota(new ResourceQuotaSpec(GRANTED, null, null));
    spec.setLabels(Map.of("topology.liqo.io/region", "south"));
    virtualNode.setSpec(spec);
    client.resource(virtualNode).create();
  }

  private static Pod createPodOn(String node, String namespace) {
    client
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
        .serverSideApply();
    return client
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("offloaded")
                .withNamespace(namespace)
                .endMetadata()
                .withNewSpec()
                .withNodeName(node)
                .addToTolerations(Taints.virtualNodeToleration())
                .addNewContainer()
                .withName("app")
                .withImage("nginx")
                .endContainer()
                .endSpec()
                .build())
        .create();
  }

  private static void deleteAndAwaitGone(String name) {
    client
        .resources(VirtualNode.class)
        .inNamespace(tenant)
        .withName(name)
        .withTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
        .delete();
    await().atMost(TIMEOUT).until(() -> virtualNode(name) == null);
  }

  private static String nodeLine(String kubectlOutput, String name) {
    return kubectlOutput.lines().filter(l -> l.startsWith(name + " ")).findFirst().orElse(null);
  }

  private static Optional<String> ready(String name) {
    return Optional.ofNullable(readyCondition(client.nodes().withName(name).get()))
        .map(NodeCondition::getStatus);
  }

  private static NodeCondition readyCondition(Node node) {
    if (node == null || node.getStatus() == null) {
      return null;
    }
    return node.getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .findFirst()
        .orElse(null);
  }

  private static Lease lease(String name) {
    return client.leases().inNamespace("kube-node-lease").withName(name).get();
  }

  private static VirtualNode virtualNode(String name) {
    return client.resources(VirtualNode.class).inNamespace(tenant).withName(name).get();
  }

  private static VirtualNodeCondition condition(
      VirtualNode virtualNode, VirtualNodeConditionType type) {
    if (virtualNode == null) {
      return null;
    }
    return VirtualNodeConditions.find(virtualNode, type).orElse(null);
  }

  private static PeeringCondition apiServerStatus() {
    ForeignCluster fc = client.resources(ForeignCluster.class).withName("provider").get();
    return ForeignClusterConditions.find(fc, PeeringConditionType.API_SERVER_STATUS)
        .orElse(new PeeringCondition());
  }
}
