package io.liqojava.samples.localclusters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * docs/tutorials/offloading-with-policies.md, run as a reader follows it (every bash block, in
 * order, in one shell): venice peers with florence (region center) and naples (region south) and
 * offloads {@code liqo-demo} to the south only; app-south runs in naples, app-center stays Pending.
 * Steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PoliciesTutorialIT {

  private static DocumentedTutorial tutorial;

  @BeforeAll
  static void start() {
    tutorial = DocumentedTutorial.start("offloading-with-policies.md");
  }

  @AfterAll
  static void stop() {
    if (tutorial != null) {
      tutorial.close();
    }
  }

  @Test
  @Order(1)
  void theClustersAreLabelledAndPeered() {
    assertThat(tutorial.runThrough("liqoctl --kubeconfig $KUBECONFIG_NAPLES status").output())
        .contains("topology.liqo.io/region=north")
        .contains("topology.liqo.io/region=center")
        .contains("topology.liqo.io/region=south");
    tutorial.runThrough("echo \"$PEER_NAPLES\" | bash");

    assertThat(tutorial.runThrough("kubectl get foreignclusters").output())
        .containsPattern("florence\\s+OutOfBand\\s+Established\\s+None\\s+None\\s+Established")
        .containsPattern("naples\\s+OutOfBand\\s+Established\\s+None\\s+None\\s+Established");
    assertThat(tutorial.runThrough("--show-labels").output())
        .containsPattern("liqo-florence\\s+Ready\\s+agent")
        .containsPattern("liqo-naples\\s+Ready\\s+agent")
        .contains("topology.liqo.io/region=center", "topology.liqo.io/region=south");
  }

  @Test
  @Order(2)
  void veniceOffloadsToTheSouthOnly() {
    tutorial.runThrough("--selector 'topology.liqo.io/region=south'");

    String status =
        tutorial
            .runThrough("kubectl get namespaceoffloadings offloading -n liqo-demo -o yaml")
            .output();
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
            tutorial.check(
                "kubectl get namespaceoffloadings offloading -n liqo-demo -o jsonpath="
                    + "'{.status.remoteNamespacesConditions."
                    + florenceId
                    + "[*].type}'"))
        .isEqualTo("OffloadingRequired");

    assertThat(tutorial.runThrough("--kubeconfig=\"$KUBECONFIG_NAPLES\"").output())
        .containsPattern("liqo-demo\\s+Active");
    // A block marked <!-- exit code: 1 -->: it fails, as the tutorial shows.
    assertThat(tutorial.runThrough("--kubeconfig=\"$KUBECONFIG_FLORENCE\"").output())
        .contains("Error from server (NotFound): namespaces \"liqo-demo\" not found");
  }

  @Test
  @Order(3)
  void appSouthRunsInNaplesAndAppCenterStaysPending() {
    tutorial.runThrough("kubectl apply -f examples/offloading-with-policies/deploy.yaml");

    String pods = tutorial.runThrough("kubectl get pod -n liqo-demo -o wide").output();
    assertThat(pods)
        .containsPattern("app-south-\\S+\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+\\S+\\s+liqo-naples")
        .containsPattern("app-center-\\S+\\s+0/1\\s+Pending\\s+0\\s+\\S+\\s+<none>\\s+<none>");
    assertThat(
            tutorial.check(
                "kubectl get pods -n liqo-demo --kubeconfig=\"$KUBECONFIG_NAPLES\" -o name"))
        .contains("pod/app-south-");
  }

  @Test
  @Order(4)
  void unoffloadingRemovesTheTwinNamespaceAndBringsThePodsHome() {
    tutorial.runThrough("liqoctl unoffload namespace liqo-demo");
    TutorialShell.Result gone =
        tutorial
            .shell()
            .bashUntilSuccess(
                "! kubectl get namespaces liqo-demo --kubeconfig=\"$KUBECONFIG_NAPLES\"", 60);
    assertThat(gone.exitCode()).as(gone.output()).isZero();
    assertThat(tutorial.check("kubectl get pods -n liqo-demo -o wide"))
        .doesNotContain("liqo-naples");

    tutorial.runThrough("liqoctl unpeer out-of-band naples");
    assertThat(tutorial.check("kubectl get node -l liqo.io/type=virtual-node -o name")).isBlank();
    tutorial.runToEnd();
    assertThat(tutorial.shell().directory().resolve(".local-clusters")).doesNotExist();
  }

  private static String clusterId(String cluster) {
    return tutorial.check(
        "kubectl get foreignclusters " + cluster + " -o jsonpath='{.spec.clusterID}'");
  }
}
