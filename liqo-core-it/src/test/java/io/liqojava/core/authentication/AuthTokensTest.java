package io.liqojava.core.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.consts.Labels;
import io.liqojava.core.identity.LiqoNamespace;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.junit.LocalClusters;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@LocalClusters({"tokens"})
class AuthTokensTest {

  private final KubernetesClient client;
  private final AuthTokens tokens;

  AuthTokensTest(LocalCluster tokens) {
    this.client = tokens.client();
    this.tokens = new AuthTokens(client);
  }

  @Test
  void theClusterTokenIsCreatedOnceInItsSecret() throws Exception {
    List<Callable<String>> racers = List.of(tokens::ensureClusterToken, tokens::ensureClusterToken);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<String>> results = pool.invokeAll(racers);
      String token = results.get(0).get();

      assertThat(token).matches("[0-9a-f]{64}");
      assertThat(results.get(1).get()).isEqualTo(token);
      assertThat(tokens.ensureClusterToken()).isEqualTo(token);
      assertThat(tokens.clusterToken()).contains(token);
      assertThat(secret("liqo-auth-token").getData()).containsOnlyKeys("token");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aPeeringTokenIsAcceptedFromItsClusterOnly() {
    String clusterToken = tokens.ensureClusterToken();
    String forRome = tokens.mintPeeringToken("rome-111111");

    assertThat(forRome).matches("[0-9a-f]{64}").isNotEqualTo(clusterToken);
    assertThat(tokens.mintPeeringToken("rome-111111")).isEqualTo(forRome);
    assertThat(tokens.isValid("rome-111111", forRome)).isTrue();
    assertThat(tokens.isValid("milan-222222", forRome)).isFalse();
    assertThat(tokens.isValid("milan-222222", clusterToken)).isTrue();
    assertThat(tokens.isValid("Not A Cluster ID!", clusterToken)).isTrue();
    assertThat(tokens.isValid("Not A Cluster ID!", forRome)).isFalse();
    assertThat(tokens.isValid("rome-111111", null)).isFalse();
    assertThat(tokens.isValid("rome-111111", "")).isFalse();
    assertThat(tokens.isValid("rome-111111", forRome.substring(1))).isFalse();
    assertThat(secret("peering-token-rome-111111").getMetadata().getLabels())
        .containsEntry(Labels.REMOTE_CLUSTER_ID, "rome-111111");

    tokens.deletePeeringToken("rome-111111");

    assertThat(tokens.isValid("rome-111111", forRome)).isFalse();
    assertThat(tokens.peeringToken("rome-111111")).isEmpty();
  }

  @Test
  void remoteTokensAreStoredReplacedAndDeleted() {
    tokens.storeRemoteToken("naples-333333", "first");
    tokens.storeRemoteToken("naples-333333", "second");

    assertThat(tokens.remoteToken("naples-333333")).contains("second");
    assertThat(secret("remote-token-naples-333333").getMetadata().getLabels())
        .containsEntry(Labels.REMOTE_CLUSTER_ID, "naples-333333");

    tokens.deleteRemoteToken("naples-333333");
    tokens.deleteRemoteToken("naples-333333");

    assertThat(tokens.remoteToken("naples-333333")).isEmpty();
  }

  @Test
  void refusesMalformedTokensWithoutEchoingThem() {
    assertThatThrownBy(() -> tokens.storeRemoteToken("turin-444444", "two words"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the auth token is not valid")
        .hasMessageNotContaining("two words");
    assertThatThrownBy(() -> tokens.storeRemoteToken("Turin!", "token"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("remote cluster ID 'Turin!' is not valid");
    assertThat(tokens.remoteToken("turin-444444")).isEmpty();
  }

  private Secret secret(String name) {
    return client.secrets().inNamespace(LiqoNamespace.NAME).withName(name).get();
  }
}
