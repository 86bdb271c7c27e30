package io.liqojava.samples.localclusters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The "Offloading with Policies" tutorial, replayed as a user follows it: venice peers with
 * florence (region center) and naples (region south) and offloads {@code liqo-demo} to the south
 * only; app-south runs in naples, app-center stays Pending. Steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoliciesTutorialIT {

  private static TutorialShell shell;

  @BeforeAll
  static void up() {
    shell = TutorialShell.up("offloading-with-policies", "venice", "florence", "naples");
  }

  @AfterAll
  static void down() {
    if (shell != null) {
      shell.close();
    }
  }

  @Test
  @Order(1)
  void veniceOffloadsToTheSouthOnly() {
    TutorialShell.Result setup =
        shell.bash(
            "liqoctl install --kubeconfig \"$KUBECONFIG_FLORENCE\""
                + " --cluster-labels topology.liqo.io/region=center\n"
                + "liqoctl install --kubeconfig \"$KUBECONFIG_NAPLES\""
                + " --cluster-labels topology.liqo.io/region=south\n"
                + "PEER_FLORENCE=$(liqoctl generate peer-command --only-command"
                + " --kubeconfig \"$KUBECONFIG_FLORENCE\")\n"
                + "PEER_NAPLES=$(liqoctl generate peer-command --only-command"
                + " --kubeconfig \"$KUBECONFIG_NAPLES\")\n"
                + "echo \"$PEER_FLORENCE\" | bash\n"
                + "echo \"$PEER_NAPLES\" | bash");
    assertThat(setup.exitCode()).as(setup.output()).isZero();

    TutorialShell.Result offload =
        shell.bash(
            "kubectl create namespace liqo-demo\n"
                + "liqoctl offload namespace liqo-demo \\\n"
                + "  --namespace-mapping-strategy EnforceSameName \\\n"
                + "  --pod-offloading-strategy LocalAndRemote \\\n"
                + "  --selector 'topology.liqo.io/region=south'");
    assertThat(offload.exitCode()).as(offload.output()).isZero();

    String status =
        shell.bash("kubectl get namespaceoffloadings offloading -n liqo-demo -o yaml").output();
    String florenceId = clusterId("florence");
    String naplesId = clusterId("naples");
    assertThat(status)
        .contains("offloadingPhase: Ready", "remoteNamespaceName: liqo-demo")
        .contains(florenceId + ":", naplesId + ":")
        .contains("message: You have not selected this cluster through ClusterSelector fields")
        .contains("reason: ClusterNotSelected")
        .contains("message: The remote cluster has been selected through the ClusterSelector field")
        .contains("reason: ClusterSelected")
        .contains("message: Namespace correctly offloaded on this cluster")
        .contains("reason: RemoteNamespaceCreated");
    assertThat(
            shell
                .bash(
                    "kubectl get namespaceoffloadings offloading -n liqo-demo -o jsonpath="
                        + "'{.status.remoteNamespacesConditions."
                        + florenceId
                        + "[*].type}'")
                .output())
        .isEqualTo("OffloadingRequired");

    assertThat(
            shell
                .bash("kubectl get namespaces liqo-demo --kubeconfig=\"$KUBECONFIG_NAPLES\"")
                .output())
        .containsPattern("liqo-demo\\s+Active");
    TutorialShell.Result florence =
        shell.bash("kubectl get namespaces liqo-demo --kubeconfig=\"$KUBECONFIG_FLORENCE\"");
    assertThat(florence.exitCode()).isNotZero();
    assertThat(florence.output())
        .contains("Error from server (NotFound): namespaces \"liqo-demo\" not found");
  }

  @Test
  @Order(2)
  void appSouthRunsInNaplesAndAppCenterStaysPending() {
    TutorialShell.Result apply =
        shell.bash(
            "kubectl apply -f ./manifests/deploy.yaml -n liqo-demo\n"
                + "kubectl wait --for=condition=Available deployment/app-south -n liqo-demo"
                + " --timeout=120s");
    assertThat(apply.exitCode()).as(apply.output()).isZero();

    String pods = shell.bash("kubectl get pod -n liqo-demo -o wide").output();
    assertThat(pods)
        .containsPattern("app-south-\\S+\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+\\S+\\s+liqo-naples")
        .containsPattern("app-center-\\S+\\s+0/1\\s+Pending\\s+0\\s+\\S+\\s+<none>\\s+<none>");
    assertThat(
            shell
                .bash("kubectl get pods -n liqo-demo --kubeconfig=\"$KUBECONFIG_NAPLES\" -o name")
                .output())
        .contains("pod/app-south-");
  }

  @Test
  @Order(3)
  void unoffloadingRemovesTheTwinNamespace() {
    TutorialShell.Result unoffload = shell.bash("liqoctl unoffload namespace liqo-demo");
    assertThat(unoffload.exitCode()).as(unoffload.output()).isZero();
    TutorialShell.Result gone =
        shell.bashUntilSuccess(
            "! kubectl get namespaces liqo-demo --kubeconfig=\"$KUBECONFIG_NAPLES\"", 60);
    assertThat(gone.exitCode()).as(gone.output()).isZero();
  }

  private static String clusterId(String cluster) {
    return shell
        .bash("kubectl get foreignclusters " + cluster + " -o jsonpath='{.spec.clusterID}'")
        .output();
  }
}
