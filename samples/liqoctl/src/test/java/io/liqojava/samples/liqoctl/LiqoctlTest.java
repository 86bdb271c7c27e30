package io.liqojava.samples.liqoctl;

import static io.liqojava.samples.liqoctl.LiqoctlRunner.liqoctl;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.core.v1beta1.ForeignClusterSpec;
import io.liqojava.api.core.v1beta1.PeeringConditionStatus;
import io.liqojava.api.core.v1beta1.PeeringConditionType;
import io.liqojava.api.core.v1beta1.PeeringEnabled;
import io.liqojava.core.agent.AuthServiceEndpoint;
import io.liqojava.core.peering.ForeignClusterConditions;
import io.liqojava.core.peering.Peering;
import io.liqojava.samples.liqoctl.LiqoctlRunner.Run;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.junit.LocalClusters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * liqoctl install, status, generate peer-command and uninstall against a real cluster, run as a
 * user runs them, checking what they print and what they leave in the cluster.
 */
@LocalClusters({"rome"})
class LiqoctlTest {

  private static final String LABELS = "topology.liqo.io/region=center,provider=local";

  @TempDir Path home;

  private Map<String, String> environment() {
    return Map.of("HOME", home.toString());
  }

  /** Leaves no peer and no trace of an agent for the next test. */
  @AfterEach
  void forgetPeersAndAgent(LocalCluster rome) {
    rome.client()
        .configMaps()
        .inNamespace("liqo")
        .withName(AuthServiceEndpoint.CONFIG_MAP)
        .delete();
    rome.client().resources(Lease.class).inNamespace("liqo").withName(Peering.AGENT_LEASE).delete();
    if (rome.client()
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .withName("foreignclusters.core.liqo.io")
            .get()
        != null) {
      rome.client().resources(ForeignCluster.class).delete();
    }
  }

  @Test
  void installIsIdempotentKeepsTheClusterIdAndStoresTheLabels(LocalCluster rome) {
    String kubeconfig = rome.kubeconfig().toString();

    Run first =
        liqoctl(
            environment(),
            "install",
            "--kubeconfig",
            kubeconfig,
            "--cluster-name",
            "rome",
            "--cluster-labels",
            LABELS);
    Run second = liqoctl(environment(), "install", "--kubeconfig", kubeconfig);

    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(first.out())
        .contains(
            "Installing Liqo on cluster rome (context rome, " + rome.apiServerUrl() + ")",
            "Liqo CRDs established",
            "ServiceAccount liqo/liqo-agent",
            "No agent runs for this cluster yet")
        .containsPattern(
            "(?m)^Liqo is installed on cluster rome \\(cluster ID rome-[0-9a-f]{6}\\)\\.$");
    assertThat(second.exitCode()).as(second.output()).isZero();
    assertThat(second.out())
        .contains("Kept the cluster identity", "Kept the authentication token")
        .contains("Liqo is installed on cluster rome (cluster ID " + clusterId(rome) + ").");
    assertThat(lastLine(first.out())).isEqualTo(lastLine(second.out()));
    assertThat(identity(rome))
        .containsEntry("clusterName", "rome")
        .containsEntry("clusterLabels", "provider=local\ntopology.liqo.io/region=center\n");
    assertThat(rome.kubectl("get", "foreignclusters")).isEmpty();
    assertThat(rome.kubectl("get", "clusterrole", "liqo-agent", "-o", "name"))
        .contains("clusterrole.rbac.authorization.k8s.io/liqo-agent");
  }

