package io.liqojava.core.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.WebhookClientConfig;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.liqojava.api.LiqoCrds;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.authentication.AuthTokens;
import io.liqojava.core.authentication.ServingCertificate;
import io.liqojava.core.identity.ClusterIdentityStore;
import io.liqojava.core.webhook.WebhookPaths;
import io.liqojava.core.webhook.WebhookRegistration;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link InstallManifests#render} renders, without a cluster. */
class InstallManifestsTest {

  private static final ClusterIdentity ROME =
      ClusterIdentity.builder()
          .clusterId("rome-0a1b2c")
          .clusterName("rome")
          .putLabels("topology.liqo.io/region", "center")
          .build();

  private static final ManifestSettings SETTINGS =
      ManifestSettings.builder()
          .identity(ROME)
          .apiServerUrl("https://rome.example.com:6443")
          .build();

  @TempDir Path directory;

  @Test
  void crdsComeFirstThenTheNamespaceThenEverythingInIt() {
    List<HasMetadata> objects = InstallManifests.render(SETTINGS);

    int crds = LiqoCrds.names().size();
    assertThat(objects.subList(0, crds))
        .allMatch(CustomResourceDefinition.class::isInstance)
        .extracting(o -> o.getMetadata().getName())
        .containsExactlyElementsOf(LiqoCrds.names());
    assertThat(objects.get(crds)).isInstanceOf(Namespace.class);
    assertThat(objects.get(crds).getMetadata().getName()).isEqualTo("liqo");
    assertThat(objects.subList(crds, crds + InstallManifests.namespaceAndRbac().size()))
        .extracting(InstallManifestsTest::id)
        .containsExactlyElementsOf(
            InstallManifests.namespaceAndRbac().stream().map(InstallManifestsTest::id).toList());
    assertThat(objects.subList(objects.size() - 2, objects.size()))
        .extracting(HasMetadata::getKind)
        .containsExactly("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");
    assertThat(objects)
        .extracting(InstallManifestsTest::id)
        .contains(
            "ServiceAccount liqo/liqo-agent",
            "ClusterRole liqo-agent",
            "ClusterRoleBinding liqo-agent",
            "ClusterRole liqo-remote-namespace",
            "ClusterRole liqo-remote-namespace-builtin",
            "Role kube-node-lease/liqo-agent",
            "RoleBinding liqo/liqo-agent",
            "ConfigMap liqo/liqo-cluster-identity",
            "Secret liqo/liqo-auth-token",
            "Secret liqo/liqo-webhook-tls",
            "Service liqo/liqo-auth",
            "Service liqo/liqo-webhook",
            "Deployment liqo/liqo-agent")
        .doesNotHaveDuplicates();
  }

  @Test
  void theYamlStreamReadsBackAsTheSameObjects() {
    List<HasMetadata> objects = InstallManifests.render(SETTINGS);

    String yaml = InstallManifests.toYaml(objects);

    assertThat(yaml).startsWith("---\n");
    List<HasMetadata> parsed = new ArrayList<>();
    for (String document : yaml.split("(?m)^---\\n")) {
      if (!document.isBlank()) {
        parsed.add(new KubernetesSerialization().unmarshal(document));
      }
    }
    assertThat(parsed).isEqualTo(objects);
  }

  @Test
  void theIdentityAndTokenAreTheStoresOwnObjectsAndNewAtEveryRender() {
    List<HasMetadata> first = InstallManifests.render(SETTINGS);
    List<HasMetadata> second = InstallManifests.render(SETTINGS);

    assertThat(find(first, ConfigMap.class, "liqo-cluster-identity"))
        .isEqualTo(ClusterIdentityStore.configMap(ROME));
    Secret token = find(first, Secret.class, AuthTokens.CLUSTER_TOKEN_SECRET);
    assertThat(decode(token, AuthTokens.TOKEN_KEY)).matches("[0-9a-f]{64}");
    assertThat(decode(find(second, Secret.class, AuthTokens.CLUSTER_TOKEN_SECRET), "token"))
        .isNotEqualTo(decode(token, AuthTokens.TOKEN_KEY));
    assertThat(decode(find(second, Secret.class, InstallManifests.WEBHOOK_TLS_SECRET), "tls.crt"))
        .isNotEqualTo(
            decode(find(first, Secret.class, InstallManifests.WEBHOOK_TLS_SECRET), "tls.crt"));
  }

