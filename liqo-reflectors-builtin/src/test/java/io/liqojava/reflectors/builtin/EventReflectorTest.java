package io.liqojava.reflectors.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.liqojava.api.offloading.v1beta1.ShadowPod;
import io.liqojava.reflection.spi.ReflectionDirection;
import io.liqojava.reflection.spi.ReflectionException;
import io.liqojava.reflection.spi.Reflector;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events about reflections flow back from Milan's "shop-rome-1a2b3c" to Rome's "shop". */
class EventReflectorTest {

  private static final String LOCAL = Fixtures.NAMESPACES.local();
  private static final String REMOTE = Fixtures.NAMESPACES.remote();

  private final MockCluster rome = MockCluster.withCrud();
  private final MockCluster milan = MockCluster.withCrud();
  private final KubernetesClient romeClient = rome.client;
  private final KubernetesClient milanClient = milan.client;
  private final Reflector<Event, Event> reflector =
      new EventReflectorProvider().create(Fixtures.context(romeClient, milanClient).build());

  @BeforeEach
  void serveShadowPods() {
    milan.server.expectCustomResource(
        CustomResourceDefinitionContext.fromCustomResourceType(ShadowPod.class));
  }

  @AfterEach
  void stopClusters() {
    rome.close();
    milan.close();
  }

