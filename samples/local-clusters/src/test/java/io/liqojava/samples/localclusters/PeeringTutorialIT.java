package io.liqojava.samples.localclusters;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The peering chapter of the tutorials, replayed the way a user follows it: three clusters from
 * {@code local-clusters up}, then {@code liqoctl} and {@code kubectl} commands run by bash, the
 * out-of-band peer command piped to bash as the seeds do. Steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeeringTutorialIT {

  private static TutorialShell shell;

  @BeforeAll
  static void upThreeClusters() {
    shell = TutorialShell.up("venice", "florence", "naples");
  }

  @AfterAll
  static void down() {
    if (shell != null) {
      shell.close();
    }
  }

  @Test
  @Order(1)
  void providersAreLabelledAtInstallTime() {
    TutorialShell.Result florence =
        bash(
            "liqoctl install --kubeconfig \"$KUBECONFIG_FLORENCE\""
                + " --cluster-labels topology.liqo.io/region=center");
    TutorialShell.Result naples =
        bash(
            "liqoctl install --kubeconfig \"$KUBECONFIG_NAPLES\""
                + " --cluster-labels topology.liqo.io/region=south");

    assertThat(florence.exitCode()).as(florence.output()).isZero();
    assertThat(naples.exitCode()).as(naples.output()).isZero();
    assertThat(florence.output()).contains("topology.liqo.io/region=center");
  }

  @Test
  @Order(2)
  void aWrongTokenFailsWithAClearMessageAndCreatesNothing() {
    TutorialShell.Result wrong =
        bash(
            "eval \"$(liqoctl generate peer-command --only-command --kubeconfig \"$KUBECONFIG_NAPLES\""
                + " | sed 's/--auth-token [^ ]*/--auth-token "
                + "0".repeat(64)
                + "/')\"");

    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.output()).contains("auth token is not valid", "liqoctl generate peer-command");
    assertThat(bash("kubectl get foreignclusters -o name").output()).doesNotContain("naples");
  }

  @Test
  @Order(3)
  void venicePeersWithFlorenceOutOfBandAndWithNaplesByKubeconfig() {
    long start = System.nanoTime();
    TutorialShell.Result outOfBand =
        bash(
            "PEER_FLORENCE=$(liqoctl generate peer-command --only-command --kubeconfig"
                + " \"$KUBECONFIG_FLORENCE\")\n"
                + "echo \"$PEER_FLORENCE\" | bash");
    long outOfBandMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(outOfBand.exitCode()).as(outOfBand.output()).isZero();
    System.out.printf("peer command to a Ready virtual node: %d ms%n", outOfBandMillis);

    TutorialShell.Result byKubeconfig =
        bash("liqoctl peer --remote-kubeconfig \"$KUBECONFIG_NAPLES\"");
    assertThat(byKubeconfig.exitCode()).as(byKubeconfig.output()).isZero();

    String foreignClusters = bash("kubectl get foreignclusters").output();
    assertThat(foreignClusters.lines().findFirst().orElseThrow())
        .containsPattern(
            "NAME\\s+TYPE\\s+OUTGOING PEERING\\s+INCOMING PEERING\\s+NETWORKING\\s+AUTHENTICATION\\s+AGE");
    assertThat(foreignClusters)
        .containsPattern("florence\\s+OutOfBand\\s+Established\\s+None\\s+None\\s+Established")
        .containsPattern("naples\\s+OutOfBand\\s+Established\\s+None\\s+None\\s+Established");

    String nodes =
        bash("kubectl get node --selector=liqo.io/type=virtual-node --show-labels").output();
    assertThat(nodes)
        .containsPattern("liqo-florence\\s+Ready\\s+agent")
        .containsPattern("liqo-naples\\s+Ready\\s+agent")
        .contains("topology.liqo.io/region=center", "topology.liqo.io/region=south")
        .contains("liqo.io/type=virtual-node");
    assertThat(bash("kubectl get node liqo-florence -o jsonpath='{.status.capacity.cpu}'").output())
        .isEqualTo("2");
  }

  @Test
  @Order(4)
  void unpeeringRemovesTheVirtualNodesAndPeeringAgainWorks() {
    TutorialShell.Result outOfBand = bash("liqoctl unpeer out-of-band florence");
    TutorialShell.Result byKubeconfig =
        bash("liqoctl unpeer --remote-kubeconfig \"$KUBECONFIG_NAPLES\"");

    assertThat(outOfBand.exitCode()).as(outOfBand.output()).isZero();
    assertThat(byKubeconfig.exitCode()).as(byKubeconfig.output()).isZero();
    assertThat(bash("kubectl get node --selector=liqo.io/type=virtual-node -o name").output())
        .isBlank();
    assertThat(bash("kubectl get foreignclusters -o name").output()).isBlank();
    // On the provider, the consumer's ForeignCluster and tenant namespace go too.
    TutorialShell.Result provider =
        bash(
            "for i in $(seq 60); do\n"
                + "  [ -z \"$(kubectl --kubeconfig \"$KUBECONFIG_FLORENCE\" get foreignclusters -o name)\" ]"
                + " && ! kubectl --kubeconfig \"$KUBECONFIG_FLORENCE\" get namespaces -o name"
                + " | grep -q liqo-tenant- && break\n"
                + "  sleep 1\n"
                + "done\n"
                + "kubectl --kubeconfig \"$KUBECONFIG_FLORENCE\" get foreignclusters,namespaces -o name");
    assertThat(provider.output()).doesNotContain("liqo-tenant-", "foreigncluster");

    TutorialShell.Result again =
        bash(
            "liqoctl generate peer-command --only-command --kubeconfig \"$KUBECONFIG_FLORENCE\""
                + " | bash");
    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(bash("kubectl get node liqo-florence").output())
        .containsPattern("liqo-florence\\s+Ready");
  }

  private static TutorialShell.Result bash(String script) {
    return shell.bash(script);
  }
}