  @Test
  void withoutAnIdentityNeitherTheIdentityNorTheTokenIsRendered() {
    List<HasMetadata> objects =
        InstallManifests.render(
            ManifestSettings.builder().apiServerUrl("https://10.0.0.1:6443").build());

    assertThat(objects)
        .extracting(InstallManifestsTest::id)
        .doesNotContain("ConfigMap liqo/liqo-cluster-identity", "Secret liqo/liqo-auth-token")
        .contains("Deployment liqo/liqo-agent", "Secret liqo/liqo-webhook-tls");
  }

  @Test
  void theAgentRunsInClusterAsNonRootWithItsServicesAndTheMountedCertificate() {
    List<HasMetadata> objects = InstallManifests.render(SETTINGS);
    Deployment deployment = find(objects, Deployment.class, "liqo-agent");
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    Container agent = pod.getContainers().get(0);

    assertThat(InstallManifests.version()).doesNotContain("${").matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(agent.getImage())
        .isEqualTo("ghcr.io/liqo-java/liqo-agent:" + InstallManifests.version());
    assertThat(agent.getArgs())
        .containsExactly(
            "--auth-bind-address=0.0.0.0",
            "--auth-port=8443",
            "--auth-service=liqo/liqo-auth",
            "--api-server-url=https://rome.example.com:6443",
            "--webhook-bind-address=0.0.0.0",
            "--webhook-port=9443",
            "--webhook-service=liqo/liqo-webhook:443",
            "--webhook-cert-dir=/etc/liqo/webhook-tls");
    assertThat(agent.getCommand()).isEmpty();
    assertThat(pod.getServiceAccountName()).isEqualTo(AgentRbac.NAME);
    assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    assertThat(deployment.getSpec().getSelector().getMatchLabels())
        .isEqualTo(deployment.getSpec().getTemplate().getMetadata().getLabels());
    assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(65532L);
    assertThat(agent.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(agent.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(agent.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(agent.getResources().getRequests()).containsKeys("cpu", "memory");
    assertThat(agent.getResources().getLimits()).containsKeys("cpu", "memory");
    assertThat(agent.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/ids");
    assertThat(agent.getLivenessProbe().getTcpSocket().getPort().getStrVal()).isEqualTo("auth");
    assertThat(agent.getPorts())
        .extracting(p -> p.getName() + "=" + p.getContainerPort())
        .containsExactly("auth=8443", "webhook=9443");

    // The certificate directory of the arguments is where the TLS Secret is mounted.
    String mountedVolume =
        agent.getVolumeMounts().stream()
            .filter(m -> m.getMountPath().equals("/etc/liqo/webhook-tls"))
            .findFirst()
            .orElseThrow()
            .getName();
    assertThat(pod.getVolumes())
        .filteredOn(v -> v.getName().equals(mountedVolume))
        .extracting(v -> v.getSecret().getSecretName())
        .containsExactly(InstallManifests.WEBHOOK_TLS_SECRET);
    assertThat(agent.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp"));

    Service auth = find(objects, Service.class, "liqo-auth");
    Service webhook = find(objects, Service.class, "liqo-webhook");
    assertThat(auth.getSpec().getType()).isEqualTo("LoadBalancer");
    assertThat(webhook.getSpec().getType()).isEqualTo("ClusterIP");
    for (Service service : List.of(auth, webhook)) {
      assertThat(service.getSpec().getSelector())
          .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
      assertThat(service.getSpec().getPorts().get(0).getPort()).isEqualTo(443);
    }
    assertThat(auth.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("auth");
    assertThat(webhook.getSpec().getPorts().get(0).getTargetPort().getStrVal())
        .isEqualTo("webhook");
  }

  @Test
  void anAdvertisedUrlReplacesTheServiceLookupAndTheServiceTypeIsChosen() {
    List<HasMetadata> objects =
        InstallManifests.render(
            ManifestSettings.builder()
                .from(SETTINGS)
                .authServiceType(AuthServiceType.NODE_PORT)
                .authAdvertisedUrl("https://auth.rome.example.com")
                .agentImage("registry.local/agent:dev")
                .build());

    Container agent =
        find(objects, Deployment.class, "liqo-agent")
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);
    assertThat(agent.getImage()).isEqualTo("registry.local/agent:dev");
    assertThat(agent.getArgs())
        .contains("--auth-advertised-url=https://auth.rome.example.com")
        .noneMatch(arg -> arg.startsWith("--auth-service="));
    assertThat(find(objects, Service.class, "liqo-auth").getSpec().getType()).isEqualTo("NodePort");
  }

  @Test
  void theWebhookConfigurationsCallTheServiceAndTrustTheRenderedCertificate() throws Exception {
    List<HasMetadata> objects = InstallManifests.render(SETTINGS);
    Secret tls = find(objects, Secret.class, InstallManifests.WEBHOOK_TLS_SECRET);
    MutatingWebhookConfiguration mutating =
        find(objects, MutatingWebhookConfiguration.class, AgentRbac.WEBHOOK_CONFIGURATION);
    ValidatingWebhookConfiguration validating =
        find(objects, ValidatingWebhookConfiguration.class, AgentRbac.WEBHOOK_CONFIGURATION);
    String certificatePem = decode(tls, "tls.crt");

    assertThat(tls.getType()).isEqualTo("kubernetes.io/tls");
    assertThat(mutating)
        .isEqualTo(
            WebhookRegistration.mutatingConfiguration(
                certificatePem, InstallManifests.webhookEndpoint()));
    assertThat(validating)
        .isEqualTo(
            WebhookRegistration.validatingConfiguration(
                certificatePem, InstallManifests.webhookEndpoint()));
    List<WebhookClientConfig> clients = new ArrayList<>();
    mutating.getWebhooks().forEach(w -> clients.add(w.getClientConfig()));
    validating.getWebhooks().forEach(w -> clients.add(w.getClientConfig()));
    assertThat(clients)
        .extracting(
            c ->
                c.getService().getNamespace()
                    + "/"
                    + c.getService().getName()
                    + ":"
                    + c.getService().getPort()
                    + c.getService().getPath())
        .containsExactly(
            "liqo/liqo-webhook:443" + WebhookPaths.POD,
            "liqo/liqo-webhook:443" + WebhookPaths.DAEMONSET,
            "liqo/liqo-webhook:443" + WebhookPaths.NAMESPACE_OFFLOADING);
    assertThat(clients)
        .extracting(WebhookClientConfig::getCaBundle)
        .containsOnly(tls.getData().get("tls.crt"));

    // The Secret, mounted as the kubelet does, is what the agent reads.
    Files.writeString(directory.resolve("tls.crt"), certificatePem);
    Files.writeString(directory.resolve("tls.key"), decode(tls, "tls.key"));
    ServingCertificate served = ServingCertificate.read(directory);
    assertThat(served.caBundlePem()).isEqualTo(certificatePem);
    X509Certificate certificate = served.certificate();
    assertThat(certificate.getSubjectAlternativeNames())
        .extracting(name -> (Object) name.get(1))
        .contains("liqo-webhook.liqo.svc", "liqo-webhook.liqo.svc.cluster.local", "127.0.0.1");
    assertThat(certificate.getNotAfter().toInstant())
        .isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(3600)));
    String sha256 =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(certificatePem.getBytes(StandardCharsets.UTF_8)));
    assertThat(
            find(objects, Deployment.class, "liqo-agent")
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations())
        .containsEntry(InstallManifests.WEBHOOK_CERTIFICATE_ANNOTATION, sha256);
  }

  @Test
  void invalidSettingsAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> ManifestSettings.builder().apiServerUrl("http://rome:6443").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the API server URL 'http://rome:6443' is not valid")
        .hasMessageContaining("https://HOST[:PORT]");
    assertThatThrownBy(
            () ->
                ManifestSettings.builder()
                    .apiServerUrl("https://rome:6443")
                    .authAdvertisedUrl("https://auth.rome/x")
                    .build())
        .hasMessageContaining("the authentication service URL 'https://auth.rome/x'")
        .hasMessageContaining("no path");
    assertThatThrownBy(
            () ->
                ManifestSettings.builder()
                    .apiServerUrl("https://rome:6443")
                    .agentImage("my image")
                    .build())
        .hasMessageContaining("the agent image 'my image' is not valid");
  }

  private static String id(HasMetadata object) {
    String namespace = object.getMetadata().getNamespace();
    return object.getKind()
        + " "
        + (namespace == null ? "" : namespace + "/")
        + object.getMetadata().getName();
  }

  private static <T extends HasMetadata> T find(
      List<HasMetadata> objects, Class<T> type, String name) {
    return objects.stream()
        .filter(type::isInstance)
        .map(type::cast)
        .filter(o -> Objects.equals(o.getMetadata().getName(), name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
  }

  private static String decode(Secret secret, String key) {
    return new String(
        Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.US_ASCII);
  }
}
