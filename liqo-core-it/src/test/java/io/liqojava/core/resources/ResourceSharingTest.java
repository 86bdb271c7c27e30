package io.liqojava.core.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.authentication.v1beta1.ResourceSlice;
import io.liqojava.api.authentication.v1beta1.ResourceSliceCondition;
import io.liqojava.api.authentication.v1beta1.ResourceSliceConditionStatus;
import io.liqojava.api.authentication.v1beta1.ResourceSliceConditionType;
import io.liqojava.api.authentication.v1beta1.ResourceSliceSpec;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.core.v1beta1.ForeignClusterSpec;
import io.liqojava.api.core.v1beta1.PeeringCondition;
import io.liqojava.api.core.v1beta1.PeeringConditionStatus;
import io.liqojava.api.core.v1beta1.PeeringConditionType;
import io.liqojava.api.core.v1beta1.PeeringEnabled;
import io.liqojava.core.crd.CrdInstaller;
import io.liqojava.core.peering.ForeignClusterConditions;
import io.liqojava.core.tenant.TenantNamespaces;
import io.liqojava.testing.ClusterSpec;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.NodeSpec;
import io.liqojava.testing.TestBed;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A provider answers ResourceSlices with a share of its physical nodes: two simulated workers (one
 * with 2 GPUs), plus a cordoned node and a virtual node that must not count.
 */
class ResourceSharingTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String PROVIDER_ID = "provider-0a1b2c";

  private static TestBed bed;
  private static LocalCluster provider;
  private static KubernetesClient client;
  private static ResourceSharing sharing;

  @BeforeAll
  static void startProviderWithResourceSharing() {
    bed =
        TestBed.builder()
            .cluster(
                ClusterSpec.builder()
                    .name("provider")
                    .addNodes(
                        NodeSpec.defaults(),
                        NodeSpec.builder().putExtendedResources("nvidia.com/gpu", "2").build())
                    .build())
            .start();
    provider = bed.cluster("provider");
    client = provider.client();
    new CrdInstaller(client).install();
    registerNode("cordoned-node", true, Map.of());
    registerNode("liqo-elsewhere", false, Map.of(Labels.TYPE, Labels.TYPE_VIRTUAL_NODE));
    sharing =
        new ResourceSharing(client, ResourceSharingConfig.builder().clusterId(PROVIDER_ID).build());
    sharing.start();
  }

  @AfterAll
  static void stop() {
    if (sharing != null) {
      sharing.close();
    }
    if (bed != null) {
      bed.close();
    }
  }

  @Test
  void sliceWithoutRequestGetsHalfOfThePhysicalNodesAndIncomingPeeringIsEstablished() {
    String consumer = "rome-000001";
    ForeignCluster fc = foreignCluster("rome", consumer);
    String namespace = createSlice(consumer, Map.of());

    ResourceSlice slice =
        awaitResources(namespace, consumer, ResourceSliceConditionStatus.ACCEPTED);

    assertThat(slice.getStatus().getResources())
        .containsOnly(
            Map.entry("cpu", new Quantity("4")),
            Map.entry("memory", new Quantity("8Gi")),
            Map.entry("pods", new Quantity("110")),
            Map.entry("nvidia.com/gpu", new Quantity("1")));
    assertThat(condition(slice, ResourceSliceConditionType.AUTHENTICATION).getStatus())
        .isEqualTo(ResourceSliceConditionStatus.ACCEPTED);
    assertThat(condition(slice, ResourceSliceConditionType.RESOURCES).getLastTransitionTime())
        .isNotBlank();
    assertThat(provider.kubectl("get", "resourceslices", "-n", namespace))
        .containsPattern(consumer + "\\s+Accepted\\s+Accepted");
    PeeringCondition incoming = awaitIncoming(fc, PeeringConditionStatus.ESTABLISHED);
    assertThat(incoming.getMessage()).contains("cpu=4", "memory=8Gi", "nvidia.com/gpu=1");
  }

  @Test
  void requestThatFitsIsGrantedAsAsked() {
    String consumer = "milan-000002";
    foreignCluster("milan", consumer);
    Map<String, Quantity> request =
        Map.of(
            "cpu", new Quantity("1500m"),
            "memory", new Quantity("2Gi"),
            "pods", new Quantity("20"),
            "nvidia.com/gpu", new Quantity("1"));
    String namespace = createSlice(consumer, request);

    ResourceSlice slice =
        awaitResources(namespace, consumer, ResourceSliceConditionStatus.ACCEPTED);

    assertThat(slice.getStatus().getResources()).isEqualTo(request);
  }

  @Test
  void requestBeyondTheShareIsDeniedWithWhatIsAvailable() {
    String consumer = "turin-000003";
    ForeignCluster fc = foreignCluster("turin", consumer);
    String namespace =
        createSlice(
            consumer, Map.of("cpu", new Quantity("10"), "nvidia.com/gpu", new Quantity("2")));

    ResourceSlice slice = awaitResources(namespace, consumer, ResourceSliceConditionStatus.DENIED);

    ResourceSliceCondition resources = condition(slice, ResourceSliceConditionType.RESOURCES);
    assertThat(resources.getReason()).isEqualTo("InsufficientResources");
    assertThat(resources.getMessage())
        .contains("cpu: asked 10, available 4")
        .contains("nvidia.com/gpu: asked 2, available 1");
    assertThat(slice.getStatus().getResources()).isNull();
    assertThat(awaitIncoming(fc, PeeringConditionStatus.DENIED).getMessage())
        .contains("cpu: asked 10, available 4");
  }

  @Test
  void defaultGrantFollowsTheNodesWhileExplicitGrantsStand() {
    String consumer = "naples-000004";
    String namespace = createSlice(consumer, Map.of());
    awaitResources(namespace, consumer, ResourceSliceConditionStatus.ACCEPTED);
    String explicit = "bologna-000009";
    String explicitNamespace = createSlice(explicit, Map.of("nvidia.com/gpu", new Quantity("1")));
    awaitResources(explicitNamespace, explicit, ResourceSliceConditionStatus.ACCEPTED);
    String gpuNode = provider.nodeNames().get(1);

    provider.kubectl("cordon", gpuNode);
    try {
      await()
          .atMost(TIMEOUT)
          .untilAsserted(
              () ->
                  assertThat(slice(namespace, consumer).getStatus().getResources())
                      .containsOnly(
                          Map.entry("cpu", new Quantity("2")),
                          Map.entry("memory", new Quantity("4Gi")),
                          Map.entry("pods", new Quantity("55"))));
      ResourceSlice stillGranted = slice(explicitNamespace, explicit);
      assertThat(condition(stillGranted, ResourceSliceConditionType.RESOURCES).getStatus())
          .isEqualTo(ResourceSliceConditionStatus.ACCEPTED);
      assertThat(stillGranted.getStatus().getResources())
          .containsOnly(Map.entry("nvidia.com/gpu", new Quantity("1")));
    } finally {
      provider.kubectl("uncordon", gpuNode);
    }
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(slice(namespace, consumer).getStatus().getResources())
                    .containsEntry("nvidia.com/gpu", new Quantity("1")));
  }

  @Test
  void answeredSliceIsNotWrittenAgainWhenNothingChanged() throws InterruptedException {
    String consumer = "genoa-000005";
    ForeignCluster fc = foreignCluster("genoa", consumer);
    String namespace = createSlice(consumer, Map.of());
    awaitResources(namespace, consumer, ResourceSliceConditionStatus.ACCEPTED);
    awaitIncoming(fc, PeeringConditionStatus.ESTABLISHED);
    String version = slice(namespace, consumer).getMetadata().getResourceVersion();

    // Changes of the ForeignCluster reconcile the slice again.
    client
        .resources(ForeignCluster.class)
        .withName("genoa")
        .edit(
            f -> {
              f.getMetadata().getLabels().put("touched", "yes");
              return f;
            });
    Thread.sleep(2000);

    assertThat(slice(namespace, consumer).getMetadata().getResourceVersion()).isEqualTo(version);
  }

  @Test
  void deletedSliceEndsTheIncomingPeering() {
    String consumer = "venice-000006";
    ForeignCluster fc = foreignCluster("venice", consumer);
    String namespace = createSlice(consumer, Map.of());
    awaitIncoming(fc, PeeringConditionStatus.ESTABLISHED);

    client.resources(ResourceSlice.class).inNamespace(namespace).withName(consumer).delete();

    assertThat(awaitIncoming(fc, PeeringConditionStatus.NONE).getReason())
        .isEqualTo("NoResourceSlice");
  }

  @Test
  void sliceClaimingAnotherConsumerIsDenied() {
    String consumer = "bari-000007";
    String namespace = TenantNamespaces.ensure(client, consumer);
    ResourceSlice slice = new ResourceSlice();
    slice.getMetadata().setName("impostor");
    slice.getMetadata().setNamespace(namespace);
    ResourceSliceSpec spec = new ResourceSliceSpec();
    spec.setConsumerClusterID("rome-000001");
    spec.setProviderClusterID(PROVIDER_ID);
    slice.setSpec(spec);
    client.resource(slice).create();

    ResourceSlice answered =
        awaitResources(namespace, "impostor", ResourceSliceConditionStatus.DENIED);

    assertThat(condition(answered, ResourceSliceConditionType.AUTHENTICATION).getStatus())
        .isEqualTo(ResourceSliceConditionStatus.DENIED);
    assertThat(condition(answered, ResourceSliceConditionType.RESOURCES).getMessage())
        .contains(
            "spec.consumerClusterID 'rome-000001' does not match tenant namespace " + namespace);
  }

  @Test
  void sliceOfAClusterWhoseIncomingPeeringIsDisabledIsDenied() {
    String consumer = "trento-000008";
    ForeignCluster fc = foreignCluster("trento", consumer);
    client
        .resources(ForeignCluster.class)
        .withName("trento")
        .edit(
            f -> {
              f.getSpec().setIncomingPeeringEnabled(PeeringEnabled.NO);
              return f;
            });
    String namespace = createSlice(consumer, Map.of());

    ResourceSlice slice = awaitResources(namespace, consumer, ResourceSliceConditionStatus.DENIED);

    assertThat(condition(slice, ResourceSliceConditionType.RESOURCES).getMessage())
        .contains("incoming peering from cluster " + consumer + " is disabled");
    awaitIncoming(fc, PeeringConditionStatus.DENIED);
  }

  private static String createSlice(String consumer, Map<String, Quantity> request) {
    String namespace = TenantNamespaces.ensure(client, consumer);
    ResourceSlice slice = new ResourceSlice();
    slice.getMetadata().setName(consumer);
    slice.getMetadata().setNamespace(namespace);
    ResourceSliceSpec spec = new ResourceSliceSpec();
    spec.setConsumerClusterID(consumer);
    spec.setProviderClusterID(PROVIDER_ID);
    if (!request.isEmpty()) {
      spec.setResources(request);
    }
    slice.setSpec(spec);
    client.resource(slice).create();
    return namespace;
  }

  private static ResourceSlice slice(String namespace, String name) {
    return client.resources(ResourceSlice.class).inNamespace(namespace).withName(name).get();
  }

  private static ResourceSlice awaitResources(
      String namespace, String name, ResourceSliceConditionStatus status) {
    return await()
        .atMost(TIMEOUT)
        .until(
            () -> slice(namespace, name),
            s -> {
              ResourceSliceCondition c = condition(s, ResourceSliceConditionType.RESOURCES);
              return c != null && c.getStatus() == status;
            });
  }

  private static ResourceSliceCondition condition(
      ResourceSlice slice, ResourceSliceConditionType type) {
    if (slice == null || slice.getStatus() == null || slice.getStatus().getConditions() == null) {
      return null;
    }
    return slice.getStatus().getConditions().stream()
        .filter(c -> c.getType() == type)
        .findFirst()
        .orElse(null);
  }

  private static ForeignCluster foreignCluster(String name, String clusterId) {
    ForeignCluster fc = new ForeignCluster();
    fc.getMetadata().setName(name);
    fc.getMetadata()
        .setLabels(new java.util.HashMap<>(Map.of(Labels.REMOTE_CLUSTER_ID, clusterId)));
    ForeignClusterSpec spec = new ForeignClusterSpec();
    spec.setClusterID(clusterId);
    spec.setClusterName(name);
    spec.setOutgoingPeeringEnabled(PeeringEnabled.NO);
    spec.setIncomingPeeringEnabled(PeeringEnabled.AUTO);
    fc.setSpec(spec);
    return client.resource(fc).create();
  }

  private static PeeringCondition awaitIncoming(ForeignCluster fc, PeeringConditionStatus status) {
    return await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              ForeignCluster current =
                  client.resources(ForeignCluster.class).withName(fc.getMetadata().getName()).get();
              Optional<PeeringCondition> c =
                  ForeignClusterConditions.find(current, PeeringConditionType.INCOMING_PEERING);
              return c.filter(x -> x.getStatus() == status).orElse(null);
            },
            c -> c != null);
  }

  /** A node that is no simulated worker: it never runs pods, it only shows in the node list. */
  private static void registerNode(String name, boolean unschedulable, Map<String, String> labels) {
    Map<String, Quantity> resources =
        Map.of(
            "cpu", new Quantity("64"),
            "memory", new Quantity("256Gi"),
            "pods", new Quantity("500"),
            "nvidia.com/gpu", new Quantity("8"));
    client
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .withNewSpec()
                .withUnschedulable(unschedulable)
                .endSpec()
                .withNewStatus()
                .withCapacity(resources)
                .withAllocatable(resources)
                .endStatus()
                .build())
        .create();
  }
}
