package io.liqojava.core.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloading;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingSpec;
import io.liqojava.core.agent.AgentConfig;
import io.liqojava.core.agent.AuthServiceEndpoint;
import io.liqojava.core.agent.LiqoAgent;
import io.liqojava.core.authentication.Pki;
import io.liqojava.core.identity.ClusterIdentityStore;
import io.liqojava.core.identity.LiqoNamespace;
import io.liqojava.core.webhook.WebhookPaths;
import io.liqojava.core.webhook.WebhookRegistration;
import io.liqojava.core.webhook.WebhookSettings;
import io.liqojava.core.webhook.Webhooks;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.junit.LocalClusters;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifests of {@code liqoctl install --only-output} ({@link InstallManifests}) against a real
 * API server: every object passes server-side dry run and none is persisted; a broken manifest is
 * refused; the agent serves the rendered webhook certificate, and the API server calls its webhooks
 * trusting the rendered CA bundle; the agent advertises the address of the rendered Service.
 *
 * <p>Ordering: the rendered objects have one prerequisite, their namespace. A namespaced object
 * cannot be dry-run in a namespace that does not exist (the API server's NamespaceLifecycle
 * admission refuses it), and dry-running the Namespace does not create it. So every cluster-scoped
 * object (the CRDs, the Namespace, the ClusterRoles and bindings, the webhook configurations) is
 * dry-run first, then the Namespace alone is created for real, then every namespaced object is
 * dry-run. No rendered object is a custom resource, so none needs a CRD to be established first:
 * the CRDs are dry-run like the other cluster-scoped objects (the API server validates their
 * schemas and names). The tests run in order, the dry run first, on a cluster without Liqo.
 */