  private ConfigMap localConfigMap(String name) {
    return romeClient
        .configMaps()
        .inNamespace(LOCAL)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withUid("local-uid-of-" + name)
                .endMetadata()
                .build())
        .create();
  }

  /** A reflection in Milan, made by {@code origin}, of the local ConfigMap {@code sourceName}. */
  private ConfigMap remoteConfigMap(String name, String sourceName, String origin) {
    return milanClient
        .configMaps()
        .inNamespace(REMOTE)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withUid("remote-uid-of-" + name)
                .addToLabels("offloading.liqo.io/origin", origin)
                .addToAnnotations("offloading.liqo.io/source-name", sourceName)
                .endMetadata()
                .build())
        .create();
  }

  private static Event eventAbout(HasMetadata object) {
    return new EventBuilder()
        .withNewMetadata()
        .withName(object.getMetadata().getName() + ".1879a2b3c4d5e6f7")
        .withNamespace(REMOTE)
        .withUid("event-uid")
        .withResourceVersion("815")
        .endMetadata()
        .withNewInvolvedObject()
        .withApiVersion(object.getApiVersion())
        .withKind(object.getKind())
        .withNamespace(object.getMetadata().getNamespace())
        .withName(object.getMetadata().getName())
        .withUid(object.getMetadata().getUid())
        .withFieldPath("spec.containers{web}")
        .endInvolvedObject()
        .withReason("Pulled")
        .withMessage("Successfully pulled image \"nginx:1.27\"")
        .withType("Normal")
        .withCount(3)
        .withFirstTimestamp("2026-11-20T10:00:00Z")
        .withLastTimestamp("2026-11-20T10:05:00Z")
        .withEventTime(new MicroTime("2026-11-20T10:05:00.123456Z"))
        .withAction("Pulling")
        .withReportingComponent("kubelet")
        .withReportingInstance("milan-worker-2")
        .withNewSource()
        .withComponent("kubelet")
        .withHost("milan-worker-2")
        .endSource()
        .build();
  }

  @Test
  void reflectsEventsOfSourceTypeEventFromRemoteToLocal() {
    assertThat(reflector.direction()).isEqualTo(ReflectionDirection.REMOTE_TO_LOCAL);
    assertThat(reflector.sourceType()).isEqualTo(Event.class);
    assertThat(reflector.targetType()).isEqualTo(Event.class);
  }

  @Test
  void eventAboutAReflectionRefersToTheLocalObject() {
    ConfigMap local = localConfigMap("settings");
    Event remote = eventAbout(remoteConfigMap("settings", "settings", Fixtures.ROME.clusterId()));

    Event target = reflector.forge(remote).orElseThrow();

    ObjectReference involved = target.getInvolvedObject();
    assertThat(involved.getApiVersion()).isEqualTo("v1");
    assertThat(involved.getKind()).isEqualTo("ConfigMap");
    assertThat(involved.getNamespace()).isEqualTo(LOCAL);
    assertThat(involved.getName()).isEqualTo("settings");
    assertThat(involved.getUid()).isEqualTo(local.getMetadata().getUid());
    assertThat(involved.getFieldPath()).isEqualTo("spec.containers{web}");
  }

  @Test
  void keepsWhatHappenedAndTellsWhere() {
    localConfigMap("settings");
    Event remote = eventAbout(remoteConfigMap("settings", "settings", Fixtures.ROME.clusterId()));

    Event target = reflector.forge(remote).orElseThrow();

    assertThat(target.getMetadata().getName()).isEqualTo("settings.1879a2b3c4d5e6f7");
    assertThat(target.getMetadata().getNamespace()).isNull();
    assertThat(target.getMetadata().getUid()).isNull();
    assertThat(target.getMetadata().getResourceVersion()).isNull();
    assertThat(target)
        .extracting(
            Event::getReason,
            Event::getMessage,
            Event::getType,
            Event::getCount,
            Event::getFirstTimestamp,
            Event::getLastTimestamp,
            Event::getEventTime,
            Event::getAction,
            Event::getReportingComponent,
            Event::getReportingInstance)
        .containsExactly(
            "Pulled",
            "Successfully pulled image \"nginx:1.27\"",
            "Normal",
            3,
            "2026-11-20T10:00:00Z",
            "2026-11-20T10:05:00Z",
            new MicroTime("2026-11-20T10:05:00.123456Z"),
            "Pulling",
            "kubelet",
            "milan-worker-2");
    assertThat(target.getSource().getComponent()).isEqualTo("milan/kubelet");
    assertThat(target.getSource().getHost()).isEqualTo("milan-worker-2");
  }

  @Test
  void localObjectIsTheOneTheReflectionNames() {
    ConfigMap local = localConfigMap("kube-root-ca.crt");
    Event remote =
        eventAbout(
            remoteConfigMap(
                "kube-root-ca.crt.rome-1a2b3c", "kube-root-ca.crt", Fixtures.ROME.clusterId()));

    Event target = reflector.forge(remote).orElseThrow();

    assertThat(target.getInvolvedObject().getName()).isEqualTo("kube-root-ca.crt");
    assertThat(target.getInvolvedObject().getUid()).isEqualTo(local.getMetadata().getUid());
  }

  @Test
  void eventsAboutAShadowPodAreShownOnItsLocalPod() {
    Pod pod =
        romeClient
            .pods()
            .inNamespace(LOCAL)
            .resource(
                new PodBuilder()
                    .withNewMetadata()
                    .withName("web-0")
                    .withUid("local-uid-of-web-0")
                    .endMetadata()
                    .build())
            .create();
    ShadowPod shadowPod = new ShadowPod();
    shadowPod.getMetadata().setName("web-0");
    shadowPod.getMetadata().setNamespace(REMOTE);
    shadowPod.getMetadata().setUid("remote-uid-of-web-0");
    shadowPod
        .getMetadata()
        .setLabels(Map.of("offloading.liqo.io/origin", Fixtures.ROME.clusterId()));
    milanClient.resource(shadowPod).create();

    Event target = reflector.forge(eventAbout(shadowPod)).orElseThrow();

    assertThat(target.getInvolvedObject().getApiVersion()).isEqualTo("v1");
    assertThat(target.getInvolvedObject().getKind()).isEqualTo("Pod");
    assertThat(target.getInvolvedObject().getName()).isEqualTo("web-0");
    assertThat(target.getInvolvedObject().getUid()).isEqualTo(pod.getMetadata().getUid());
  }

  @Test
  void eventsAboutObjectsNotReflectedFromHereAreNot() {
    localConfigMap("settings");
    localConfigMap("native");
    Event aboutOtherOrigin = eventAbout(remoteConfigMap("settings", "settings", "naples-7881be"));
    Event aboutNativeObject =
        eventAbout(
            milanClient
                .configMaps()
                .inNamespace(REMOTE)
                .resource(
                    new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName("native")
                        .endMetadata()
                        .build())
                .create());

    assertThat(reflector.forge(aboutOtherOrigin)).isEmpty();
    assertThat(reflector.forge(aboutNativeObject)).isEmpty();
  }

  @Test
  void eventsWithoutTheirObjectsAreNotReflected() {
    ConfigMap reflection = remoteConfigMap("settings", "settings", Fixtures.ROME.clusterId());
    Event aboutVanishedLocal = eventAbout(reflection);
    Event aboutVanishedRemote =
        new EventBuilder(eventAbout(reflection))
            .editInvolvedObject()
            .withName("deleted")
            .endInvolvedObject()
            .build();

    assertThat(reflector.forge(aboutVanishedLocal)).isEmpty();
    assertThat(reflector.forge(aboutVanishedRemote)).isEmpty();
  }

  @Test
  void eventsAboutObjectsOutsideTheRemoteNamespaceAreNotReflected() {
    localConfigMap("settings");
    Event elsewhere =
        new EventBuilder(
                eventAbout(remoteConfigMap("settings", "settings", Fixtures.ROME.clusterId())))
            .editInvolvedObject()
            .withNamespace("default")
            .endInvolvedObject()
            .build();

    assertThat(reflector.forge(elsewhere)).isEmpty();
  }

  @Test
  void objectTheRemoteIdentityMayNotReadIsNotAReflection() {
    localConfigMap("settings");
    Event remote = eventAbout(remoteConfigMap("settings", "settings", Fixtures.ROME.clusterId()));
    milan
        .server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/" + REMOTE + "/configmaps/settings")
        .andReturn(403, new StatusBuilder().withCode(403).withReason("Forbidden").build())
        .always();

    assertThat(reflector.forge(remote)).isEmpty();
  }

  @Test
  void failedLookupIsARetryableError() {
    milan
        .server
        .expect()
        .get()
        .withPath("/api/v1/namespaces/" + REMOTE + "/configmaps/settings")
        .andReturn(500, new StatusBuilder().withCode(500).withMessage("etcd timeout").build())
        .always();
    Event remote =
        eventAbout(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .withNamespace(REMOTE)
                .endMetadata()
                .build());

    ReflectionException failure =
        catchThrowableOfType(ReflectionException.class, () -> reflector.forge(remote));

    assertThat(failure.isRetryable()).isTrue();
    assertThat(failure)
        .hasMessageContaining("ConfigMap " + REMOTE + "/settings")
        .hasMessageContaining("remote cluster");
  }

  @Test
  void sourceIsNotChanged() {
    localConfigMap("settings");
    Event remote = eventAbout(remoteConfigMap("settings", "settings", Fixtures.ROME.clusterId()));
    Event before = new EventBuilder(remote).build();

    Optional<Event> target = reflector.forge(remote);

    assertThat(target).isPresent();
    assertThat(remote).isEqualTo(before);
  }
}
