package io.liqojava.reflectors.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1beta1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1beta1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.consts.Annotations;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.reflection.ReflectionManager;
import io.liqojava.core.reflection.ReflectorRegistry;
import io.liqojava.net.spi.AddressRemapper;
import io.liqojava.reflection.spi.NamespacePair;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.junit.Cluster;
import io.liqojava.testing.junit.LocalClusters;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every mutation rule of the built-in reflectors, asserted on the objects they write into a real
 * remote cluster, with the reflectors found on the classpath as the agent finds them.
 */
@LocalClusters({"rome", "milan"})
class BuiltinReflectionTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ClusterIdentity ROME =
      ClusterIdentity.builder().clusterId("rome-aaaaaa").clusterName("rome").build();
  private static final ClusterIdentity MILAN =
      ClusterIdentity.builder().clusterId("milan-bbbbbb").clusterName("milan").build();
  private static final NamespacePair PAIR = NamespacePair.of("shop", "shop-rome");
  private static final String VIRTUAL_NODE = "liqo-milan";

  /** Pod addresses of rome as milan reaches them: 10.244.x.y becomes 10.250.x.y. */
  private static final AddressRemapper REMAPPER =
      new AddressRemapper() {
        @Override
        public String localToRemote(String address) {
          return address.replaceFirst("^10\\.244\\.", "10.250.");
        }

        @Override
        public String remoteToLocal(String address) {
          return address.replaceFirst("^10\\.250\\.", "10.244.");
        }
      };

  private static KubernetesClient rome;
  private static KubernetesClient milan;
  private static ReflectionManager manager;

  @BeforeAll
  static void startReflection(
      @Cluster("rome") LocalCluster romeCluster, @Cluster("milan") LocalCluster milanCluster) {
    rome = romeCluster.client();
    milan = milanCluster.client();
    namespace(rome, PAIR.local());
    namespace(milan, PAIR.remote());
    manager =
        ReflectionManager.builder(rome, milan, ROME, MILAN)
            .registry(ReflectorRegistry.discover())
            .remapper(REMAPPER)
            .virtualNodeNames(Set.of(VIRTUAL_NODE))
            .start();
    manager.startReflection(PAIR);
  }

  @AfterAll
  static void stopReflection() {
    if (manager != null) {
      manager.close();
    }
  }

  @Test
  void discoversEveryBuiltinReflector() {
    assertThat(manager.reflectors())
        .extracting(p -> p.name())
        .contains("configmaps", "secrets", "services", "endpointslices", "ingresses", "events");
  }

  @Test
  void configMapsAreCopiedVerbatimButNotImmutable() {
    rome.configMaps()
        .inNamespace(PAIR.local())
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .addToLabels("app", "shop")
                .addToAnnotations("note", "hello")
                .endMetadata()
                .addToData("color", "blue")
                .addToBinaryData("logo", "AAEC")
                .withImmutable(true)
                .build())
        .create();
    ConfigMap remote =
        await(() -> milan.configMaps().inNamespace(PAIR.remote()).withName("settings").get());
    assertThat(remote.getData()).containsExactly(Map.entry("color", "blue"));
    assertThat(remote.getBinaryData()).containsExactly(Map.entry("logo", "AAEC"));
    assertThat(remote.getMetadata().getLabels()).containsEntry("app", "shop");
    assertThat(remote.getMetadata().getAnnotations()).containsEntry("note", "hello");
    assertThat(remote.getImmutable()).as("immutable").isNotEqualTo(Boolean.TRUE);
  }

  @Test
  void theRootCaConfigMapIsRenamedSoTheRemoteOneStays() {
    String localCa =
        caOf(rome.configMaps().inNamespace(PAIR.local()).withName("kube-root-ca.crt").get());
    String remoteName = ConfigMapReflectorProvider.remoteName("kube-root-ca.crt", ROME);
    assertThat(remoteName).isEqualTo("kube-root-ca.crt." + ROME.clusterId());
    ConfigMap reflected =
        await(() -> milan.configMaps().inNamespace(PAIR.remote()).withName(remoteName).get());
    assertThat(caOf(reflected)).isEqualTo(localCa);
    ConfigMap remoteOwn =
        await(
            () -> milan.configMaps().inNamespace(PAIR.remote()).withName("kube-root-ca.crt").get());
    assertThat(caOf(remoteOwn)).as("milan's own root CA").isNotEqualTo(localCa);
    assertThat(remoteOwn.getMetadata().getLabels()).doesNotContainKey(Labels.REFLECTION_ORIGIN);
  }

  @Test
  void secretsAreCopiedAndServiceAccountTokensConverted() {
    rome.secrets()
        .inNamespace(PAIR.local())
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("db")
                .endMetadata()
                .withType("kubernetes.io/basic-auth")
                .addToStringData("username", "admin")
                .addToStringData("password", "s3cr3t")
                .build())
        .create();
    Secret db = await(() -> milan.secrets().inNamespace(PAIR.remote()).withName("db").get());
    assertThat(db.getType()).isEqualTo("kubernetes.io/basic-auth");
    assertThat(db.getData()).containsKeys("username", "password");

    // Kubernetes 1.20 gives every namespace the token Secret of its 'default' service account.
    Secret token =
        await(
            () ->
                rome.secrets().inNamespace(PAIR.local()).list().getItems().stream()
                    .filter(s -> "kubernetes.io/service-account-token".equals(s.getType()))
                    .findFirst()
                    .orElse(null));
    Secret reflected =
        await(
            () ->
                milan
                    .secrets()
                    .inNamespace(PAIR.remote())
                    .withName(token.getMetadata().getName())
                    .get());
    assertThat(reflected.getType()).isEqualTo("Opaque");
    assertThat(reflected.getData())
        .containsKey("token")
        .containsEntry("token", token.getData().get("token"));
    assertThat(reflected.getMetadata().getLabels())
        .containsEntry(SecretReflectorProvider.SERVICE_ACCOUNT_NAME_LABEL, "default");
    assertThat(reflected.getMetadata().getAnnotations())
        .doesNotContainKeys(
            "kubernetes.io/service-account.name", "kubernetes.io/service-account.uid");
  }

  @Test
  void servicesLeaveAddressesAndNodePortsToTheRemoteCluster() {
    // Hold node port 30080 in milan: a reflection that copied it could not be created.
    milan
        .services()
        .inNamespace("default")
        .resource(nodePortService("holder", 30080, Map.of()))
        .create();
    Service local =
        rome.services()
            .inNamespace(PAIR.local())
            .resource(nodePortService("web", 30080, Map.of()))
            .create();
    rome.services()
        .inNamespace(PAIR.local())
        .resource(
            nodePortService("pinned", 30081, Map.of(Annotations.FORCE_REMOTE_NODE_PORT, "true")))
        .create();
    rome.services()
        .inNamespace(PAIR.local())
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("headless")
                .endMetadata()
                .withNewSpec()
                .withClusterIP("None")
                .addToSelector("app", "db")
                .addNewPort()
                .withPort(5432)
                .endPort()
                .endSpec()
                .build())
        .create();
    rome.services()
        .inNamespace(PAIR.local())
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("balanced")
                .endMetadata()
                .withNewSpec()
                .withType("LoadBalancer")
                .withLoadBalancerIP("192.0.2.10")
                .addToSelector("app", "web")
                .addNewPort()
                .withPort(80)
                .endPort()
                .endSpec()
                .build())
        .create();

    Service web = await(() -> milan.services().inNamespace(PAIR.remote()).withName("web").get());
    assertThat(web.getSpec().getClusterIP()).isNotBlank().isNotEqualTo("None");
    assertThat(web.getSpec().getPorts().get(0).getNodePort())
        .as("node port allocated by milan")
        .isNotNull()
        .isNotEqualTo(30080);
    assertThat(web.getSpec().getSelector()).isEqualTo(local.getSpec().getSelector());
    assertThat(web.getSpec().getPorts().get(0).getPort()).isEqualTo(80);

    Service pinned =
        await(() -> milan.services().inNamespace(PAIR.remote()).withName("pinned").get());
    assertThat(pinned.getSpec().getPorts().get(0).getNodePort()).isEqualTo(30081);

    Service headless =
        await(() -> milan.services().inNamespace(PAIR.remote()).withName("headless").get());
    assertThat(headless.getSpec().getClusterIP()).isEqualTo("None");

    Service balanced =
        await(() -> milan.services().inNamespace(PAIR.remote()).withName("balanced").get());
    assertThat(balanced.getSpec().getType()).isEqualTo("LoadBalancer");
    assertThat(balanced.getSpec().getLoadBalancerIP()).isNullOrEmpty();
  }

  @Test
  void endpointSlicesCarryRemappedForeignEndpointsOnly() {
    rome.resources(EndpointSlice.class)
        .inNamespace(PAIR.local())
        .resource(
            new EndpointSliceBuilder()
                .withNewMetadata()
                .withName("web-abcde")
                .addToLabels("kubernetes.io/service-name", "web")
                .addToLabels(
                    "endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io")
                .endMetadata()
                .withAddressType("IPv4")
                .addNewPort()
                .withName("http")
                .withPort(8080)
                .withProtocol("TCP")
                .endPort()
                .addNewEndpoint()
                .withAddresses("10.244.0.5")
                .withNewConditions()
                .withReady(true)
                .endConditions()
                .addToTopology("kubernetes.io/hostname", "rome-node-1")
                .withNewTargetRef()
                .withKind("Pod")
                .withName("web-1")
                .withNamespace(PAIR.local())
                .endTargetRef()
                .endEndpoint()
                .addNewEndpoint()
                .withAddresses("10.244.0.6")
                .withNewConditions()
                .withReady(true)
                .endConditions()
                .addToTopology("kubernetes.io/hostname", VIRTUAL_NODE)
                .endEndpoint()
                .build())
        .create();
    EndpointSlice remote =
        await(
            () ->
                milan
                    .resources(EndpointSlice.class)
                    .inNamespace(PAIR.remote())
                    .withName("web-abcde")
                    .get());
    assertThat(remote.getMetadata().getLabels())
        .containsEntry("kubernetes.io/service-name", "web")
        .containsEntry(
            "endpointslice.kubernetes.io/managed-by", EndpointSliceReflectorProvider.MANAGER);
    assertThat(remote.getEndpoints())
        .as("the endpoint on the virtual node of milan is native there")
        .hasSize(1);
    assertThat(remote.getEndpoints().get(0).getAddresses()).containsExactly("10.250.0.5");
    assertThat(remote.getEndpoints().get(0).getTargetRef()).isNull();
    assertThat(remote.getPorts().get(0).getPort()).isEqualTo(8080);
  }

  @Test
  void ingressesLeaveTheClassToTheRemoteCluster() {
    rome.network()
        .v1()
        .ingresses()
        .inNamespace(PAIR.local())
        .resource(
            new IngressBuilder()
                .withNewMetadata()
                .withName("shop")
                .endMetadata()
                .withNewSpec()
                .withIngressClassName("nginx-rome")
                .addNewRule()
                .withHost("shop.example.com")
                .withNewHttp()
                .addNewPath()
                .withPath("/")
                .withPathType("Prefix")
                .withNewBackend()
                .withNewService()
                .withName("web")
                .withNewPort()
                .withNumber(80)
                .endPort()
                .endService()
                .endBackend()
                .endPath()
                .endHttp()
                .endRule()
                .endSpec()
                .build())
        .create();
    Ingress remote =
        await(
            () ->
                milan.network().v1().ingresses().inNamespace(PAIR.remote()).withName("shop").get());
    assertThat(remote.getSpec().getIngressClassName()).isNull();
    assertThat(remote.getSpec().getRules().get(0).getHost()).isEqualTo("shop.example.com");
  }

  @Test
  void eventsOfReflectionsFlowBackToTheLocalObject() {
    ConfigMap local =
        rome.configMaps()
            .inNamespace(PAIR.local())
            .resource(
                new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName("watched")
                    .endMetadata()
                    .addToData("k", "v")
                    .build())
            .create();
    ConfigMap reflected =
        await(() -> milan.configMaps().inNamespace(PAIR.remote()).withName("watched").get());
    milan
        .v1()
        .events()
        .inNamespace(PAIR.remote())
        .resource(
            new EventBuilder()
                .withNewMetadata()
                .withName("watched.remote1")
                .endMetadata()
                .withInvolvedObject(
                    new ObjectReferenceBuilder()
                        .withApiVersion("v1")
                        .withKind("ConfigMap")
                        .withName("watched")
                        .withNamespace(PAIR.remote())
                        .withUid(reflected.getMetadata().getUid())
                        .build())
                .withType("Warning")
                .withReason("Audited")
                .withMessage("someone read this ConfigMap in milan")
                .withCount(1)
                .withFirstTimestamp("2026-11-21T08:00:00Z")
                .withLastTimestamp("2026-11-21T08:00:00Z")
                .withNewSource()
                .withComponent("auditor")
                .endSource()
                .build())
        .create();
    var event =
        await(
            () ->
                rome.v1().events().inNamespace(PAIR.local()).list().getItems().stream()
                    .filter(e -> "Audited".equals(e.getReason()))
                    .findFirst()
                    .orElse(null));
    assertThat(event.getInvolvedObject().getUid()).isEqualTo(local.getMetadata().getUid());
    assertThat(event.getInvolvedObject().getNamespace()).isEqualTo(PAIR.local());
    assertThat(event.getMessage()).isEqualTo("someone read this ConfigMap in milan");
  }

  private static Service nodePortService(
      String name, int nodePort, Map<String, String> annotations) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .withAnnotations(annotations)
        .endMetadata()
        .withNewSpec()
        .withType("NodePort")
        .addToSelector("app", name)
        .addNewPort()
        .withPort(80)
        .withNodePort(nodePort)
        .endPort()
        .endSpec()
        .build();
  }

  private static String caOf(ConfigMap configMap) {
    return configMap.getData().get("ca.crt");
  }

  private static <T> T await(Callable<T> lookup) {
    Predicate<T> present = value -> value != null;
    return Awaitility.await().atMost(TIMEOUT).until(lookup, present);
  }

  private static void namespace(KubernetesClient client, String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .serverSideApply();
  }
}
