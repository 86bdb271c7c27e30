package io.liqojava.core.remotenamespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.liqojava.api.ApiGroups;
import io.liqojava.api.consts.Annotations;
import io.liqojava.api.consts.Finalizers;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.offloading.v1beta1.MappingPhase;
import io.liqojava.api.offloading.v1beta1.NamespaceMap;
import io.liqojava.api.offloading.v1beta1.NamespaceMapSpec;
import io.liqojava.api.offloading.v1beta1.RemoteNamespaceStatus;
import io.liqojava.api.offloading.v1beta1.ShadowPod;
import io.liqojava.api.offloading.v1beta1.ShadowPodSpec;
import io.liqojava.core.authentication.IdentityIssuer;
import io.liqojava.core.crd.CrdInstaller;
import io.liqojava.core.install.AgentRbac;
import io.liqojava.core.runtime.ServerSideApply;
import io.liqojava.core.tenant.TenantNamespaces;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.junit.LocalClusters;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A provider creates the twin namespaces its consumers ask for in their NamespaceMaps; each
 * consumer acts through its own identity (the admin impersonating User {@code <cluster ID>}), with
 * the tenant Role the identity issuer grants.
 */
@LocalClusters("provider")
class RemoteNamespacesTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private static LocalCluster cluster;
  private static KubernetesClient admin;
  private static RemoteNamespaces remoteNamespaces;

  @BeforeAll
  static void startRemoteNamespaces(LocalCluster provider) {
    cluster = provider;
    admin = provider.client();
    new CrdInstaller(admin).install();
    AgentRbac.remoteNamespaceRoles().forEach(role -> ServerSideApply.apply(admin, role));
    remoteNamespaces = new RemoteNamespaces(admin);
    remoteNamespaces.start();
  }

  @AfterAll
  static void stop() {
    if (remoteNamespaces != null) {
      remoteNamespaces.close();
    }
  }

  @Test
  void entryGetsTwinNamespaceWhereTheConsumerHasItsRightsOnly() {
    String consumerId = "rome-1a2b3c";
    KubernetesClient consumer = peer(consumerId);
    writeMap(consumer, consumerId, Map.of("shop", "shop-rome"));

    RemoteNamespaceStatus entry = awaitEntry(consumer, consumerId, "shop", MappingPhase.ACCEPTED);

    assertThat(entry.getRemoteNamespace()).isEqualTo("shop-rome");
    assertThat(entry.getMessage()).isNull();
    Namespace twin = admin.namespaces().withName("shop-rome").get();
    assertThat(twin.getMetadata().getLabels())
        .containsEntry(Labels.REMOTE_CLUSTER_ID, consumerId)
        .containsEntry(Labels.MANAGED_BY, Labels.MANAGED_BY_NAMESPACE_MAP);
    assertThat(twin.getMetadata().getAnnotations())
        .containsEntry(Annotations.ORIGIN_NAMESPACE, "shop");
    RoleBinding binding =
        admin
            .rbac()
            .roleBindings()
            .inNamespace("shop-rome")
            .withName(AgentRbac.REMOTE_NAMESPACE_ROLE)
            .get();
    assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
    assertThat(binding.getRoleRef().getName()).isEqualTo(AgentRbac.REMOTE_NAMESPACE_ROLE);
    assertThat(binding.getSubjects())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getKind()).isEqualTo("User");
              assertThat(s.getName()).isEqualTo(consumerId);
              assertThat(s.getApiGroup()).isEqualTo("rbac.authorization.k8s.io");
            });

    // What reflection and pod offloading need works in the twin namespace...
    consumer
        .resources(ShadowPod.class)
        .inNamespace("shop-rome")
        .resource(shadowPod("web"))
        .create();
    consumer
        .configMaps()
        .inNamespace("shop-rome")
        .resource(
            new ConfigMapBuilder().withNewMetadata().withName("settings").endMetadata().build())
        .create();
    assertThat(consumer.pods().inNamespace("shop-rome").list().getItems()).isEmpty();
    // ...but no pod bypasses the ShadowPod, and nothing is writable elsewhere.
    assertForbidden(() -> consumer.pods().inNamespace("shop-rome").resource(pod("bare")).create());
    admin.namespaces().resource(namespace("elsewhere", Map.of(), Map.of())).create();
    assertForbidden(
        () ->
            consumer
                .configMaps()
                .inNamespace("elsewhere")
                .resource(
                    new ConfigMapBuilder().withNewMetadata().withName("x").endMetadata().build())
                .create());
    assertForbidden(
        () ->
            consumer
                .resources(ShadowPod.class)
                .inNamespace("default")
                .resource(shadowPod("w"))
                .create());

    // A ClusterRole labelled for aggregation extends the consumer's rights in its twin namespaces.
    assertForbidden(
        () -> consumer.persistentVolumeClaims().inNamespace("shop-rome").resource(pvc()).create());
    admin
        .rbac()
        .clusterRoles()
        .resource(
            new ClusterRoleBuilder()
                .withNewMetadata()
                .withName("liqo-remote-namespace-claims")
                .addToLabels(Labels.AGGREGATE_TO_REMOTE_NAMESPACE, Labels.TRUE)
                .endMetadata()
                .addNewRule()
                .withApiGroups("")
                .withResources("persistentvolumeclaims")
                .withVerbs("create", "get")
                .endRule()
                .build())
        .create();
    await()
        .atMost(TIMEOUT)
        .ignoreExceptions()
        .until(
            () ->
                consumer.persistentVolumeClaims().inNamespace("shop-rome").resource(pvc()).create()
                    != null);
  }

  @Test
  void takenNameIsNeverTakenOverAndIsAcceptedOnceFree() {
    String consumerId = "milan-4d5e6f";
    KubernetesClient consumer = peer(consumerId);
    Namespace existing =
        admin
            .namespaces()
            .resource(namespace("warehouse", Map.of("team", "logistics"), Map.of("owner", "ops")))
            .create();
    String otherId = "turin-7a8b9c";
    KubernetesClient other = peer(otherId);
    writeMap(other, otherId, Map.of("stock", "stock"));
    awaitEntry(other, otherId, "stock", MappingPhase.ACCEPTED);

    // "yard" sorts after "warehouse": once the name is free, "warehouse" gets it.
    writeMap(
        consumer,
        consumerId,
        Map.of("warehouse", "warehouse", "stock", "stock", "yard", "warehouse"));

    RemoteNamespaceStatus entry =
        awaitEntry(consumer, consumerId, "warehouse", MappingPhase.CREATION_LOOP_BACK_OFF);
    assertThat(entry.getMessage())
        .isEqualTo(
            "namespace 'warehouse' already exists in this cluster and is not managed by Liqo for"
                + " cluster milan-4d5e6f: choose another remote name (mapping strategy"
                + " DefaultName or SelectedName) or remove that namespace");
    assertThat(
            awaitEntry(consumer, consumerId, "stock", MappingPhase.CREATION_LOOP_BACK_OFF)
                .getMessage())
        .contains(
            "namespace 'stock' already exists in this cluster as a twin namespace of another cluster");
    Namespace untouched = admin.namespaces().withName("warehouse").get();
    assertThat(untouched.getMetadata().getResourceVersion())
        .isEqualTo(existing.getMetadata().getResourceVersion());
    assertThat(untouched.getMetadata().getLabels()).doesNotContainKey(Labels.MANAGED_BY);
    assertThat(untouched.getMetadata().getAnnotations()).containsOnlyKeys("owner");
    assertThat(
            admin
                .rbac()
                .roleBindings()
                .inNamespace("warehouse")
                .withName(AgentRbac.REMOTE_NAMESPACE_ROLE)
                .get())
        .isNull();
    assertThat(admin.namespaces().withName("stock").get().getMetadata().getLabels())
        .containsEntry(Labels.REMOTE_CLUSTER_ID, otherId);
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(warnings(TenantNamespaces.nameFor(consumerId), consumerId))
                    .extracting(Event::getMessage)
                    .contains(entry.getMessage()));

    admin.namespaces().withName("warehouse").delete();

    awaitEntry(consumer, consumerId, "warehouse", MappingPhase.ACCEPTED);
    Namespace twin = admin.namespaces().withName("warehouse").get();
    assertThat(twin.getMetadata().getLabels()).containsEntry(Labels.REMOTE_CLUSTER_ID, consumerId);
    assertThat(twin.getMetadata().getAnnotations())
        .containsEntry(Annotations.ORIGIN_NAMESPACE, "warehouse");
    assertThat(
            awaitEntry(consumer, consumerId, "yard", MappingPhase.CREATION_LOOP_BACK_OFF)
                .getMessage())
        .isEqualTo(
            "namespace 'warehouse' is already the twin of namespace 'warehouse' of cluster"
                + " milan-4d5e6f: map each namespace to a remote namespace of its own");
  }

  @Test
  void removedEntriesAndDeletedMapsTakeTheirTwinsAlong() {
    String consumerId = "naples-0c1d2e";
    KubernetesClient consumer = peer(consumerId);
    writeMap(consumer, consumerId, Map.of("front", "front-naples", "back", "back-naples"));
    awaitEntry(consumer, consumerId, "front", MappingPhase.ACCEPTED);
    awaitEntry(consumer, consumerId, "back", MappingPhase.ACCEPTED);
    assertThat(map(consumer, consumerId).getMetadata().getFinalizers())
        .contains(Finalizers.NAMESPACE_MAP);

    writeMap(consumer, consumerId, Map.of("front", "front-naples"));

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              assertThat(admin.namespaces().withName("back-naples").get()).isNull();
              assertThat(map(consumer, consumerId).getStatus().getCurrentMapping())
                  .containsOnlyKeys("front");
            });
    assertThat(admin.namespaces().withName("front-naples").get()).isNotNull();

    consumer
        .resources(NamespaceMap.class)
        .inNamespace(TenantNamespaces.nameFor(consumerId))
        .withName(consumerId)
        .delete();

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              assertThat(admin.namespaces().withName("front-naples").get()).isNull();
              assertThat(map(consumer, consumerId)).isNull();
            });
  }

  /** The tenant namespace and tenant Role of {@code consumerId}, and a client acting as it. */
  private static KubernetesClient peer(String consumerId) {
    String tenant = TenantNamespaces.ensure(admin, consumerId);
    admin
        .rbac()
        .roles()
        .resource(
            new RoleBuilder()
                .withNewMetadata()
                .withName(IdentityIssuer.ROLE)
                .withNamespace(tenant)
                .endMetadata()
                .addNewRule()
                .withApiGroups(ApiGroups.OFFLOADING)
                .withResources("namespacemaps")
                .withVerbs("create", "get", "list", "watch", "update", "patch", "delete")
                .endRule()
                .addNewRule()
                .withApiGroups(ApiGroups.OFFLOADING)
                .withResources("namespacemaps/status")
                .withVerbs("get", "list", "watch")
                .endRule()
                .build())
        .create();
    admin
        .rbac()
        .roleBindings()
        .resource(
            new RoleBindingBuilder()
                .withNewMetadata()
                .withName(IdentityIssuer.ROLE)
                .withNamespace(tenant)
                .endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "Role", IdentityIssuer.ROLE)
                .addNewSubject()
                .withKind("User")
                .withApiGroup("rbac.authorization.k8s.io")
                .withName(consumerId)
                .endSubject()
                .build())
        .create();
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder(cluster.clientConfig()).withImpersonateUsername(consumerId).build())
        .build();
  }

  private static void writeMap(
      KubernetesClient consumer, String consumerId, Map<String, String> mapping) {
    String tenant = TenantNamespaces.nameFor(consumerId);
    NamespaceMap existing = map(consumer, consumerId);
    if (existing == null) {
      NamespaceMap map = new NamespaceMap();
      map.getMetadata().setName(consumerId);
      map.getMetadata().setNamespace(tenant);
      map.setSpec(new NamespaceMapSpec());
      map.getSpec().setDesiredMapping(new HashMap<>(mapping));
      consumer.resources(NamespaceMap.class).inNamespace(tenant).resource(map).create();
    } else {
      consumer
          .resources(NamespaceMap.class)
          .inNamespace(tenant)
          .withName(consumerId)
          .edit(
              m -> {
                m.getSpec().setDesiredMapping(new HashMap<>(mapping));
                return m;
              });
    }
  }

  private static NamespaceMap map(KubernetesClient consumer, String consumerId) {
    return consumer
        .resources(NamespaceMap.class)
        .inNamespace(TenantNamespaces.nameFor(consumerId))
        .withName(consumerId)
        .get();
  }

  private static RemoteNamespaceStatus awaitEntry(
      KubernetesClient consumer, String consumerId, String local, MappingPhase phase) {
    return await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              NamespaceMap map = map(consumer, consumerId);
              if (map.getStatus() == null || map.getStatus().getCurrentMapping() == null) {
                return null;
              }
              return map.getStatus().getCurrentMapping().get(local);
            },
            entry -> entry != null && entry.getPhase() == phase);
  }

  private static List<Event> warnings(String namespace, String mapName) {
    return admin.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> "Warning".equals(e.getType()))
        .filter(e -> "NamespaceMap".equals(e.getInvolvedObject().getKind()))
        .filter(e -> mapName.equals(e.getInvolvedObject().getName()))
        .filter(e -> NamespaceMapReconciler.REASON_CONFLICT.equals(e.getReason()))
        .toList();
  }

  private static void assertForbidden(Runnable action) {
    assertThatThrownBy(action::run)
        .isInstanceOf(KubernetesClientException.class)
        .extracting(e -> ((KubernetesClientException) e).getCode())
        .isEqualTo(403);
  }

  private static Namespace namespace(
      String name, Map<String, String> labels, Map<String, String> annotations) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .withAnnotations(annotations)
        .endMetadata()
        .build();
  }

  private static ShadowPod shadowPod(String name) {
    ShadowPod shadow = new ShadowPod();
    shadow.getMetadata().setName(name);
    shadow.setSpec(new ShadowPodSpec());
    shadow
        .getSpec()
        .setPod(
            new PodSpecBuilder()
                .addNewContainer()
                .withName("app")
                .withImage("nginx:1.25")
                .endContainer()
                .build());
    return shadow;
  }

  private static io.fabric8.kubernetes.api.model.Pod pod(String name) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("nginx:1.25")
        .endContainer()
        .endSpec()
        .build();
  }

  private static io.fabric8.kubernetes.api.model.PersistentVolumeClaim pvc() {
    return new PersistentVolumeClaimBuilder()
        .withNewMetadata()
        .withGenerateName("data-")
        .endMetadata()
        .withNewSpec()
        .withAccessModes("ReadWriteOnce")
        .withNewResources()
        .addToRequests("storage", new Quantity("1Gi"))
        .endResources()
        .endSpec()
        .build();
  }
}
