package io.liqojava.samples.localclusters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The "Replicated Deployments" tutorial, replayed as a user follows it: europe-cloud offloads
 * {@code liqo-demo} with the Remote strategy to the two edge clusters labelled as destinations; a
 * two-replica deployment with a topology spread constraint runs one pod in each. Steps build on
 * each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicatedDeploymentsTutorialIT {

  private static TutorialShell shell;

  @BeforeAll
  static void up() {
    shell =
        TutorialShell.up(
            "replicated-deployments", "europe-cloud", "europe-rome-edge", "europe-milan-edge");
  }

  @AfterAll
  static void down() {
    if (shell != null) {
      shell.close();
    }
  }

  @Test
  @Order(1)
  void theNamespaceIsOffloadedToBothDestinations() {
    TutorialShell.Result setup =
        shell.bash(
            "liqoctl install --kubeconfig \"$KUBECONFIG_EUROPE_ROME_EDGE\""
                + " --cluster-labels topology.liqo.io/type=destination\n"
                + "liqoctl install --kubeconfig \"$KUBECONFIG_EUROPE_MILAN_EDGE\""
                + " --cluster-labels topology.liqo.io/type=destination\n"
                + "liqoctl peer --remote-kubeconfig \"$KUBECONFIG_EUROPE_ROME_EDGE\"\n"
                + "liqoctl peer --remote-kubeconfig \"$KUBECONFIG_EUROPE_MILAN_EDGE\"\n"
                + "kubectl get node --selector=liqo.io/type=virtual-node --show-labels");
    assertThat(setup.exitCode()).as(setup.output()).isZero();
    assertThat(setup.output())
        .containsPattern("liqo-europe-rome-edge\\s+Ready")
        .containsPattern("liqo-europe-milan-edge\\s+Ready");

    TutorialShell.Result offload =
        shell.bash(
            "kubectl create namespace liqo-demo\n"
                + "liqoctl offload namespace liqo-demo \\\n"
                + "  --namespace-mapping-strategy EnforceSameName \\\n"
                + "  --pod-offloading-strategy Remote \\\n"
                + "  --selector 'topology.liqo.io/type=destination'\n"
                + "kubectl get namespaces liqo-demo --kubeconfig=\"$KUBECONFIG_EUROPE_ROME_EDGE\"\n"
                + "kubectl get namespaces liqo-demo --kubeconfig=\"$KUBECONFIG_EUROPE_MILAN_EDGE\"");
    assertThat(offload.exitCode()).as(offload.output()).isZero();
    assertThat(offload.output()).containsPattern("(?s)liqo-demo\\s+Active.*liqo-demo\\s+Active");
  }

  @Test
  @Order(2)
  void eachDestinationRunsOneReplica() {
    TutorialShell.Result apply =
        shell.bash(
            "kubectl apply -f ./manifests/deploy.yaml -n liqo-demo\n"
                + "kubectl wait --for=condition=Available deployment/liqo-demo-app -n liqo-demo"
                + " --timeout=120s\n"
                + "kubectl get pod -n liqo-demo -o wide");
    assertThat(apply.exitCode()).as(apply.output()).isZero();
    assertThat(apply.output())
        .containsPattern(
            "liqo-demo-app-\\S+\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+\\S+\\s+liqo-europe-rome-edge")
        .containsPattern(
            "liqo-demo-app-\\S+\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+\\S+\\s+liqo-europe-milan-edge");
    for (String edge : new String[] {"EUROPE_ROME_EDGE", "EUROPE_MILAN_EDGE"}) {
      assertThat(
              shell
                  .bash(
                      "kubectl get pods -n liqo-demo --kubeconfig=\"$KUBECONFIG_"
                          + edge
                          + "\" --no-headers | wc -l")
                  .output())
          .isEqualTo("1");
    }
  }

  @Test
  @Order(3)
  void tearDownUnoffloadsAndUnpeers() {
    TutorialShell.Result teardown =
        shell.bash(
            "liqoctl unoffload namespace liqo-demo\n"
                + "liqoctl unpeer --remote-kubeconfig \"$KUBECONFIG_EUROPE_ROME_EDGE\"\n"
                + "liqoctl unpeer --remote-kubeconfig \"$KUBECONFIG_EUROPE_MILAN_EDGE\"");
    assertThat(teardown.exitCode()).as(teardown.output()).isZero();
    assertThat(shell.bash("kubectl get node -l liqo.io/type=virtual-node -o name").output())
        .isBlank();
  }
}
