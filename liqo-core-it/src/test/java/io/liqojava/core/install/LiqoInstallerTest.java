package io.liqojava.core.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liqojava.api.LiqoCrds;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.core.v1beta1.ForeignClusterSpec;
import io.liqojava.api.core.v1beta1.PeeringConditionStatus;
import io.liqojava.api.core.v1beta1.PeeringConditionType;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.agent.AuthServiceEndpoint;
import io.liqojava.core.authentication.AuthTokens;
import io.liqojava.core.peering.ForeignClusterConditions;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.junit.LocalClusters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Installing, reading and removing liqo-java on a real cluster through {@link LiqoInstaller}. */
@LocalClusters({"venice"})
class LiqoInstallerTest {

  @Test
  void installsIdempotentlyRefusesBadInputAndRenamingWhilePeered(LocalCluster venice) {
    List<String> progress = new ArrayList<>();
    LiqoInstaller installer =
        new LiqoInstaller(venice.client(), Duration.ofMinutes(1), progress::add);

    LiqoStatus fresh = installer.status();
    assertThat(fresh.installed()).isFalse();
    assertThat(fresh.identity()).isEmpty();
    assertThat(fresh.missingCrds()).hasSize(LiqoCrds.names().size());
    assertThat(fresh.agentAlive()).isFalse();

    assertThatThrownBy(() -> installer.install("venice", Map.of("region", "north east")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cluster label 'region=north east' is not valid");
    assertThat(venice.client().namespaces().withName("liqo").get()).isNull();

    ClusterIdentity first = installer.install("venice", Map.of("topology.liqo.io/region", "north"));
    String token = new AuthTokens(venice.client()).clusterToken().orElseThrow();
    ClusterIdentity second =
        installer.install("venice", Map.of("topology.liqo.io/region", "north"));

    assertThat(second).isEqualTo(first);
    assertThat(first.clusterId()).matches("venice-[0-9a-f]{6}");
    assertThat(new AuthTokens(venice.client()).clusterToken()).contains(token);
    assertThat(progress)
        .contains(
            "16 Liqo CRDs established",
            "Kept the authentication token (Secret liqo/liqo-auth-token)");
    LiqoStatus installed = installer.status();
    assertThat(installed.installed()).isTrue();
    assertThat(installed.identity()).contains(first);
    assertThat(installed.toString()).doesNotContain(token);

    ForeignCluster florence = new ForeignCluster();
    florence.getMetadata().setName("florence");
    florence.setSpec(new ForeignClusterSpec());
    florence.getSpec().setClusterID("florence-539f8b");
    venice.client().resource(florence).create();
    new ForeignClusterConditions(venice.client())
        .set(
            "florence",
            PeeringConditionType.INCOMING_PEERING,
            PeeringConditionStatus.ESTABLISHED,
            "Established",
            "florence offloads here");
    try {
      assertThatThrownBy(() -> installer.install("venezia", Map.of()))
          .isInstanceOf(LiqoInstallationException.class)
          .hasMessageContaining("is peered with florence", "unpeer first to rename it to venezia");
      assertThatThrownBy(() -> installer.uninstall(false))
          .isInstanceOf(LiqoInstallationException.class)
          .hasMessageContaining(
              "liqoctl unpeer out-of-band venice   # against florence, which offloads to this cluster");
      PeerStatus peer = installer.status().peers().get(0);
      assertThat(peer.name()).isEqualTo("florence");
      assertThat(peer.status(PeeringConditionType.INCOMING_PEERING))
          .isEqualTo(PeeringConditionStatus.ESTABLISHED);
    } finally {
      venice.client().resource(florence).delete();
    }
  }

  @Test
  void peeringInfoNeedsTheAgentsAuthenticationServiceAndRedactsTheToken(LocalCluster venice) {
    LiqoInstaller installer = new LiqoInstaller(venice.client());
    ClusterIdentity identity = installer.install("venice", Map.of());
    venice
        .client()
        .configMaps()
        .inNamespace("liqo")
        .withName(AuthServiceEndpoint.CONFIG_MAP)
        .delete();

    assertThatThrownBy(installer::peeringInfo)
        .isInstanceOf(LiqoInstallationException.class)
        .hasMessageStartingWith("the agent of this cluster is not running");

    AuthServiceEndpoint.publish(venice.client(), "https://127.0.0.1:45678");
    PeeringInfo info = installer.peeringInfo();

    assertThat(info.clusterId()).isEqualTo(identity.clusterId());
    assertThat(info.authUrl()).isEqualTo("https://127.0.0.1:45678");
    assertThat(info.token()).matches("[0-9a-f]{64}");
    assertThat(info.toString()).doesNotContain(info.token());
  }
}