@LocalClusters("oslo")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstallManifestsTest {

  /** The field manager of {@code kubectl apply --server-side}. */
  private static final String KUBECTL = "kubectl";

  private static final ClusterIdentity OSLO =
      ClusterIdentityStore.newIdentity("oslo", Map.of("topology.liqo.io/region", "north"));

  @TempDir Path certificateDirectory;

  @Test
  @Order(1)
  void everyRenderedObjectPassesServerSideDryRunAndNoneIsPersisted(LocalCluster oslo) {
    KubernetesClient client = oslo.client();
    List<HasMetadata> rendered =
        InstallManifests.render(settings(oslo, AuthServiceType.LOAD_BALANCER));
    // Read back from the YAML stream as kubectl would, with fabric8's multi-document loader.
    List<HasMetadata> objects =
        client
            .load(
                new ByteArrayInputStream(
                    InstallManifests.toYaml(rendered).getBytes(StandardCharsets.UTF_8)))
            .items();
    assertThat(objects).hasSameSizeAs(rendered);
    assertThat(objects).allSatisfy(o -> assertThat(client.resource(o).get()).as(id(o)).isNull());

    List<HasMetadata> clusterScoped =
        objects.stream().filter(o -> o.getMetadata().getNamespace() == null).toList();
    List<HasMetadata> namespaced =
        objects.stream().filter(o -> o.getMetadata().getNamespace() != null).toList();
    assertThat(clusterScoped)
        .extracting(HasMetadata::getKind)
        .contains(
            "CustomResourceDefinition",
            "Namespace",
            "ClusterRole",
            "ClusterRoleBinding",
            "MutatingWebhookConfiguration",
            "ValidatingWebhookConfiguration");
    assertThat(namespaced)
        .extracting(HasMetadata::getKind)
        .contains("ServiceAccount", "Role", "RoleBinding", "ConfigMap", "Secret", "Service")
        .contains("Deployment");

    assertThat(dryRun(client, clusterScoped)).isEmpty();
    assertThat(clusterScoped)
        .allSatisfy(o -> assertThat(client.resource(o).get()).as(id(o)).isNull());

    // Why the namespace must exist: without it the API server refuses namespaced objects.
    HasMetadata first = namespaced.get(0);
    assertThat(dryRun(client, List.of(first)).get(id(first)))
        .startsWith("404")
        .contains("namespaces \"liqo\" not found");

    // The one prerequisite, created for real: the namespace the other objects live in.
    Namespace liqo = find(objects, Namespace.class, LiqoNamespace.NAME);
    client.resource(liqo).fieldManager(KUBECTL).forceConflicts().serverSideApply();
    assertThat(dryRun(client, namespaced)).isEmpty();
    assertThat(namespaced).allSatisfy(o -> assertThat(client.resource(o).get()).as(id(o)).isNull());
  }

  @Test
  @Order(2)
  void aBrokenManifestIsRefusedByTheDryRun(LocalCluster oslo) {
    KubernetesClient client = oslo.client();
    List<HasMetadata> objects = InstallManifests.render(settings(oslo, AuthServiceType.NODE_PORT));
    ensureLiqoNamespace(client);
    Deployment deployment = find(objects, Deployment.class, InstallManifests.AGENT_DEPLOYMENT);
    deployment.getSpec().getTemplate().getMetadata().setLabels(Map.of("app", "something-else"));
    CustomResourceDefinition crd = find(objects, CustomResourceDefinition.class, null);
    String crdName = crd.getMetadata().getName();
    crd.getMetadata().setName("wrong." + crd.getSpec().getGroup());

    Map<String, String> refused = dryRun(client, List.of(crd, deployment));

    assertThat(refused).containsOnlyKeys(id(crd), id(deployment));
    assertThat(refused.get(id(deployment)))
        .contains("422")
        .contains("`selector` does not match template `labels`");
    assertThat(refused.get(id(crd))).contains("422").contains("must be spec.names.plural");
    assertThat(client.resource(deployment).get()).isNull();
    assertThat(client.apiextensions().v1().customResourceDefinitions().withName(crdName).get())
        .isNull();
  }

  @Test
  @Order(3)
  void theAgentServesTheRenderedCertificateAndTheApiServerTrustsTheRenderedCaBundle(
      LocalCluster oslo) throws Exception {
    KubernetesClient client = oslo.client();
    List<HasMetadata> objects = InstallManifests.render(settings(oslo, AuthServiceType.NODE_PORT));
    // Applied for real as 'kubectl apply --server-side' would, but for the Deployment (the agent
    // runs in this JVM instead, with the same settings) and the webhook configurations: the test
    // bed has no Service routing, so the agent registers them by URL instead of through the
    // Service, trusting the same CA bundle.
    for (HasMetadata object : objects) {
      if (!(object instanceof Deployment
          || object instanceof MutatingWebhookConfiguration
          || object instanceof ValidatingWebhookConfiguration)) {
        client.resource(object).fieldManager(KUBECTL).forceConflicts().serverSideApply();
      }
    }
    awaitEstablished(client, objects);
    mountAsTheKubeletDoes(find(objects, Secret.class, InstallManifests.WEBHOOK_TLS_SECRET));
    String renderedCaBundle =
        find(objects, MutatingWebhookConfiguration.class, AgentRbac.WEBHOOK_CONFIGURATION)
            .getWebhooks()
            .get(0)
            .getClientConfig()
            .getCaBundle();
    X509Certificate renderedCertificate =
        Pki.parseCertificates(
                new String(Base64.getDecoder().decode(renderedCaBundle), StandardCharsets.US_ASCII))
            .get(0);

    AgentConfig config =
        AgentConfig.builder()
            .apiServerUrl(oslo.apiServerUrl())
            .authService(
                new AuthServiceEndpoint.ServiceName(
                    LiqoNamespace.NAME, InstallManifests.AUTH_SERVICE))
            .webhooks(WebhookSettings.builder().certificateDirectory(certificateDirectory).build())
            .build();
    try (LiqoAgent agent = LiqoAgent.start(client, config)) {
      // The agent advertises the rendered NodePort Service: a node's address and the node port.
      Service auth =
          client
              .services()
              .inNamespace(LiqoNamespace.NAME)
              .withName(InstallManifests.AUTH_SERVICE)
              .get();
      String nodeAddress =
          client.nodes().withName(oslo.nodeNames().get(0)).get().getStatus().getAddresses().stream()
              .filter(a -> a.getType().equals("InternalIP"))
              .findFirst()
              .orElseThrow()
              .getAddress();
      String expectedUrl =
          "https://" + nodeAddress + ":" + auth.getSpec().getPorts().get(0).getNodePort();
      assertThat(agent.authUrl()).isEqualTo(expectedUrl);
      assertThat(AuthServiceEndpoint.read(client)).contains(expectedUrl);
      assertThat(agent.identity().clusterId()).isEqualTo(OSLO.clusterId());

      // It registered its webhooks trusting exactly the rendered CA bundle.
      MutatingWebhookConfiguration registered =
          client
              .admissionRegistration()
              .v1()
              .mutatingWebhookConfigurations()
              .withName(AgentRbac.WEBHOOK_CONFIGURATION)
              .get();
      assertThat(registered.getWebhooks())
          .allSatisfy(
              w -> assertThat(w.getClientConfig().getCaBundle()).isEqualTo(renderedCaBundle));
      assertThat(
              client
                  .admissionRegistration()
                  .v1()
                  .validatingWebhookConfigurations()
                  .withName(AgentRbac.WEBHOOK_CONFIGURATION)
                  .get()
                  .getWebhooks()
                  .get(0)
                  .getClientConfig()
                  .getCaBundle())
          .isEqualTo(renderedCaBundle);

      // The TLS handshake presents the rendered certificate, verified with the rendered CA bundle
      // alone (and the host name, 127.0.0.1).
      String podWebhookUrl = registered.getWebhooks().get(0).getClientConfig().getUrl();
      assertThat(podWebhookUrl).endsWith(WebhookPaths.POD);
      HttpsURLConnection connection = (HttpsURLConnection) new URL(podWebhookUrl).openConnection();
      connection.setSSLSocketFactory(trusting(renderedCertificate).getSocketFactory());
      assertThat(connection.getResponseCode()).isEqualTo(405); // GET: the server answers POST
      Certificate[] presented = connection.getServerCertificates();
      connection.disconnect();
      assertThat(presented[0]).isEqualTo(renderedCertificate);

      // The real API server calls both webhooks over HTTPS, trusting that CA bundle.
      String plain = namespace(client, "manifests-validation", false);
      NamespaceOffloading misnamed = new NamespaceOffloading();
      misnamed.getMetadata().setName("other");
      misnamed.getMetadata().setNamespace(plain);
      misnamed.setSpec(new NamespaceOffloadingSpec());
      assertThatThrownBy(() -> client.resource(misnamed).create())
          .isInstanceOf(KubernetesClientException.class)
          .hasMessageContaining(WebhookRegistration.NAMESPACE_OFFLOADING_WEBHOOK)
          .hasMessageContaining("metadata.name must be 'offloading', not 'other'");
      String labelled = namespace(client, "manifests-pods", true);
      assertThatThrownBy(
              () ->
                  client
                      .pods()
                      .inNamespace(labelled)
                      .resource(
                          new PodBuilder()
                              .withNewMetadata()
                              .withName("early")
                              .endMetadata()
                              .withNewSpec()
                              .addNewContainer()
                              .withName("app")
                              .withImage("nginx")
                              .endContainer()
                              .endSpec()
                              .build())
                      .create())
          .isInstanceOf(KubernetesClientException.class)
          .hasMessageContaining(WebhookRegistration.POD_WEBHOOK)
          .hasMessageContaining("has no NamespaceOffloading");
    } finally {
      Webhooks.unregister(client);
    }
  }

  @Test
  @Order(4)
  void theAgentAdvertisesALoadBalancerOnceItHasAnAddressAndAClusterIp(LocalCluster oslo) {
    KubernetesClient client = oslo.client();
    ensureLiqoNamespace(client);
    AuthServiceEndpoint.ServiceName loadBalancer =
        createAuthService(client, AuthServiceType.LOAD_BALANCER, "liqo-auth-lb");
    AuthServiceEndpoint.ServiceName clusterIp =
        createAuthService(client, AuthServiceType.CLUSTER_IP, "liqo-auth-cluster");

    assertThatThrownBy(() -> AuthServiceEndpoint.resolve(client, loadBalancer))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the LoadBalancer Service liqo/liqo-auth-lb has no address yet");
    client
        .services()
        .inNamespace(LiqoNamespace.NAME)
        .withName(loadBalancer.name())
        .editStatus(
            service -> {
              service
                  .getStatus()
                  .getLoadBalancer()
                  .setIngress(
                      List.of(new LoadBalancerIngressBuilder().withIp("192.0.2.10").build()));
              return service;
            });
    assertThat(AuthServiceEndpoint.resolve(client, loadBalancer))
        .isEqualTo("https://192.0.2.10:443");
    String ip =
        client
            .services()
            .inNamespace(LiqoNamespace.NAME)
            .withName(clusterIp.name())
            .get()
            .getSpec()
            .getClusterIP();
    assertThat(AuthServiceEndpoint.resolve(client, clusterIp)).isEqualTo("https://" + ip + ":443");
    assertThatThrownBy(
            () ->
                AuthServiceEndpoint.resolve(
                    client, new AuthServiceEndpoint.ServiceName("liqo", "missing")))
        .hasMessageContaining("the Service liqo/missing does not exist");
  }

  private static ManifestSettings settings(LocalCluster cluster, AuthServiceType type) {
    return ManifestSettings.builder()
        .identity(OSLO)
        .apiServerUrl(cluster.apiServerUrl())
        .authServiceType(type)
        .build();
  }

  /**
   * Sends every object with server-side apply in dry-run mode, as {@code kubectl apply
   * --server-side --dry-run=server} does; returns the refused ones with the API server's answer.
   */
  private static Map<String, String> dryRun(KubernetesClient client, List<HasMetadata> objects) {
    Map<String, String> refused = new LinkedHashMap<>();
    for (HasMetadata object : objects) {
      try {
        HasMetadata answer =
            client.resource(object).dryRun().fieldManager(KUBECTL).serverSideApply();
        assertThat(id(answer)).isEqualTo(id(object));
      } catch (KubernetesClientException e) {
        refused.put(id(object), e.getCode() + " " + e.getMessage());
      }
    }
    return refused;
  }

  private static AuthServiceEndpoint.ServiceName createAuthService(
      KubernetesClient client, AuthServiceType type, String name) {
    Service rendered =
        find(
            InstallManifests.render(
                ManifestSettings.builder()
                    .apiServerUrl("https://oslo.example.com:6443")
                    .authServiceType(type)
                    .build()),
            Service.class,
            InstallManifests.AUTH_SERVICE);
    Service copy = new ServiceBuilder(rendered).editMetadata().withName(name).endMetadata().build();
    client.resource(copy).create();
    return new AuthServiceEndpoint.ServiceName(LiqoNamespace.NAME, name);
  }

  private void mountAsTheKubeletDoes(Secret secret) throws Exception {
    for (Map.Entry<String, String> entry : secret.getData().entrySet()) {
      Files.write(
          certificateDirectory.resolve(entry.getKey()),
          Base64.getDecoder().decode(entry.getValue()));
    }
  }

  private static void ensureLiqoNamespace(KubernetesClient client) {
    client
        .resource(LiqoNamespace.namespace())
        .fieldManager(KUBECTL)
        .forceConflicts()
        .serverSideApply();
  }

  /** Waits until the API server serves every rendered CRD, as the agent needs them. */
  private static void awaitEstablished(KubernetesClient client, List<HasMetadata> objects) {
    for (HasMetadata object : objects) {
      if (object instanceof CustomResourceDefinition crd) {
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .withName(crd.getMetadata().getName())
            .waitUntilCondition(
                established ->
                    established != null
                        && established.getStatus() != null
                        && established.getStatus().getConditions() != null
                        && established.getStatus().getConditions().stream()
                            .anyMatch(
                                c ->
                                    c.getType().equals("Established")
                                        && c.getStatus().equals("True")),
                1,
                TimeUnit.MINUTES);
      }
    }
  }

  private static String namespace(KubernetesClient client, String name, boolean scheduling) {
    NamespaceBuilder namespace =
        new NamespaceBuilder().withNewMetadata().withName(name).endMetadata();
    if (scheduling) {
      namespace.editMetadata().addToLabels(Labels.SCHEDULING_ENABLED, Labels.TRUE).endMetadata();
    }
    client.resource(namespace.build()).create();
    return name;
  }

  private static SSLContext trusting(X509Certificate certificate) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("rendered", certificate);
    TrustManagerFactory trustManagers =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trustManagers.getTrustManagers(), null);
    return tls;
  }

  private static String id(HasMetadata object) {
    String namespace = object.getMetadata().getNamespace();
    return object.getKind()
        + " "
        + (namespace == null ? "" : namespace + "/")
        + object.getMetadata().getName();
  }

  /** The first object of {@code type} named {@code name}, or the first of its type for null. */
  private static <T extends HasMetadata> T find(
      List<HasMetadata> objects, Class<T> type, String name) {
    List<T> matching = new ArrayList<>();
    for (HasMetadata object : objects) {
      if (type.isInstance(object)
          && (name == null || Objects.equals(object.getMetadata().getName(), name))) {
        matching.add(type.cast(object));
      }
    }
    assertThat(matching).as("rendered %s %s", type.getSimpleName(), name).isNotEmpty();
    return matching.get(0);
  }
}