  @Test
  void statusShowsIdentityLabelsAgentAndPeerings(LocalCluster rome) {
    install(rome);
    foreignCluster(rome, "milan", "milan-a1b2c3");
    ForeignClusterConditions conditions = new ForeignClusterConditions(rome.client());
    conditions.set(
        "milan",
        PeeringConditionType.AUTHENTICATION_STATUS,
        PeeringConditionStatus.ESTABLISHED,
        "IdentityIssued",
        "authenticated with milan");
    conditions.set(
        "milan",
        PeeringConditionType.OUTGOING_PEERING,
        PeeringConditionStatus.PENDING,
        "WaitingForResources",
        "waiting for milan to grant resources");

    Run status = liqoctl(environment(), "status", "--kubeconfig", rome.kubeconfig().toString());

    assertThat(status.exitCode()).as(status.output()).isZero();
    assertThat(status.out())
        .contains("Cluster:       rome (cluster ID " + clusterId(rome) + ")")
        .contains("Labels:        provider=local,topology.liqo.io/region=center")
        .contains("Liqo:          installed (16 CRDs)")
        .contains("Agent:         not running (no heartbeat yet")
        .contains("Auth service:  not published")
        .containsPattern("milan\\s+milan-a1b2c3\\s+Unknown\\s+Pending\\s+None\\s+Established")
        .contains(
            "OutgoingPeering Pending (WaitingForResources): waiting for milan to grant resources");
  }

  @Test
  void statusOfAClusterWithoutLiqoFailsWithTheFix(LocalCluster rome) {
    Run uninstalled =
        liqoctl(environment(), "uninstall", "--purge", "--kubeconfig", kubeconfig(rome));
    assertThat(uninstalled.exitCode()).as(uninstalled.output()).isZero();

    Run status = liqoctl(environment(), "status", "--kubeconfig", kubeconfig(rome));

    assertThat(status.exitCode()).isEqualTo(1);
    assertThat(status.err()).contains("Liqo is not installed on this cluster", "liqoctl install");
  }

  @Test
  void generatePeerCommandPrintsACommandThatPeersWithThisCluster(LocalCluster rome) {
    install(rome);
    Run withoutAgent =
        liqoctl(environment(), "generate", "peer-command", "--kubeconfig", kubeconfig(rome));
    assertThat(withoutAgent.exitCode()).isEqualTo(1);
    assertThat(withoutAgent.err())
        .contains("the agent of this cluster is not running", "ConfigMap liqo/liqo-auth-service");

    actAsRunningAgent(rome, "https://127.0.0.1:45678");
    Run only =
        liqoctl(
            environment(),
            "generate",
            "peer-command",
            "--only-command",
            "--kubeconfig",
            kubeconfig(rome));
    Run explained =
        liqoctl(environment(), "generate", "peer-command", "--kubeconfig", kubeconfig(rome));

    String token = token(rome);
    String expected =
        "liqoctl peer out-of-band rome --auth-url https://127.0.0.1:45678 --cluster-id "
            + clusterId(rome)
            + " --auth-token "
            + token;
    assertThat(only.exitCode()).as(only.output()).isZero();
    assertThat(only.out()).isEqualTo(expected + System.lineSeparator());
    assertThat(only.err()).isEmpty();
    assertThat(token).matches("[0-9a-f]{64}");
    assertThat(explained.exitCode()).isZero();
    assertThat(explained.out())
        .contains(
            "Peering information of cluster rome (cluster ID " + clusterId(rome) + ") retrieved.",
            "Run this command on a *different* cluster")
        .endsWith(expected + System.lineSeparator());

    // what bash would run: the printed words are a valid liqoctl command line with these values
    List<String> words = Arrays.asList(only.out().trim().split(" "));
    assertThat(words.get(0)).isEqualTo("liqoctl");
    CommandLine.ParseResult parsed =
        new CommandLine(new Liqoctl(environment()))
            .parseArgs(words.subList(1, words.size()).toArray(String[]::new));
    CommandLine.ParseResult outOfBand = parsed.subcommand().subcommand();
    assertThat(outOfBand.commandSpec().qualifiedName()).isEqualTo("liqoctl peer out-of-band");
    assertThat((String) outOfBand.matchedPositionalValue(0, null)).isEqualTo("rome");
    assertThat((String) outOfBand.matchedOptionValue("--auth-token", null)).isEqualTo(token);
    assertThat((String) outOfBand.matchedOptionValue("--cluster-id", null))
        .isEqualTo(clusterId(rome));
  }

