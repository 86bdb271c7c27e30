package io.liqojava.samples.localclusters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * docs/tutorials/offloading-a-service.md, run as a reader follows it (every bash block, in order,
 * in one shell): london runs an application and offloads its namespace to newyork with the Local
 * strategy; the Service appears in newyork with a ClusterIP of its own and an EndpointSlice
 * pointing at the pod in london, and no pod runs there. Steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceOffloadingTutorialIT {

  private static DocumentedTutorial tutorial;

  @BeforeAll
  static void start() {
    tutorial = DocumentedTutorial.start("offloading-a-service.md");
  }

  @AfterAll
  static void stop() {
    if (tutorial != null) {
      tutorial.close();
    }
  }

  @Test
  @Order(1)
  void londonPeersWithNewYork() {
    tutorial.runThrough("echo \"$PEER_NEW_YORK\" | bash");
    assertThat(tutorial.runThrough("kubectl get foreignclusters").output())
        .containsPattern("newyork\\s+OutOfBand\\s+Established\\s+None\\s+None\\s+Established");
  }

  @Test
  @Order(2)
  void theServiceIsReflectedToNewYorkButThePodsStayInLondon() {
    tutorial.runThrough("--pod-offloading-strategy Local");
    assertThat(
            tutorial.runThrough("kubectl get services --namespace liqo-demo --kubeconfig").output())
        .containsPattern("flights-service\\s+ClusterIP\\s+\\S+\\s+<none>\\s+7999/TCP");
    String londonIp =
        tutorial.check(
            "kubectl get service flights-service -n liqo-demo -o jsonpath='{.spec.clusterIP}'");
    String newYorkIp =
        tutorial.check(
            "kubectl get service flights-service -n liqo-demo --kubeconfig"
                + " \"$KUBECONFIG_NEWYORK\" -o jsonpath='{.spec.clusterIP}'");
    assertThat(newYorkIp).isNotBlank().isNotEqualTo(londonIp);
    assertThat(tutorial.runThrough("kubectl get service flights-service").output())
        .contains(londonIp);

    assertThat(tutorial.runThrough("kubectl get pods --namespace liqo-demo --kubeconfig").output())
        .isEqualTo("No resources found in liqo-demo namespace.");

    String podIp =
        tutorial.check(
            "kubectl get pods -n liqo-demo -l run=flights-service"
                + " -o jsonpath='{.items[0].status.podIP}'");
    String reflected = tutorial.runThrough("kubectl get endpointslices").output();
    assertThat(reflected)
        .containsPattern("flights-service-\\S+\\s+IPv4\\s+7999\\s+" + podIp.replace(".", "\\."))
        .containsPattern("flights-service-\\S+\\s+1/1\\s+Running")
        .doesNotContain("liqo-newyork");
  }

  @Test
  @Order(3)
  void tearDownLeavesNothingInNewYork() {
    tutorial.runThrough("liqoctl unpeer out-of-band newyork");
    TutorialShell.Result clean =
        tutorial
            .shell()
            .bashUntilSuccess(
                "[ -z \"$(kubectl --kubeconfig \"$KUBECONFIG_NEWYORK\" get namespaces"
                    + " -l liqo.io/remote-cluster-id -o name)\" ]\n"
                    + "! kubectl --kubeconfig \"$KUBECONFIG_NEWYORK\" get namespace liqo-demo",
                60);
    assertThat(clean.exitCode()).as(clean.output()).isZero();
    tutorial.runToEnd();
    assertThat(tutorial.shell().directory().resolve(".local-clusters")).doesNotExist();
  }
}
