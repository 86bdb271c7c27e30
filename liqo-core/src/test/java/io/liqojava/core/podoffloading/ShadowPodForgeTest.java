package io.liqojava.core.podoffloading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.liqojava.api.consts.Annotations;
import io.liqojava.api.offloading.v1beta1.ShadowPod;
import io.liqojava.api.offloading.v1beta1.ShadowPodStatus;
import io.liqojava.net.spi.AddressRemapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The pure parts of pod offloading: forging ShadowPods, mirroring status, token renewal. */
class ShadowPodForgeTest {

  private final ShadowPodForge forge =
      new ShadowPodForge("rome-aaaaaa", "milan-bbbbbb", new OriginApiServer("203.0.113.7", 6443));

  @Test
  void replacesALegacySecretTokenVolumeAndSetsTheOriginApiServer() {
    ShadowPod shadow = forge.forge(pod(true), "shop-rome");
    var spec = shadow.getSpec().getPod();
    assertThat(spec.getVolumes())
        .extracting(Volume::getName)
        .containsExactly("data", ShadowPodForge.TOKEN_VOLUME);
    assertThat(spec.getContainers().get(0).getVolumeMounts())
        .extracting(m -> m.getName() + ":" + m.getMountPath())
        .containsExactly(
            "data:/data", ShadowPodForge.TOKEN_VOLUME + ":" + ShadowPodForge.SERVICE_ACCOUNT_PATH);
    assertThat(spec.getContainers().get(0).getEnv())
        .extracting(e -> e.getName() + "=" + e.getValue())
        .containsExactly("KUBERNETES_SERVICE_HOST=203.0.113.7", "KUBERNETES_SERVICE_PORT=6443");
    assertThat(shadow.getMetadata().getAnnotations())
        .containsEntry(Annotations.REFLECTION_SOURCE, "web")
        .containsKey(Annotations.REFLECTION_DIGEST);
  }

  @Test
  void aPodThatOptedOutOfItsTokenGetsNone() {
    Pod pod = pod(false);
    pod.getSpec().setAutomountServiceAccountToken(false);
    var spec = forge.forge(pod, "shop-rome").getSpec().getPod();
    assertThat(spec.getVolumes()).extracting(Volume::getName).containsExactly("data");
    assertThat(spec.getContainers().get(0).getEnv()).isEmpty();
    assertThat(spec.getAutomountServiceAccountToken()).isFalse();
  }

  @Test
  void theDigestFollowsTheSpec() {
    Pod pod = pod(true);
    String before = ShadowPodForge.recordedDigest(forge.forge(pod, "ns"));
    assertThat(ShadowPodForge.recordedDigest(forge.forge(pod, "ns"))).isEqualTo(before);
    pod.getSpec().getContainers().get(0).setImage("nginx:2");
    assertThat(ShadowPodForge.recordedDigest(forge.forge(pod, "ns"))).isNotEqualTo(before);
  }