  @Test
  void generatePeerCommandWarnsWhenTheAgentStoppedBeating(LocalCluster rome) {
    install(rome);
    actAsRunningAgent(rome, "https://127.0.0.1:45678");
    heartbeat(rome, ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(5));

    Run run =
        liqoctl(
            environment(),
            "generate",
            "peer-command",
            "--only-command",
            "--kubeconfig",
            kubeconfig(rome));

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("liqoctl peer out-of-band rome ");
    assertThat(run.err()).contains("Warning: the agent of cluster rome has not renewed");
  }

  @Test
  void uninstallRefusesWhilePeeredThenRemovesLiqoAndPurgeRemovesTheCrds(LocalCluster rome) {
    install(rome);
    foreignCluster(rome, "milan", "milan-a1b2c3");
    new ForeignClusterConditions(rome.client())
        .set(
            "milan",
            PeeringConditionType.OUTGOING_PEERING,
            PeeringConditionStatus.ESTABLISHED,
            "Established",
            "virtual node liqo-milan is Ready");

    Run refused = liqoctl(environment(), "uninstall", "--kubeconfig", kubeconfig(rome));

    assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
    assertThat(refused.err())
        .contains(
            "Liqo cannot be uninstalled while this cluster is peered with milan; unpeer first:",
            "liqoctl unpeer out-of-band milan");
    assertThat(rome.client().namespaces().withName("liqo").get()).isNotNull();

    rome.client().resources(ForeignCluster.class).withName("milan").delete();
    Run uninstall = liqoctl(environment(), "uninstall", "--kubeconfig", kubeconfig(rome));

    assertThat(uninstall.exitCode()).as(uninstall.output()).isZero();
    assertThat(uninstall.out())
        .contains("Deleting namespace liqo")
        .endsWith(
            "Liqo is uninstalled from cluster rome. Its CRDs are kept: remove them with 'liqoctl"
                + " uninstall --purge'."
                + System.lineSeparator());
    assertThat(rome.client().namespaces().withName("liqo").get()).isNull();
    assertThat(rome.client().rbac().clusterRoles().withName("liqo-agent").get()).isNull();
    assertThat(rome.kubectl("get", "foreignclusters")).isEmpty();

    Run reinstall = liqoctl(environment(), "install", "--kubeconfig", kubeconfig(rome));
    assertThat(reinstall.exitCode()).as(reinstall.output()).isZero();
    assertThat(reinstall.out()).contains("Liqo is installed on cluster rome (cluster ID rome-");

    Run purge =
        liqoctl(
            environment(),
            "uninstall",
            "--purge",
            "--skip-confirm",
            "--kubeconfig",
            kubeconfig(rome));
    assertThat(purge.exitCode()).as(purge.output()).isZero();
    assertThat(purge.out())
        .endsWith("Liqo and its CRDs are removed from cluster rome." + System.lineSeparator());
    assertThat(
            rome.client()
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .withName("foreignclusters.core.liqo.io")
                .get())
        .isNull();
  }

  @Test
  void onlyOutputPassesKubectlServerSideDryRunOnTheInstalledClusterAndChangesNothing(
      LocalCluster rome) throws IOException {
    install(rome);
    String clusterId = clusterId(rome);

    Run render =
        liqoctl(
            environment(),
            "install",
            "--only-output",
            "--keep-identity",
            "--kubeconfig",
            kubeconfig(rome));
    Path manifests = home.resolve("liqo.yaml");
    Files.writeString(manifests, render.out());
    String dryRun =
        rome.kubectl("apply", "--server-side", "--dry-run=server", "-f", manifests.toString());

    assertThat(render.exitCode()).as(render.output()).isZero();
    assertThat(render.err())
        .contains(
            "API server URL for peers "
                + rome.apiServerUrl()
                + " (from context rome of kubeconfig "
                + kubeconfig(rome)
                + ")");
    int objects = InstallOnlyOutputTest.manifests(render).size();
    assertThat(dryRun.lines().toList())
        .as(dryRun)
        .hasSize(objects)
        .allMatch(line -> line.endsWith(" serverside-applied (server dry run)"))
        .contains(
            "deployment.apps/liqo-agent serverside-applied (server dry run)",
            "service/liqo-auth serverside-applied (server dry run)",
            "mutatingwebhookconfiguration.admissionregistration.k8s.io/liqo-webhooks"
                + " serverside-applied (server dry run)");
    assertThat(rome.client().apps().deployments().inNamespace("liqo").list().getItems()).isEmpty();
    assertThat(rome.client().services().inNamespace("liqo").list().getItems()).isEmpty();
    assertThat(
            rome.client()
                .admissionRegistration()
                .v1()
                .mutatingWebhookConfigurations()
                .withName("liqo-webhooks")
                .get())
        .isNull();
    assertThat(clusterId(rome)).isEqualTo(clusterId);
  }

