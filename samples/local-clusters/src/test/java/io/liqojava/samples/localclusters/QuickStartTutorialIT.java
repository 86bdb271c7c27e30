package io.liqojava.samples.localclusters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * docs/tutorials/quick-start.md, run as a reader follows it (every bash block, in order, in one
 * shell): rome peers with milan, offloads {@code liqo-demo}, runs the hello-world pods (one local,
 * one on the virtual node) behind one Service, then unoffloads, unpeers and uninstalls, leaving
 * nothing of Liqo's in either cluster, and stops the clusters. Steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuickStartTutorialIT {

  private static DocumentedTutorial tutorial;

  @BeforeAll
  static void start() {
    tutorial = DocumentedTutorial.start("quick-start.md");
  }

  @AfterAll
  static void stop() {
    if (tutorial != null) {
      tutorial.close();
    }
  }

  @Test
  @Order(1)
  void theClustersRunWithLiqoInstalledAndTheirAgents() {
    assertThat(tutorial.runThrough("./local-clusters up rome milan --detach").output())
        .contains("Local clusters are ready", "Liqo is installed in each cluster");
    assertThat(tutorial.runThrough("./local-clusters status").output())
        .contains("Local clusters [rome, milan] are running", "liqo_kubeconf_milan");
    assertThat(tutorial.runThrough("kubectl get nodes --kubeconfig").output())
        .containsPattern("rome-worker\\s+Ready")
        .containsPattern("milan-worker\\s+Ready");
    assertThat(tutorial.runThrough("liqoctl install kind --cluster-name rome").output())
        .contains("Liqo is installed on cluster rome", "Liqo is installed on cluster milan");
    assertThat(tutorial.runThrough("liqoctl status").output())
        .contains("Cluster:       rome")
        .containsPattern("Agent:\\s+running");
  }

  @Test
  @Order(2)
  void romePeersWithMilanAndOffloadsTheDemoNamespace() {
    assertThat(tutorial.runThrough("liqoctl generate peer-command --kubeconfig").output())
        .contains("liqoctl peer out-of-band milan --auth-url https://");
    assertThat(tutorial.runThrough("liqoctl generate peer-command --only-command").output())
        .contains("Peering with milan established: virtual node liqo-milan is Ready");
    assertThat(tutorial.runThrough("kubectl get foreignclusters").output())
        .containsPattern("milan\\s+OutOfBand\\s+Established\\s+None\\s+None\\s+Established");
    assertThat(tutorial.runThrough("kubectl get nodes").output())
        .containsPattern("liqo-milan\\s+Ready\\s+agent")
        .containsPattern("rome-worker\\s+Ready");

    assertThat(tutorial.runThrough("liqoctl offload namespace liqo-demo").output())
        .contains("Namespace liqo-demo is offloaded.");
    String remoteName =
        tutorial.check(
            "kubectl get namespaceoffloadings offloading -n liqo-demo"
                + " -o jsonpath='{.status.remoteNamespaceName}'");
    assertThat(remoteName).startsWith("liqo-demo-rome-");
    assertThat(
            tutorial.check(
                "kubectl get namespace " + remoteName + " --kubeconfig \"$KUBECONFIG_MILAN\""))
        .containsPattern(remoteName + "\\s+Active");
  }

  @Test
  @Order(3)
  void oneNginxRunsLocallyTheOtherOnTheVirtualNodeAndTheServiceServesBoth() {
    String pods = tutorial.runThrough("kubectl get pod -n liqo-demo -o wide").output();
    assertThat(pods)
        .containsPattern("nginx-local\\s+1/1\\s+Running\\s+0")
        .containsPattern("nginx-remote\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+\\S+\\s+liqo-milan");
    assertThat(pods.lines().filter(l -> l.startsWith("nginx-local")).findFirst().orElseThrow())
        .doesNotContain("liqo-milan");
    assertThat(tutorial.runThrough("--kubeconfig \"$KUBECONFIG_MILAN\"").output())
        .containsPattern(
            "liqo-demo-rome-\\S+\\s+nginx-remote\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+\\S+\\s+milan-worker");

    assertThat(tutorial.runThrough("echo \"Local Pod IP").output())
        .matches(
            "Local Pod IP: \\d+\\.\\d+\\.\\d+\\.\\d+ - Remote Pod IP: \\d+\\.\\d+\\.\\d+\\.\\d+");
    String localIp =
        tutorial.check("kubectl get pod nginx-local -n liqo-demo --template={{.status.podIP}}");
    String remoteIp =
        tutorial.check("kubectl get pod nginx-remote -n liqo-demo --template={{.status.podIP}}");
    // Each cluster has its own pod range: the remote pod shows the address milan gave it.
    assertThat(localIp).startsWith("10.244.");
    assertThat(remoteIp).startsWith("10.245.");
    // The endpoints controller may list the pods a moment after they are Ready.
    String service = tutorial.runThrough("kubectl describe service liqo-demo").output();
    for (int i = 0; i < 60 && !endpointsOfBoth(service, localIp, remoteIp); i++) {
      sleepOneSecond();
      service = tutorial.rerunLast().output();
    }
    assertThat(service).containsPattern("Selector:\\s+app=liqo-demo");
    assertThat(endpointsOfBoth(service, localIp, remoteIp)).as(service).isTrue();
  }

  @Test
  @Order(4)
  void unoffloadingThenUnpeeringLeavesNothingOfLiqoInEitherCluster() {
    tutorial.runThrough("liqoctl unoffload namespace liqo-demo");
    assertThat(tutorial.runThrough("kubectl get pods -n liqo-demo -o wide").output())
        .contains("nginx-local")
        .doesNotContain("nginx-remote");

    assertThat(tutorial.runThrough("liqoctl unpeer out-of-band milan").output())
        .contains("Peering with milan removed: virtual node liqo-milan deleted.");
    TutorialShell.Result milanClean =
        tutorial
            .shell()
            .bashUntilSuccess(
                "[ -z \"$(kubectl --kubeconfig \"$KUBECONFIG_MILAN\" get namespaces"
                    + " -l liqo.io/remote-cluster-id -o name)\" ]\n"
                    + "[ -z \"$(kubectl --kubeconfig \"$KUBECONFIG_MILAN\" get"
                    + " shadowpods,namespacemaps,foreignclusters -A -o name)\" ]",
                60);
    assertThat(milanClean.exitCode()).as(milanClean.output()).isZero();
    TutorialShell.Result romeClean =
        tutorial
            .shell()
            .bashUntilSuccess(
                "[ -z \"$(kubectl get nodes -l liqo.io/type=virtual-node -o name)\" ]\n"
                    + "[ -z \"$(kubectl get foreignclusters,namespaceoffloadings -A -o name)\" ]\n"
                    + "[ -z \"$(kubectl get namespaces -l liqo.io/remote-cluster-id -o name)\" ]",
                60);
    assertThat(romeClean.exitCode()).as(romeClean.output()).isZero();
  }

  @Test
  @Order(5)
  void uninstallingRemovesLiqoAndDownStopsTheClusters() {
    tutorial.runThrough("liqoctl uninstall --kubeconfig");
    assertThat(
            tutorial
                .check(
                    "kubectl get namespaces -o name\n"
                        + "kubectl get namespaces -o name --kubeconfig \"$KUBECONFIG_MILAN\"")
                .lines())
        .contains("namespace/liqo-demo")
        .doesNotContain("namespace/liqo");
    tutorial.runThrough("liqoctl uninstall --purge --kubeconfig");
    assertThat(
            tutorial.check(
                "kubectl get crd -o name; kubectl get crd -o name --kubeconfig \"$KUBECONFIG_MILAN\""))
        .doesNotContain("liqo.io");

    assertThat(tutorial.runThrough("./local-clusters down").output())
        .contains("Stopped local clusters [rome, milan].");
    tutorial.runToEnd();
    assertThat(tutorial.shell().directory().resolve("liqo_kubeconf_rome")).doesNotExist();
    assertThat(tutorial.shell().directory().resolve(".local-clusters")).doesNotExist();
  }

  private static boolean endpointsOfBoth(String service, String localIp, String remoteIp) {
    return service
        .lines()
        .anyMatch(
            line ->
                line.startsWith("Endpoints:")
                    && line.contains(localIp + ":80")
                    && line.contains(remoteIp + ":80")
                    && line.split(",").length == 2);
  }

  private static void sleepOneSecond() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
