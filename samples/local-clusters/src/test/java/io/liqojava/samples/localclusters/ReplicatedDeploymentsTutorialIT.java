package io.liqojava.samples.localclusters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * docs/tutorials/replicated-deployments.md, run as a reader follows it (every bash block, in order,
 * in one shell): europe-cloud offloads {@code liqo-demo} with the Remote strategy to the two edge
 * clusters labelled as destinations; a two-replica deployment with a topology spread constraint
 * runs one pod in each. Steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicatedDeploymentsTutorialIT {

  private static DocumentedTutorial tutorial;

  @BeforeAll
  static void start() {
    tutorial = DocumentedTutorial.start("replicated-deployments.md");
  }

  @AfterAll
  static void stop() {
    if (tutorial != null) {
      tutorial.close();
    }
  }

  @Test
  @Order(1)
  void theOriginPeersWithBothDestinations() {
    assertThat(tutorial.runThrough("liqoctl peer --remote-kubeconfig").output())
        .contains("virtual node liqo-europe-rome-edge is Ready")
        .contains("virtual node liqo-europe-milan-edge is Ready");
    assertThat(tutorial.runThrough("kubectl get foreignclusters").output())
        .containsPattern("europe-rome-edge\\s+\\S+\\s+Established")
        .containsPattern("europe-milan-edge\\s+\\S+\\s+Established");
    assertThat(tutorial.runThrough("--show-labels").output())
        .containsPattern("liqo-europe-rome-edge\\s+Ready")
        .containsPattern("liqo-europe-milan-edge\\s+Ready")
        .doesNotContain("topology.liqo.io/type=origin");
    assertThat(
            tutorial.check(
                "kubectl get node -l topology.liqo.io/type=destination --no-headers | wc -l"))
        .isEqualTo("2");
  }

  @Test
  @Order(2)
  void theNamespaceIsOffloadedToBothDestinations() {
    tutorial.runThrough("--pod-offloading-strategy Remote");
    assertThat(tutorial.runThrough("kubectl get namespaces liqo-demo").output())
        .containsPattern("(?s)liqo-demo\\s+Active.*liqo-demo\\s+Active");
  }

  @Test
  @Order(3)
  void eachDestinationRunsOneReplica() {
    tutorial.runThrough("kubectl apply -f examples/replicated-deployments/deploy.yaml");
    assertThat(tutorial.runThrough("kubectl get pod -n liqo-demo -o wide").output())
        .containsPattern(
            "liqo-demo-app-\\S+\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+\\S+\\s+liqo-europe-rome-edge")
        .containsPattern(
            "liqo-demo-app-\\S+\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+\\S+\\s+liqo-europe-milan-edge");
    for (String edge : new String[] {"EUROPE_ROME_EDGE", "EUROPE_MILAN_EDGE"}) {
      assertThat(
              tutorial.check(
                  "kubectl get pods -n liqo-demo --kubeconfig=\"$KUBECONFIG_"
                      + edge
                      + "\" --no-headers | wc -l"))
          .isEqualTo("1");
    }
  }

  @Test
  @Order(4)
  void tearDownUnoffloadsAndUnpeers() {
    tutorial.runThrough("liqoctl unpeer --remote-kubeconfig \"$KUBECONFIG_EUROPE_MILAN_EDGE\"");
    assertThat(tutorial.check("kubectl get node -l liqo.io/type=virtual-node -o name")).isBlank();
    tutorial.runToEnd();
    assertThat(tutorial.shell().directory().resolve(".local-clusters")).doesNotExist();
  }
}