  @Test
  void findsTheClusterThroughKubeconfigVariableAndContextAsKubectlDoes(LocalCluster rome)
      throws IOException {
    install(rome);
    Path other = home.resolve("other");
    Files.writeString(
        other,
        Files.readString(rome.kubeconfig(), StandardCharsets.UTF_8)
            .replaceAll("(name|cluster|user|current-context): rome\\b", "$1: alias"));
    Map<String, String> environment =
        Map.of(
            "HOME",
            home.toString(),
            "KUBECONFIG",
            home.resolve("missing") + ":" + other + ":" + rome.kubeconfig());

    Run byVariable = liqoctl(environment, "status");
    Run byContextFirst = liqoctl(environment, "--context", "rome", "status");

    assertThat(byVariable.exitCode()).as(byVariable.output()).isZero();
    assertThat(byVariable.out()).contains("Cluster:       rome (cluster ID ");
    assertThat(byContextFirst.exitCode()).as(byContextFirst.output()).isZero();
    assertThat(byContextFirst.out()).contains("Cluster:       rome (cluster ID ");
  }

  private void install(LocalCluster rome) {
    Run run =
        liqoctl(
            environment(),
            "install",
            "--kubeconfig",
            kubeconfig(rome),
            "--cluster-name",
            "rome",
            "--cluster-labels",
            LABELS);
    assertThat(run.exitCode()).as(run.output()).isZero();
  }

  private static String kubeconfig(LocalCluster cluster) {
    return cluster.kubeconfig().toString();
  }

  private static Map<String, String> identity(LocalCluster cluster) {
    ConfigMap identity =
        cluster.client().configMaps().inNamespace("liqo").withName("liqo-cluster-identity").get();
    return identity.getData();
  }

  private static String clusterId(LocalCluster cluster) {
    return identity(cluster).get("clusterID");
  }

  private static String token(LocalCluster cluster) {
    return new String(
        Base64.getDecoder()
            .decode(
                cluster
                    .client()
                    .secrets()
                    .inNamespace("liqo")
                    .withName("liqo-auth-token")
                    .get()
                    .getData()
                    .get("token")),
        StandardCharsets.UTF_8);
  }

  private static void foreignCluster(LocalCluster cluster, String name, String clusterId) {
    ForeignCluster fc = new ForeignCluster();
    fc.getMetadata().setName(name);
    ForeignClusterSpec spec = new ForeignClusterSpec();
    spec.setClusterID(clusterId);
    spec.setOutgoingPeeringEnabled(PeeringEnabled.YES);
    fc.setSpec(spec);
    cluster.client().resource(fc).create();
  }

  /** What a running agent publishes: its authentication service and a fresh heartbeat. */
  private static void actAsRunningAgent(LocalCluster cluster, String authUrl) {
    AuthServiceEndpoint.publish(cluster.client(), authUrl);
    heartbeat(cluster, ZonedDateTime.now(ZoneOffset.UTC));
  }

  private static void heartbeat(LocalCluster cluster, ZonedDateTime renewTime) {
    KubernetesClient client = cluster.client();
    Lease lease =
        new LeaseBuilder()
            .withNewMetadata()
            .withName(Peering.AGENT_LEASE)
            .withNamespace("liqo")
            .endMetadata()
            .withNewSpec()
            .withHolderIdentity(clusterId(cluster))
            .withRenewTime(renewTime.truncatedTo(ChronoUnit.MICROS))
            .endSpec()
            .build();
    client.resource(lease).createOr(NonDeletingOperation::update);
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\\R");
    return lines[lines.length - 1];
  }
}
