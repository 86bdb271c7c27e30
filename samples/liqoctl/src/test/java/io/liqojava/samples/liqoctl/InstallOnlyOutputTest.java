package io.liqojava.samples.liqoctl;

import static io.liqojava.samples.liqoctl.LiqoctlRunner.liqoctl;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.liqojava.api.LiqoCrds;
import io.liqojava.core.install.InstallManifests;
import io.liqojava.samples.liqoctl.LiqoctlRunner.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code liqoctl install --only-output}: the manifests on standard output, everything else on
 * standard error, no cluster needed, and clear usage errors. The manifests passing server-side dry
 * run against a real API server is checked in {@link LiqoctlTest} and, object by object, in
 * liqo-core-it's InstallManifestsTest.
 */
class InstallOnlyOutputTest {

  private static final String API_SERVER = "https://rome.example.com:6443";

  @TempDir Path home;

  /** No KUBECONFIG, and a HOME without ~/.kube/config: no kubeconfig at all. */
  private Map<String, String> environment() {
    return Map.of("HOME", home.toString());
  }

  @Test
  void printsEveryManifestWithoutAnyClusterOrKubeconfig() {
    Run run =
        liqoctl(
            environment(),
            "install",
            "--only-output",
            "--cluster-name",
            "rome",
            "--cluster-labels",
            "topology.liqo.io/region=center",
            "--api-server-url",
            API_SERVER);

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.out())
        .startsWith(
            "# liqo-java " + InstallManifests.version() + ": the installation of cluster rome")
        .doesNotContain("Rendered the installation", "Nothing was written");
    List<HasMetadata> objects = manifests(run);
    int crds = LiqoCrds.names().size();
    assertThat(objects.subList(0, crds))
        .extracting(HasMetadata::getKind)
        .containsOnly("CustomResourceDefinition");
    assertThat(id(objects.get(crds))).isEqualTo("Namespace liqo");
    assertThat(objects)
        .extracting(InstallOnlyOutputTest::id)
        .contains(
            "ServiceAccount liqo/liqo-agent",
            "ClusterRole liqo-agent",
            "ClusterRoleBinding liqo-agent",
            "ClusterRole liqo-remote-namespace",
            "ConfigMap liqo/liqo-cluster-identity",
            "Secret liqo/liqo-auth-token",
            "Secret liqo/liqo-webhook-tls",
            "Service liqo/liqo-auth",
            "Service liqo/liqo-webhook",
            "Deployment liqo/liqo-agent",
            "MutatingWebhookConfiguration liqo-webhooks",
            "ValidatingWebhookConfiguration liqo-webhooks");
    ConfigMap identity = find(objects, ConfigMap.class, "liqo-cluster-identity");
    assertThat(identity.getData())
        .containsEntry("clusterName", "rome")
        .containsEntry("clusterLabels", "topology.liqo.io/region=center\n");
    assertThat(identity.getData().get("clusterID")).matches("rome-[0-9a-f]{6}");
    Container agent = agent(objects);
    assertThat(agent.getImage()).isEqualTo(InstallManifests.defaultAgentImage());
    assertThat(agent.getArgs())
        .contains("--api-server-url=" + API_SERVER, "--auth-service=liqo/liqo-auth");
    assertThat(find(objects, Service.class, "liqo-auth").getSpec().getType())
        .isEqualTo("LoadBalancer");
    assertThat(run.err())
        .contains(
            "Rendered the installation of cluster rome (cluster ID "
                + identity.getData().get("clusterID")
                + ")",
            "agent image " + InstallManifests.defaultAgentImage(),
            "API server URL for peers " + API_SERVER,
            "exposed by the LoadBalancer Service liqo/liqo-auth",
            "Nothing was written to any cluster",
            "kubectl apply --server-side -f FILE",
            "--keep-identity");
  }

  @Test
  void takesTheServerAndContextNameFromTheKubeconfigWithoutContactingTheCluster()
      throws IOException {
    // Nothing listens on port 1: a render that tried to reach the cluster would fail.
    Path kubeconfig = kubeconfig("Milan_Prod", "https://127.0.0.1:1");

    Run run =
        liqoctl(environment(), "install", "--only-output", "--kubeconfig", kubeconfig.toString());

    assertThat(run.exitCode()).as(run.output()).isZero();
    List<HasMetadata> objects = manifests(run);
    assertThat(find(objects, ConfigMap.class, "liqo-cluster-identity").getData())
        .containsEntry("clusterName", "milan-prod");
    assertThat(agent(objects).getArgs()).contains("--api-server-url=https://127.0.0.1:1");
    assertThat(run.err())
        .contains(
            "API server URL for peers https://127.0.0.1:1 (from context Milan_Prod of kubeconfig "
                + kubeconfig
                + ")");
  }

  @Test
  void keepIdentityAndTheAgentOptionsShapeTheManifests() {
    Run run =
        liqoctl(
            environment(),
            "install",
            "kind",
            "--only-output",
            "--keep-identity",
            "--api-server-url",
            API_SERVER,
            "--agent-image",
            "registry.local/liqo-agent:dev",
            "--auth-service-type",
            "nodeport",
            "--auth-advertised-url",
            "https://auth.rome.example.com:30443");

    assertThat(run.exitCode()).as(run.output()).isZero();
    List<HasMetadata> objects = manifests(run);
    assertThat(objects)
        .extracting(InstallOnlyOutputTest::id)
        .doesNotContain("ConfigMap liqo/liqo-cluster-identity", "Secret liqo/liqo-auth-token")
        .contains("Deployment liqo/liqo-agent");
    Container agent = agent(objects);
    assertThat(agent.getImage()).isEqualTo("registry.local/liqo-agent:dev");
    assertThat(agent.getArgs())
        .contains("--auth-advertised-url=https://auth.rome.example.com:30443")
        .noneMatch(arg -> arg.startsWith("--auth-service="));
    assertThat(find(objects, Service.class, "liqo-auth").getSpec().getType()).isEqualTo("NodePort");
    assertThat(run.out()).contains("keeping the cluster's identity and token");
    assertThat(run.err())
        .contains(
            "Provider 'kind' needs no specific settings",
            "advertised as https://auth.rome.example.com:30443, exposed by the NodePort Service");
  }

  @Test
  void eachRenderGeneratesANewClusterIdTokenAndWebhookCertificate() {
    String[] args = {
      "install", "--only-output", "--cluster-name", "rome", "--api-server-url", API_SERVER
    };
    List<HasMetadata> first = manifests(liqoctl(environment(), args));
    List<HasMetadata> second = manifests(liqoctl(environment(), args));

    for (String secret : List.of("liqo-auth-token", "liqo-webhook-tls")) {
      assertThat(find(second, Secret.class, secret).getData())
          .isNotEqualTo(find(first, Secret.class, secret).getData());
    }
    assertThat(find(second, ConfigMap.class, "liqo-cluster-identity").getData().get("clusterID"))
        .isNotEqualTo(
            find(first, ConfigMap.class, "liqo-cluster-identity").getData().get("clusterID"));
  }

  @Test
  void withoutAKubeconfigTheMissingValuesAreNamed() {
    Run noServer = liqoctl(environment(), "install", "--only-output", "--cluster-name", "rome");
    Run noName = liqoctl(environment(), "install", "--only-output", "--api-server-url", API_SERVER);

    assertThat(noServer.exitCode()).as(noServer.output()).isEqualTo(2);
    assertThat(noServer.err())
        .contains(
            "--only-output needs --api-server-url URL",
            "there is no kubeconfig to take it from",
            "Usage: liqoctl install");
    assertThat(noServer.out()).isEmpty();
    assertThat(noName.exitCode()).as(noName.output()).isEqualTo(2);
    assertThat(noName.err()).contains("--only-output needs --cluster-name NAME");
    assertThat(noName.out()).isEmpty();
  }

  @Test
  void aKubeconfigServerPeersCannotUseAndAMissingKubeconfigAreNamed() throws IOException {
    Path plainHttp = kubeconfig("rome", "http://127.0.0.1:8080");
    Path missing = home.resolve("nowhere");

    Run http =
        liqoctl(environment(), "install", "--only-output", "--kubeconfig", plainHttp.toString());
    Run absent =
        liqoctl(
            environment(),
            "install",
            "--only-output",
            "--cluster-name",
            "rome",
            "--kubeconfig",
            missing.toString());

    assertThat(http.exitCode()).as(http.output()).isEqualTo(2);
    assertThat(http.err())
        .contains("the server of context 'rome'", "http://127.0.0.1:8080", "--api-server-url");
    assertThat(absent.exitCode()).as(absent.output()).isEqualTo(1);
    assertThat(absent.err()).contains("the kubeconfig file " + missing + " does not exist");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--api-server-url=https://rome:6443",
        "--agent-image=registry.local/agent:dev",
        "--auth-service-type=NodePort",
        "--auth-advertised-url=https://auth.rome",
        "--keep-identity"
      })
  void renderOptionsWithoutOnlyOutputAreUsageErrors(String option) {
    Run run = liqoctl(environment(), "install", "--cluster-name", "rome", option);

    assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            option.replaceAll("=.*", "") + " works only with --only-output",
            "does not deploy the agent");
  }

  @Test
  void invalidValuesAndCombinationsAreUsageErrors() {
    assertUsageError(
        "Invalid value for option '--auth-service-type': 'Ingress' is not one of LoadBalancer,"
            + " NodePort, ClusterIP",
        "--auth-service-type",
        "Ingress");
    assertUsageError(
        "Invalid value for option '--api-server-url': the API server URL 'http://rome:6443' is"
            + " not valid: use https://HOST[:PORT]",
        "--api-server-url",
        "http://rome:6443");
    assertUsageError(
        "Invalid value for option '--auth-advertised-url': the authentication service URL"
            + " 'https://auth.rome/login' must have no path",
        "--api-server-url",
        API_SERVER,
        "--auth-advertised-url",
        "https://auth.rome/login");
    assertUsageError(
        "--keep-identity leaves the installed cluster identity as it is: drop --cluster-name and"
            + " --cluster-labels",
        "--api-server-url",
        API_SERVER,
        "--keep-identity",
        "--cluster-name",
        "rome",
        "--cluster-labels",
        "a=b");
    assertUsageError(
        "--timeout has no effect with --only-output",
        "--api-server-url",
        API_SERVER,
        "--timeout",
        "5m");
    assertUsageError(
        "Invalid value for option '--agent-image': 'my image' is not an image reference",
        "--api-server-url",
        API_SERVER,
        "--agent-image",
        "my image");
  }

  private void assertUsageError(String message, String... options) {
    List<String> args = new ArrayList<>(List.of("install", "--only-output", "--cluster-name", "x"));
    if (List.of(options).contains("--cluster-name")) {
      args = new ArrayList<>(List.of("install", "--only-output"));
    }
    args.addAll(List.of(options));
    Run run = liqoctl(environment(), args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    assertThat(run.err()).contains(message);
    assertThat(run.out()).isEmpty();
  }

  private Path kubeconfig(String context, String server) throws IOException {
    Path file = home.resolve("kubeconfig-" + context);
    Files.writeString(
        file,
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: c
          cluster:
            server: %s
            insecure-skip-tls-verify: true
        users:
        - name: u
          user:
            token: t
        contexts:
        - name: %s
          context:
            cluster: c
            user: u
        current-context: %s
        """
            .formatted(server, context, context));
    return file;
  }

  /** The objects of the YAML stream on standard output. */
  static List<HasMetadata> manifests(Run run) {
    assertThat(run.exitCode()).as(run.output()).isZero();
    List<HasMetadata> objects = new ArrayList<>();
    for (String document : run.out().split("(?m)^---$")) {
      String yaml = document.replaceAll("(?m)^#.*\\n", "");
      if (!yaml.isBlank()) {
        objects.add(new KubernetesSerialization().unmarshal(yaml));
      }
    }
    return objects;
  }

  private static Container agent(List<HasMetadata> objects) {
    return find(objects, Deployment.class, "liqo-agent")
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0);
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
}
