package io.liqojava.core.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.liqojava.api.consts.Labels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a provider's share is computed from its nodes, and how requests are answered. */
class ResourceShareTest {

  private static final Node WORKER = node("worker", false, Map.of(), "4", "8Gi", "110");
  private static final Node GPU_WORKER =
      node("gpu-worker", false, Map.of(), "4", "8Gi", "110", "nvidia.com/gpu", "2");
  private static final Node CORDONED = node("cordoned", true, Map.of(), "64", "256Gi", "110");
  private static final Node VIRTUAL =
      node(
          "liqo-rome",
          false,
          Map.of(Labels.TYPE, Labels.TYPE_VIRTUAL_NODE),
          "100",
          "1Ti",
          "500",
          "nvidia.com/gpu",
          "8");

  @Test
  void shareIsThePercentageOfPhysicalSchedulableNodes() {
    ResourceShare share = ResourceShare.of(List.of(WORKER, GPU_WORKER, CORDONED, VIRTUAL), 50);

    assertThat(share.available())
        .containsOnly(
            Map.entry("cpu", new Quantity("4")),
            Map.entry("memory", new Quantity("8Gi")),
            Map.entry("pods", new Quantity("110")),
            Map.entry("nvidia.com/gpu", new Quantity("1")));
    assertThat(share.nodes()).isEqualTo(2);
  }

  @Test
  void shareIsRoundedDownToReadableQuantities() {
    ResourceShare share = ResourceShare.of(List.of(WORKER), 30);

    assertThat(share.available().get("cpu")).hasToString("1200m");
    assertThat(share.available().get("memory").getNumericalAmount())
        .isEqualByComparingTo(
            new Quantity("8Gi")
                .getNumericalAmount()
                .multiply(new java.math.BigDecimal("0.3"))
                .setScale(0, java.math.RoundingMode.FLOOR));
    assertThat(share.available().get("pods")).hasToString("33");
    assertThat(ResourceShare.of(List.of(WORKER), 50).available().get("memory")).hasToString("4Gi");
  }

  @Test
  void onlyCpuMemoryPodsAndExtendedResourcesAreShared() {
    assertThat(ResourceShare.isShared("cpu")).isTrue();
    assertThat(ResourceShare.isShared("nvidia.com/gpu")).isTrue();
    assertThat(ResourceShare.isShared("ephemeral-storage")).isFalse();
    assertThat(ResourceShare.isShared("hugepages-2Mi")).isFalse();
    assertThat(ResourceShare.isShared("kubernetes.io/batch")).isFalse();
    assertThat(ResourceShare.isShared("attachable-volumes-aws-ebs")).isFalse();
  }

  @Test
  void emptyRequestGetsTheWholeShare() {
    ResourceShare share = ResourceShare.of(List.of(WORKER), 50);

    ResourceShare.Decision decision = share.decide(Map.of());

    assertThat(decision.accepted()).isTrue();
    assertThat(decision.granted()).isEqualTo(share.available());
    assertThat(decision.message()).contains("cpu=2", "memory=4Gi", "pods=55", "50%");
  }

  @Test
  void explicitRequestWithinTheShareIsGrantedAsAsked() {
    ResourceShare share = ResourceShare.of(List.of(WORKER, GPU_WORKER), 50);
    Map<String, Quantity> request =
        Map.of(
            "cpu",
            new Quantity("1500m"),
            "memory",
            new Quantity("2Gi"),
            "nvidia.com/gpu",
            new Quantity("1"));

    ResourceShare.Decision decision = share.decide(request);

    assertThat(decision.accepted()).isTrue();
    assertThat(decision.granted()).isEqualTo(request);
    assertThat(decision.reason()).isEqualTo(ResourceShare.RESOURCES_GRANTED);
  }

  @Test
  void requestBeyondTheShareIsDeniedNamingEachResource() {
    ResourceShare share = ResourceShare.of(List.of(WORKER), 50);

    ResourceShare.Decision decision =
        share.decide(
            Map.of(
                "cpu", new Quantity("10"),
                "memory", new Quantity("1Gi"),
                "nvidia.com/gpu", new Quantity("1")));

    assertThat(decision.accepted()).isFalse();
    assertThat(decision.granted()).isEmpty();
    assertThat(decision.reason()).isEqualTo(ResourceShare.INSUFFICIENT_RESOURCES);
    assertThat(decision.message())
        .contains("cpu: asked 10, available 2")
        .contains("nvidia.com/gpu: asked 1, available 0")
        .doesNotContain("memory: asked");
  }

  @Test
  void negativeRequestIsInvalid() {
    ResourceShare.Decision decision =
        ResourceShare.of(List.of(WORKER), 50).decide(Map.of("cpu", new Quantity("-1")));

    assertThat(decision.accepted()).isFalse();
    assertThat(decision.reason()).isEqualTo(ResourceShare.INVALID_REQUEST);
    assertThat(decision.message()).contains("cpu: asked -1, which is negative");
  }

  private static Node node(
      String name, boolean unschedulable, Map<String, String> labels, String... resources) {
    Map<String, Quantity> allocatable = new java.util.LinkedHashMap<>();
    allocatable.put("cpu", new Quantity(resources[0]));
    allocatable.put("memory", new Quantity(resources[1]));
    allocatable.put("pods", new Quantity(resources[2]));
    allocatable.put("ephemeral-storage", new Quantity("100Gi"));
    for (int i = 3; i + 1 < resources.length; i += 2) {
      allocatable.put(resources[i], new Quantity(resources[i + 1]));
    }
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withUnschedulable(unschedulable)
        .endSpec()
        .withNewStatus()
        .withAllocatable(allocatable)
        .withCapacity(allocatable)
        .endStatus()
        .build();
  }
}
