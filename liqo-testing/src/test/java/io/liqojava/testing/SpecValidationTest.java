package io.liqojava.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad configuration is refused before anything starts, with a message that says how to fix it. */
class SpecValidationTest {

  @Test
  void clusterNamesMustBeDnsLabels() {
    assertThatThrownBy(() -> ClusterSpec.named("Rome_1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cluster name 'Rome_1' is not valid")
        .hasMessageContaining("lower-case");
  }

  @Test
  void cidrsMustParse() {
    assertThatThrownBy(() -> ClusterSpec.builder().name("rome").podCidr("10.244.0.0").build())
        .hasMessageContaining("'10.244.0.0' is not an IPv4 CIDR such as 10.244.0.0/16");
  }

  @Test
  void thePodRangeMustHoldOneSlashTwentyFourPerNode() {
    assertThatThrownBy(
            () ->
                ClusterSpec.builder()
                    .name("rome")
                    .podCidr("10.244.0.0/24")
                    .addNodes(NodeSpec.defaults(), NodeSpec.defaults())
                    .build())
        .hasMessageContaining("too small for 2 nodes");
  }

  @Test
  void defaultsMatchAKindClusterWithOneWorker() {
    ClusterSpec spec = ClusterSpec.named("rome");
    assertThat(spec.nodes()).hasSize(1);
    assertThat(spec.podCidr()).isEqualTo("10.244.0.0/16");
    assertThat(spec.serviceCidr()).isEqualTo("10.96.0.0/12");
  }

  @Test
  void missingBinariesNameTheProvisioningScript(@TempDir Path empty) {
    assertThatThrownBy(() -> ControlPlaneBinaries.in(empty))
        .isInstanceOf(TestBedException.class)
        .hasMessageContaining("kube-apiserver")
        .hasMessageContaining("provision-control-plane.sh");
  }

  @Test
  void aTestBedNeedsAtLeastOneCluster() {
    assertThatThrownBy(() -> TestBed.builder().start())
        .hasMessageContaining("declare at least one cluster");
  }
}