  @Test
  void mirrorsTheRemoteStatusWithRemappedIpsAndRecreations() {
    AddressRemapper remapper =
        new AddressRemapper() {
          @Override
          public String localToRemote(String localAddress) {
            return localAddress;
          }

          @Override
          public String remoteToLocal(String remoteAddress) {
            return remoteAddress.replace("10.244.", "10.245.");
          }
        };
    Pod remote =
        new PodBuilder()
            .withStatus(
                new PodStatusBuilder()
                    .withPhase("Running")
                    .withPodIP("10.244.0.9")
                    .withPodIPs(new PodIP("10.244.0.9"))
                    .withHostIP("127.0.0.1")
                    .withQosClass("BestEffort")
                    .addNewCondition()
                    .withType("Ready")
                    .withStatus("True")
                    .endCondition()
                    .withContainerStatuses(
                        new ContainerStatusBuilder().withName("app").withRestartCount(1).build())
                    .build())
            .build();
    ShadowPod shadow = new ShadowPod();
    ShadowPodStatus shadowStatus = new ShadowPodStatus();
    shadowStatus.setPodRecreations(2);
    shadow.setStatus(shadowStatus);
    PodStatus mirrored = new StatusMirror(remapper).mirror(null, remote, shadow, "10.200.0.7");
    assertThat(mirrored.getPodIP()).isEqualTo("10.245.0.9");
    assertThat(mirrored.getPodIPs()).containsExactly(new PodIP("10.245.0.9"));
    assertThat(mirrored.getHostIP()).isEqualTo("10.200.0.7");
    assertThat(mirrored.getQosClass()).isEqualTo("BestEffort");
    assertThat(mirrored.getContainerStatuses().get(0).getRestartCount()).isEqualTo(3);
    assertThat(remote.getStatus().getContainerStatuses().get(0).getRestartCount())
        .as("the remote pod is not modified")
        .isEqualTo(1);
    assertThat(new StatusMirror(remapper).mirror(mirrored, remote, shadow, "10.200.0.7"))
        .as("mirroring again changes nothing")
        .isEqualTo(mirrored);
  }

  @Test
  void tokensAreRenewedAt80PercentOfTheirLifetimeOrWhenBoundToAnotherPod() {
    Instant now = Instant.parse("2024-01-01T00:00:00Z");
    TokenSecrets tokens =
        new TokenSecrets(
            null, null, "rome", "milan", Duration.ofHours(1), Clock.fixed(now, ZoneOffset.UTC));
    Pod pod = pod(true);
    var secret =
        new SecretBuilder()
            .withNewMetadata()
            .addToAnnotations(TokenSecrets.POD_UID, "uid-1")
            .addToAnnotations(TokenSecrets.ISSUED_AT, "2024-01-01T00:00:00Z")
            .addToAnnotations(TokenSecrets.EXPIRES_AT, "2024-01-01T01:00:00Z")
            .endMetadata()
            .build();
    assertThat(tokens.refreshAt(secret, pod)).isEqualTo(Instant.parse("2024-01-01T00:48:00Z"));
    assertThat(tokens.refreshAt(null, pod)).isEqualTo(now);
    pod.getMetadata().setUid("uid-2");
    assertThat(tokens.refreshAt(secret, pod)).as("bound to an earlier pod").isEqualTo(now);
    assertThat(TokenSecrets.secretName("x".repeat(300))).hasSizeLessThanOrEqualTo(253);
  }

  @Test
  void rejectsATokenLifetimeTheApiServerWouldRefuse() {
    assertThatThrownBy(
            () -> PodOffloadingConfig.builder().tokenLifetime(Duration.ofMinutes(5)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tokenLifetime must be at least 10 minutes");
  }

  private static Pod pod(boolean legacyToken) {
    PodBuilder builder =
        new PodBuilder()
            .withNewMetadata()
            .withName("web")
            .withNamespace("shop")
            .withUid("uid-1")
            .endMetadata()
            .withNewSpec()
            .withServiceAccountName("default")
            .addNewVolume()
            .withName("data")
            .withNewEmptyDir()
            .endEmptyDir()
            .endVolume()
            .addNewContainer()
            .withName("app")
            .withImage("nginx")
            .addNewVolumeMount()
            .withName("data")
            .withMountPath("/data")
            .endVolumeMount()
            .endContainer()
            .endSpec();
    if (legacyToken) {
      builder
          .editSpec()
          .addNewVolume()
          .withName("default-token-abcde")
          .withNewSecret()
          .withSecretName("default-token-abcde")
          .endSecret()
          .endVolume()
          .editFirstContainer()
          .addNewVolumeMount()
          .withName("default-token-abcde")
          .withMountPath(ShadowPodForge.SERVICE_ACCOUNT_PATH)
          .withReadOnly(true)
          .endVolumeMount()
          .endContainer()
          .endSpec();
    }
    return builder.build();
  }
}
