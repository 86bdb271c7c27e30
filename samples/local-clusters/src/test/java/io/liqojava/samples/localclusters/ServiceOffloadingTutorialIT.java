package io.liqojava.samples.localclusters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The "Offloading a Service" tutorial, replayed as a user follows it: london runs an application
 * and offloads its namespace to newyork with the Local strategy; the Service appears in newyork
 * with a ClusterIP of its own, and no pod runs there. Steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceOffloadingTutorialIT {

  private static TutorialShell shell;

  @BeforeAll
  static void up() {
    shell = TutorialShell.up("service-offloading", "london", "newyork");
  }

  @AfterAll
  static void down() {
    if (shell != null) {
      shell.close();
    }
  }

  @Test
  @Order(1)
  void theServiceIsReflectedToNewYorkButThePodsStayInLondon() {
    TutorialShell.Result setup =
        shell.bash(
            "PEER_NEW_YORK=$(liqoctl generate peer-command --only-command"
                + " --kubeconfig $KUBECONFIG_NEWYORK)\n"
                + "echo \"$PEER_NEW_YORK\" | bash\n"
                + "kubectl create namespace liqo-demo\n"
                + "kubectl apply -f manifests/app.yaml -n liqo-demo\n"
                + "kubectl wait --for=condition=Available deployment/flights-service -n liqo-demo"
                + " --timeout=120s\n"
                + "liqoctl offload namespace liqo-demo \\\n"
                + "    --namespace-mapping-strategy EnforceSameName \\\n"
                + "    --pod-offloading-strategy Local");
    assertThat(setup.exitCode()).as(setup.output()).isZero();

    TutorialShell.Result services =
        shell.bashUntilSuccess(
            "kubectl get services --namespace liqo-demo --kubeconfig \"$KUBECONFIG_NEWYORK\""
                + " | grep flights-service",
            60);
    assertThat(services.exitCode()).as(services.output()).isZero();
    assertThat(services.output())
        .containsPattern("flights-service\\s+ClusterIP\\s+\\S+\\s+<none>\\s+7999/TCP");
    String londonIp =
        shell
            .bash(
                "kubectl get service flights-service -n liqo-demo -o jsonpath='{.spec.clusterIP}'")
            .output();
    String newYorkIp =
        shell
            .bash(
                "kubectl get service flights-service -n liqo-demo --kubeconfig"
                    + " \"$KUBECONFIG_NEWYORK\" -o jsonpath='{.spec.clusterIP}'")
            .output();
    assertThat(newYorkIp).isNotBlank().isNotEqualTo(londonIp);

    assertThat(
            shell
                .bash("kubectl get pods --namespace liqo-demo --kubeconfig \"$KUBECONFIG_NEWYORK\"")
                .output())
        .isEqualTo("No resources found in liqo-demo namespace.");
    assertThat(shell.bash("kubectl get pods -n liqo-demo -o wide").output())
        .containsPattern("flights-service-\\S+\\s+1/1\\s+Running")
        .doesNotContain("liqo-newyork");
  }

  @Test
  @Order(2)
  void tearDownLeavesNothingInNewYork() {
    TutorialShell.Result teardown =
        shell.bash("liqoctl unoffload namespace liqo-demo\nliqoctl unpeer out-of-band newyork");
    assertThat(teardown.exitCode()).as(teardown.output()).isZero();
    TutorialShell.Result clean =
        shell.bashUntilSuccess(
            "[ -z \"$(kubectl --kubeconfig \"$KUBECONFIG_NEWYORK\" get namespaces"
                + " -l liqo.io/remote-cluster-id -o name)\" ]\n"
                + "! kubectl --kubeconfig \"$KUBECONFIG_NEWYORK\" get namespace liqo-demo",
            60);
    assertThat(clean.exitCode()).as(clean.output()).isZero();
  }
}
