package io.liqojava.core.shadowpod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.offloading.v1beta1.ShadowPod;
import io.liqojava.api.offloading.v1beta1.ShadowPodPhase;
import io.liqojava.api.offloading.v1beta1.ShadowPodSpec;
import io.liqojava.api.offloading.v1beta1.ShadowPodStatus;
import io.liqojava.core.crd.CrdInstaller;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.junit.LocalClusters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A provider keeps the pods of ShadowPods alive on its (simulated) node, on its own: nothing of the
 * consumer is involved.
 */
@LocalClusters("provider")
class ShadowPodsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String NAMESPACE = "shop-rome";

  private static KubernetesClient client;
  private static ShadowPods shadowPods;
  private static List<String> nodes;

  @BeforeAll
  static void startShadowPods(LocalCluster provider) {
    client = provider.client();
    nodes = provider.nodeNames();
    new CrdInstaller(client).install();
    client
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
    shadowPods = new ShadowPods(client);
    shadowPods.start();
  }

  @AfterAll
  static void stop() {
    if (shadowPods != null) {
      shadowPods.close();
    }
  }

  @Test
  void podRunsIsRecreatedWhenDeletedAndGoesWithItsShadowPod() {
    ShadowPod shadow =
        client
            .resources(ShadowPod.class)
            .inNamespace(NAMESPACE)
            .resource(shadowPod("web", Map.of("app", "web"), Map.of("team", "shop")))
            .create();

    Pod pod = awaitPod("web", p -> "Running".equals(p.getStatus().getPhase()));
    assertThat(nodes).contains(pod.getSpec().getNodeName());
    assertThat(pod.getMetadata().getLabels())
        .containsEntry("app", "web")
        .containsEntry(Labels.MANAGED_BY, Labels.MANAGED_BY_SHADOW_POD);
    assertThat(pod.getMetadata().getAnnotations()).containsEntry("team", "shop");
    assertThat(pod.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            owner -> {
              assertThat(owner.getKind()).isEqualTo("ShadowPod");
              assertThat(owner.getUid()).isEqualTo(shadow.getMetadata().getUid());
              assertThat(owner.getController()).isTrue();
              assertThat(owner.getBlockOwnerDeletion()).isTrue();
            });
    String firstUid = pod.getMetadata().getUid();
    ShadowPodStatus status = awaitStatus("web", s -> s.getPhase() == ShadowPodPhase.RUNNING);
    assertThat(status.getPodUid()).isEqualTo(firstUid);
    assertThat(status.getPodRecreations()).isZero();

    client.pods().inNamespace(NAMESPACE).withName("web").delete();

    Pod recreated =
        awaitPod(
            "web",
            p ->
                !firstUid.equals(p.getMetadata().getUid())
                    && "Running".equals(p.getStatus().getPhase()));
    ShadowPodStatus after =
        awaitStatus(
            "web",
            s ->
                recreated.getMetadata().getUid().equals(s.getPodUid())
                    && s.getPhase() == ShadowPodPhase.RUNNING);
    assertThat(after.getPodRecreations()).isEqualTo(1);

    client.resources(ShadowPod.class).inNamespace(NAMESPACE).withName("web").delete();

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> assertThat(client.pods().inNamespace(NAMESPACE).withName("web").get()).isNull());
  }

  @Test
  void podOfTheSameNameThatIsNotItsOwnIsLeftUntouched() {
    Pod foreign =
        client
            .pods()
            .inNamespace(NAMESPACE)
            .resource(
                new PodBuilder()
                    .withNewMetadata()
                    .withName("cache")
                    .addToLabels("owner", "someone-else")
                    .endMetadata()
                    .withSpec(spec())
                    .build())
            .create();

    client
        .resources(ShadowPod.class)
        .inNamespace(NAMESPACE)
        .resource(shadowPod("cache", Map.of("app", "cache"), Map.of()))
        .create();

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(warnings("cache"))
                    .extracting(Event::getMessage)
                    .anySatisfy(
                        message ->
                            assertThat(message)
                                .contains("pod " + NAMESPACE + "/cache")
                                .contains(foreign.getMetadata().getUid())
                                .contains("not controlled by this ShadowPod")));
    Pod stillForeign = client.pods().inNamespace(NAMESPACE).withName("cache").get();
    assertThat(stillForeign.getMetadata().getUid()).isEqualTo(foreign.getMetadata().getUid());
    assertThat(stillForeign.getMetadata().getLabels())
        .containsOnly(Map.entry("owner", "someone-else"));
    assertThat(stillForeign.getMetadata().getOwnerReferences()).isNullOrEmpty();
    assertThat(awaitStatus("cache", s -> s.getPhase() == ShadowPodPhase.UNKNOWN).getPodUid())
        .isNull();
  }

  private static ShadowPod shadowPod(
      String name, Map<String, String> labels, Map<String, String> annotations) {
    ShadowPod shadow = new ShadowPod();
    shadow.getMetadata().setName(name);
    shadow.getMetadata().setNamespace(NAMESPACE);
    shadow.getMetadata().setLabels(labels);
    shadow.getMetadata().setAnnotations(annotations);
    shadow.setSpec(new ShadowPodSpec());
    shadow.getSpec().setPod(spec());
    return shadow;
  }

  private static PodSpec spec() {
    return new PodSpecBuilder()
        .addNewContainer()
        .withName("app")
        .withImage("nginx:1.25")
        .endContainer()
        .build();
  }

  private static Pod awaitPod(String name, Predicate<Pod> condition) {
    return await()
        .atMost(TIMEOUT)
        .until(
            () -> client.pods().inNamespace(NAMESPACE).withName(name).get(),
            pod -> pod != null && pod.getStatus() != null && condition.test(pod));
  }

  private static ShadowPodStatus awaitStatus(String name, Predicate<ShadowPodStatus> condition) {
    return await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              ShadowPod shadow =
                  client.resources(ShadowPod.class).inNamespace(NAMESPACE).withName(name).get();
              return shadow == null ? null : shadow.getStatus();
            },
            status -> status != null && condition.test(status));
  }

  private static List<Event> warnings(String shadowPodName) {
    return client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .filter(e -> "Warning".equals(e.getType()))
        .filter(e -> "ShadowPod".equals(e.getInvolvedObject().getKind()))
        .filter(e -> shadowPodName.equals(e.getInvolvedObject().getName()))
        .filter(e -> ShadowPodReconciler.REASON_FOREIGN_POD.equals(e.getReason()))
        .toList();
  }
}
