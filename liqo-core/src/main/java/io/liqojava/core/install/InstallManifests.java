package io.liqojava.core.install;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.liqojava.core.agent.AuthServiceEndpoint;
import io.liqojava.core.authentication.AuthTokens;
import io.liqojava.core.authentication.Pki;
import io.liqojava.core.authentication.ServingCertificate;
import io.liqojava.core.crd.CrdInstaller;
import io.liqojava.core.identity.ClusterIdentityStore;
import io.liqojava.core.identity.LiqoNamespace;
import io.liqojava.core.webhook.WebhookEndpoint;
import io.liqojava.core.webhook.WebhookRegistration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Every object a real cluster needs to run liqo-java, as manifests: what {@code liqoctl install
 * --only-output} prints for {@code kubectl apply --server-side -f}.
 *
 * <p>{@link #render} returns, in apply order:
 *
 * <ol>
 *   <li>the Liqo CRDs ({@link CrdInstaller#definitions()});
 *   <li>the namespace {@code liqo} and the agent's RBAC ({@link #namespaceAndRbac()}, which {@link
 *       LiqoInstaller#install} applies too);
 *   <li>with an identity: the cluster identity ConfigMap ({@link ClusterIdentityStore#configMap})
 *       and a new authentication token Secret ({@link AuthTokens#newClusterTokenSecret()});
 *   <li>the Secret {@value #WEBHOOK_TLS_SECRET} with a new self-signed certificate and key for the
 *       webhook Service, valid for ten years;
 *   <li>the Services {@value #AUTH_SERVICE} (the authentication service, of the type chosen) and
 *       {@value #WEBHOOK_SERVICE} (ClusterIP, the webhooks);
 *   <li>the agent Deployment {@value #AGENT_DEPLOYMENT}: one replica running the agent image as a
 *       non-root user on a read-only root file system, with the webhook certificate mounted;
 *   <li>the webhook configurations ({@link WebhookRegistration#mutatingConfiguration} and {@link
 *       WebhookRegistration#validatingConfiguration}) calling {@value #WEBHOOK_SERVICE} and
 *       trusting the rendered certificate.
 * </ol>
 *
 * <p>Every object comes from the code that writes it at run time: the installer, the identity
 * store, the token store and the agent's webhook registration. Each call generates a new cluster ID
 * (of the identity given), token and webhook certificate.
 */
public final class InstallManifests {

  /** The repository of the agent image; the tag is the liqo-java version. */
  public static final String AGENT_IMAGE_REPOSITORY = "ghcr.io/liqo-java/liqo-agent";

  /** The agent Deployment (in {@code liqo}), named like its ServiceAccount. */
  public static final String AGENT_DEPLOYMENT = AgentRbac.NAME;

  /** The agent's container in its Deployment. */
  public static final String AGENT_CONTAINER = "agent";

  /** The Service in front of the authentication service, as in Liqo. */
  public static final String AUTH_SERVICE = "liqo-auth";

  /** The ClusterIP Service the API server calls the webhooks through. */
  public static final String WEBHOOK_SERVICE = "liqo-webhook";

  /** The {@code kubernetes.io/tls} Secret with the webhook server's certificate and key. */
  public static final String WEBHOOK_TLS_SECRET = "liqo-webhook-tls";

  /** The port the agent serves the authentication service on, in its pod. */
  public static final int AUTH_PORT = 8443;

  /** The port the agent serves the webhooks on, in its pod. */
  public static final int WEBHOOK_PORT = 9443;

  /** The port of both Services. */
  public static final int SERVICE_PORT = 443;

  /** Where the agent's pod mounts {@value #WEBHOOK_TLS_SECRET}. */
  public static final String WEBHOOK_CERTIFICATE_DIRECTORY = "/etc/liqo/webhook-tls";

  /** The label selecting the agent's pods. */
  public static final String APP_LABEL = "app.kubernetes.io/name";

  /**
   * The pod template annotation with the SHA-256 of the webhook certificate: applying manifests
   * rendered again (with a new certificate) restarts the agent with it.
   */
  public static final String WEBHOOK_CERTIFICATE_ANNOTATION = "liqo.io/webhook-certificate-sha256";

  /** The user and group the agent runs as, those of the image. */
  public static final long AGENT_USER = 65532;

  /** How long the rendered webhook certificate is valid. */
  public static final Duration WEBHOOK_CERTIFICATE_VALIDITY = Duration.ofDays(3650);

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private InstallManifests() {}

  /** The liqo-java version of this library, such as {@code 0.1.0}. */
  public static String version() {
    return Version.VALUE;
  }

  /** {@value #AGENT_IMAGE_REPOSITORY} tagged with {@link #version()}. */
  public static String defaultAgentImage() {
    return AGENT_IMAGE_REPOSITORY + ":" + version();
  }

  /**
   * The namespace {@code liqo} and the agent's RBAC ({@link AgentRbac#objects()}), in apply order:
   * what {@link LiqoInstaller#install} applies after the CRDs, and what {@link #render} renders.
   */
  public static List<HasMetadata> namespaceAndRbac() {
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(LiqoNamespace.namespace());
    objects.addAll(AgentRbac.objects());
    return objects;
  }

  /** Every object of an installation, in apply order (see the class description). */
  public static List<HasMetadata> render(ManifestSettings settings) {
    List<HasMetadata> objects = new ArrayList<>(CrdInstaller.definitions());
    objects.addAll(namespaceAndRbac());
    settings
        .identity()
        .ifPresent(
            identity -> {
              objects.add(ClusterIdentityStore.configMap(identity));
              objects.add(AuthTokens.newClusterTokenSecret());
            });
    KeyPair keys = Pki.newKeyPair();
    X509Certificate certificate =
        Pki.selfSignedServer(
            "liqo-webhooks", keys, webhookCertificateNames(), WEBHOOK_CERTIFICATE_VALIDITY);
    String certificatePem = Pki.toPem(certificate);
    objects.add(webhookTlsSecret(certificatePem, Pki.toPem(keys.getPrivate())));
    objects.add(authService(settings.authServiceType()));
    objects.add(webhookService());
    objects.add(agentDeployment(settings, certificatePem));
    // The agent registers the same configurations at start, from the mounted certificate.
    objects.add(WebhookRegistration.mutatingConfiguration(certificatePem, webhookEndpoint()));
    objects.add(WebhookRegistration.validatingConfiguration(certificatePem, webhookEndpoint()));
    return objects;
  }

  /** {@code objects} as one YAML stream, a document per object, each starting with {@code ---}. */
  public static String toYaml(List<? extends HasMetadata> objects) {
    StringBuilder yaml = new StringBuilder();
    for (HasMetadata object : objects) {
      String document = SERIALIZATION.asYaml(object);
      if (!document.startsWith("---")) {
        yaml.append("---\n");
      }
      yaml.append(document);
      if (!document.endsWith("\n")) {
        yaml.append('\n');
      }
    }
    return yaml.toString();
  }

  /** The Service the webhook configurations call: {@code liqo/liqo-webhook:443}. */
  public static WebhookEndpoint.Service webhookEndpoint() {
    return new WebhookEndpoint.Service(LiqoNamespace.NAME, WEBHOOK_SERVICE, SERVICE_PORT);
  }

  /**
   * The agent's command-line arguments in its Deployment: the flags of the agent launcher ({@code
   * io.liqojava.samples.agent.Agent}, the image's entry point).
   */
  public static List<String> agentArgs(ManifestSettings settings) {
    List<String> args = new ArrayList<>();
    args.add("--auth-bind-address=0.0.0.0");
    args.add("--auth-port=" + AUTH_PORT);
    if (settings.authAdvertisedUrl().isPresent()) {
      args.add("--auth-advertised-url=" + settings.authAdvertisedUrl().get());
    } else {
      args.add(
          "--auth-service="
              + new AuthServiceEndpoint.ServiceName(LiqoNamespace.NAME, AUTH_SERVICE));
    }
    args.add("--api-server-url=" + settings.apiServerUrl());
    args.add("--webhook-bind-address=0.0.0.0");
    args.add("--webhook-port=" + WEBHOOK_PORT);
    WebhookEndpoint.Service webhooks = webhookEndpoint();
    args.add(
        "--webhook-service="
            + webhooks.namespace()
            + "/"
            + webhooks.name()
            + ":"
            + webhooks.port());
    args.add("--webhook-cert-dir=" + WEBHOOK_CERTIFICATE_DIRECTORY);
    return args;
  }

  /** The names the webhook certificate is valid for: the Service's, localhost and 127.0.0.1. */
  private static Set<String> webhookCertificateNames() {
    Set<String> names = new LinkedHashSet<>(webhookEndpoint().dnsNames());
    // As in the certificates the agent generates: for port-forwarding and local checks.
    names.add("localhost");
    names.add("127.0.0.1");
    return names;
  }

  private static Secret webhookTlsSecret(String certificatePem, String keyPem) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(ServingCertificate.CERTIFICATE_FILE, base64(certificatePem));
    data.put(ServingCertificate.KEY_FILE, base64(keyPem));
    return new SecretBuilder()
        .withMetadata(metadata(WEBHOOK_TLS_SECRET))
        .withType("kubernetes.io/tls")
        .withData(data)
        .build();
  }

  private static Service authService(AuthServiceType type) {
    return new ServiceBuilder()
        .withMetadata(metadata(AUTH_SERVICE))
        .withNewSpec()
        .withType(type.value())
        .withSelector(Map.of(APP_LABEL, AGENT_DEPLOYMENT))
        .addNewPort()
        .withName("https")
        .withProtocol("TCP")
        .withPort(SERVICE_PORT)
        .withTargetPort(new IntOrString("auth"))
        .endPort()
        .endSpec()
        .build();
  }

  private static Service webhookService() {
    return new ServiceBuilder()
        .withMetadata(metadata(WEBHOOK_SERVICE))
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(Map.of(APP_LABEL, AGENT_DEPLOYMENT))
        .addNewPort()
        .withName("https")
        .withProtocol("TCP")
        .withPort(SERVICE_PORT)
        .withTargetPort(new IntOrString("webhook"))
        .endPort()
        .endSpec()
        .build();
  }

  private static Deployment agentDeployment(ManifestSettings settings, String certificatePem) {
    Map<String, String> podLabels = Map.of(APP_LABEL, AGENT_DEPLOYMENT);
    ObjectMeta metadata = metadata(AGENT_DEPLOYMENT);
    metadata.getLabels().put(APP_LABEL, AGENT_DEPLOYMENT);
    return new DeploymentBuilder()
        .withMetadata(metadata)
        .withNewSpec()
        .withReplicas(1)
        // Two agents of one cluster must never run together: no rolling update.
        .withNewStrategy()
        .withType("Recreate")
        .endStrategy()
        .withNewSelector()
        .withMatchLabels(podLabels)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .withLabels(podLabels)
        .withAnnotations(Map.of(WEBHOOK_CERTIFICATE_ANNOTATION, sha256(certificatePem)))
        .endMetadata()
        .withNewSpec()
        .withServiceAccountName(AgentRbac.NAME)
        .withEnableServiceLinks(false)
        .withNodeSelector(Map.of("kubernetes.io/os", "linux"))
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withRunAsUser(AGENT_USER)
        .withRunAsGroup(AGENT_USER)
        .withFsGroup(AGENT_USER)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .withContainers(
            new ContainerBuilder()
                .withName(AGENT_CONTAINER)
                .withImage(settings.agentImage())
                .withArgs(agentArgs(settings))
                .addNewPort()
                .withName("auth")
                .withContainerPort(AUTH_PORT)
                .withProtocol("TCP")
                .endPort()
                .addNewPort()
                .withName("webhook")
                .withContainerPort(WEBHOOK_PORT)
                .withProtocol("TCP")
                .endPort()
                // The agent has no health endpoint of its own: it is started once its
                // authentication service listens, and ready while that answers GET /ids, which
                // reads the cluster identity through the API server.
                .withStartupProbe(tcpProbe(5, 60))
                .withLivenessProbe(tcpProbe(20, 3))
                .withReadinessProbe(
                    new ProbeBuilder()
                        .withNewHttpGet()
                        .withScheme("HTTPS")
                        .withPath("/ids")
                        .withPort(new IntOrString("auth"))
                        .endHttpGet()
                        .withPeriodSeconds(10)
                        .withTimeoutSeconds(5)
                        .withFailureThreshold(3)
                        .build())
                .withNewResources()
                .withRequests(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("512Mi")))
                .withLimits(Map.of("cpu", new Quantity("2"), "memory", new Quantity("1Gi")))
                .endResources()
                .withNewSecurityContext()
                .withAllowPrivilegeEscalation(false)
                .withReadOnlyRootFilesystem(true)
                .withRunAsNonRoot(true)
                .withNewCapabilities()
                .withDrop("ALL")
                .endCapabilities()
                .endSecurityContext()
                .addNewVolumeMount()
                .withName("webhook-tls")
                .withMountPath(WEBHOOK_CERTIFICATE_DIRECTORY)
                .withReadOnly(true)
                .endVolumeMount()
                // The JVM writes its performance data and temporary files there.
                .addNewVolumeMount()
                .withName("tmp")
                .withMountPath("/tmp")
                .endVolumeMount()
                .build())
        .addNewVolume()
        .withName("webhook-tls")
        .withNewSecret()
        .withSecretName(WEBHOOK_TLS_SECRET)
        .withDefaultMode(0440)
        .endSecret()
        .endVolume()
        .addNewVolume()
        .withName("tmp")
        .withNewEmptyDir()
        .withSizeLimit(new Quantity("256Mi"))
        .endEmptyDir()
        .endVolume()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static Probe tcpProbe(int periodSeconds, int failureThreshold) {
    return new ProbeBuilder()
        .withNewTcpSocket()
        .withPort(new IntOrString("auth"))
        .endTcpSocket()
        .withPeriodSeconds(periodSeconds)
        .withTimeoutSeconds(5)
        .withFailureThreshold(failureThreshold)
        .build();
  }

  private static ObjectMeta metadata(String name) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(LiqoNamespace.NAME)
        .addToLabels(LiqoNamespace.MANAGED_BY_LABEL, LiqoNamespace.MANAGED_BY_VALUE)
        .build();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  /** The version, read once from the filtered {@code version.properties}. */
  private static final class Version {

    static final String VALUE = read();

    private static String read() {
      try (InputStream in = InstallManifests.class.getResourceAsStream("version.properties")) {
        if (in == null) {
          throw new IllegalStateException(
              "io/liqojava/core/install/version.properties is missing from liqo-core");
        }
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version", "");
        if (version.isBlank() || version.contains("${")) {
          throw new IllegalStateException(
              "io/liqojava/core/install/version.properties has no version: build liqo-core with"
                  + " Maven, which fills it in");
        }
        return version.trim();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the liqo-java version", e);
      }
    }
  }
}
