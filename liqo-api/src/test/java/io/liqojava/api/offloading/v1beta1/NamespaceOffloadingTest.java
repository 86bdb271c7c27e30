package io.liqojava.api.offloading.v1beta1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

class NamespaceOffloadingTest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** The resource as printed by "kubectl get namespaceoffloadings offloading -o yaml". */
  private static final String SEED =
      """
      apiVersion: offloading.liqo.io/v1beta1
      kind: NamespaceOffloading
      metadata:
        name: offloading
        namespace: liqo-demo
      spec:
        clusterSelector:
          nodeSelectorTerms:
          - matchExpressions:
            - key: topology.liqo.io/region
              operator: In
              values:
              - south
        namespaceMappingStrategy: EnforceSameName
        podOffloadingStrategy: LocalAndRemote
      status:
        offloadingPhase: Ready
        remoteNamespaceName: liqo-demo
        remoteNamespacesConditions:
          florence-539f8b:
          - lastTransitionTime: "2022-05-05T15:08:33Z"
            message: You have not selected this cluster through ClusterSelector fields
            reason: ClusterNotSelected
            status: "False"
            type: OffloadingRequired
          naples-7881be:
          - lastTransitionTime: "2022-05-05T15:08:43Z"
            message: The remote cluster has been selected through the ClusterSelector field
            reason: ClusterSelected
            status: "True"
            type: OffloadingRequired
          - lastTransitionTime: "2022-05-05T15:08:43Z"
            message: Namespace correctly offloaded on this cluster
            reason: RemoteNamespaceCreated
            status: "True"
            type: Ready
      """;

  @Test
  void readsTheStatusOfTheTutorial() {
    NamespaceOffloading offloading = SERIALIZATION.unmarshal(SEED, NamespaceOffloading.class);

    assertThat(offloading.getSpec().getNamespaceMappingStrategy())
        .isEqualTo(NamespaceMappingStrategy.ENFORCE_SAME_NAME);
    assertThat(offloading.getSpec().getPodOffloadingStrategy())
        .isEqualTo(PodOffloadingStrategy.LOCAL_AND_REMOTE);
    NamespaceOffloadingStatus status = offloading.getStatus();
    assertThat(status.getOffloadingPhase()).isEqualTo(OffloadingPhase.READY);
    assertThat(status.getRemoteNamespacesConditions())
        .containsOnlyKeys("florence-539f8b", "naples-7881be");
    RemoteNamespaceCondition ready =
        status.getRemoteNamespacesConditions().get("naples-7881be").get(1);
    assertThat(ready.getType()).isEqualTo(RemoteNamespaceConditionType.READY);
    assertThat(ready.getStatus()).isEqualTo(ConditionStatus.TRUE);
    assertThat(ready.getReason()).isEqualTo("RemoteNamespaceCreated");
  }

  @Test
  void writesEnumsAsInTheTutorialAndReadsBackEqual() {
    NamespaceOffloading offloading = SERIALIZATION.unmarshal(SEED, NamespaceOffloading.class);

    String yaml = SERIALIZATION.asYaml(offloading);

    assertThat(yaml)
        .contains("namespaceMappingStrategy: \"EnforceSameName\"")
        .contains("offloadingPhase: \"Ready\"")
        .contains("status: \"False\"")
        .doesNotContain("null");
    assertThat(SERIALIZATION.unmarshal(yaml, NamespaceOffloading.class)).isEqualTo(offloading);
  }
}
