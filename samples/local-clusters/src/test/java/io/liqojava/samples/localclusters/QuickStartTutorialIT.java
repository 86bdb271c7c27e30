package io.liqojava.samples.localclusters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The quick start, replayed as a user follows it: rome peers with milan, offloads {@code
 * liqo-demo}, runs the hello-world pods (one local, one on the virtual node) behind one Service,
 * then unoffloads and unpeers, leaving nothing of Liqo's in either cluster. Steps build on each
 * other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuickStartTutorialIT {

  private static TutorialShell shell;

  @BeforeAll
  static void up() {
    shell = TutorialShell.up("quick-start", "rome", "milan");
  }

  @AfterAll
  static void down() {
    if (shell != null) {
      shell.close();
    }
  }

  @Test
  @Order(1)
  void romePeersWithMilanAndOffloadsTheDemoNamespace() {
    TutorialShell.Result peer =
        shell.bash(
            "liqoctl generate peer-command --only-command --kubeconfig \"$KUBECONFIG_MILAN\" | bash");
    assertThat(peer.exitCode()).as(peer.output()).isZero();
    assertThat(shell.bash("kubectl get nodes").output()).containsPattern("liqo-milan\\s+Ready");

    TutorialShell.Result offload =
        shell.bash("kubectl create namespace liqo-demo\nliqoctl offload namespace liqo-demo");

    assertThat(offload.exitCode()).as(offload.output()).isZero();
    String remoteName =
        shell
            .bash(
                "kubectl get namespaceoffloadings offloading -n liqo-demo"
                    + " -o jsonpath='{.status.remoteNamespaceName}'")
            .output();
    assertThat(remoteName).startsWith("liqo-demo-rome-");
    assertThat(
            shell
                .bash("kubectl get namespace " + remoteName + " --kubeconfig \"$KUBECONFIG_MILAN\"")
                .output())
        .containsPattern(remoteName + "\\s+Active");
  }

  @Test
  @Order(2)
  void oneNginxRunsLocallyTheOtherOnTheVirtualNodeAndTheServiceServesBoth() {
    TutorialShell.Result apply =
        shell.bash(
            "kubectl apply -f ./manifests/hello-world.yaml -n liqo-demo\n"
                + "kubectl wait --for=condition=Ready pod --all -n liqo-demo --timeout=120s");
    assertThat(apply.exitCode()).as(apply.output()).isZero();

    String pods = shell.bash("kubectl get pod -n liqo-demo -o wide").output();
    assertThat(pods)
        .containsPattern("nginx-local\\s+1/1\\s+Running\\s+0")
        .containsPattern("nginx-remote\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+\\S+\\s+liqo-milan");
    assertThat(pods.lines().filter(l -> l.startsWith("nginx-local")).findFirst().orElseThrow())
        .doesNotContain("liqo-milan");

    TutorialShell.Result endpoints =
        shell.bashUntilSuccess(
            "LOCAL_POD_IP=$(kubectl get pod nginx-local -n liqo-demo --template={{.status.podIP}})\n"
                + "REMOTE_POD_IP=$(kubectl get pod nginx-remote -n liqo-demo"
                + " --template={{.status.podIP}})\n"
                + "echo \"Local Pod IP: ${LOCAL_POD_IP} - Remote Pod IP: ${REMOTE_POD_IP}\"\n"
                + "kubectl describe service liqo-demo -n liqo-demo | tee /dev/stderr"
                + " | grep Endpoints | grep \"$LOCAL_POD_IP:80\" | grep \"$REMOTE_POD_IP:80\"",
            60);
    assertThat(endpoints.exitCode()).as(endpoints.output()).isZero();
  }

  @Test
  @Order(3)
  void unoffloadingThenUnpeeringLeavesNothingOfLiqoInEitherCluster() {
    TutorialShell.Result unoffload = shell.bash("liqoctl unoffload namespace liqo-demo");
    assertThat(unoffload.exitCode()).as(unoffload.output()).isZero();
    assertThat(shell.bash("kubectl get pods -n liqo-demo -o wide").output())
        .doesNotContain("nginx-remote");

    TutorialShell.Result unpeer = shell.bash("liqoctl unpeer out-of-band milan");
    assertThat(unpeer.exitCode()).as(unpeer.output()).isZero();

    TutorialShell.Result milanClean =
        shell.bashUntilSuccess(
            "[ -z \"$(kubectl --kubeconfig \"$KUBECONFIG_MILAN\" get namespaces"
                + " -l liqo.io/remote-cluster-id -o name)\" ]\n"
                + "[ -z \"$(kubectl --kubeconfig \"$KUBECONFIG_MILAN\" get"
                + " shadowpods,namespacemaps,foreignclusters -A -o name)\" ]",
            60);
    assertThat(milanClean.exitCode()).as(milanClean.output()).isZero();
    TutorialShell.Result romeClean =
        shell.bashUntilSuccess(
            "[ -z \"$(kubectl get nodes -l liqo.io/type=virtual-node -o name)\" ]\n"
                + "[ -z \"$(kubectl get foreignclusters,namespaceoffloadings -A -o name)\" ]\n"
                + "[ -z \"$(kubectl get namespaces -l liqo.io/remote-cluster-id -o name)\" ]",
            60);
    assertThat(romeClean.exitCode()).as(romeClean.output()).isZero();
  }
}
