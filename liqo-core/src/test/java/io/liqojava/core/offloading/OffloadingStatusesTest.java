package io.liqojava.core.offloading;

import static org.assertj.core.api.Assertions.assertThat;

import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingStatus;
import io.liqojava.api.offloading.v1beta1.OffloadingPhase;
import io.liqojava.api.offloading.v1beta1.RemoteNamespaceCondition;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OffloadingStatusesTest {

  private static final Instant T0 = Instant.parse("2022-05-05T15:08:33Z");
  private static final Instant T1 = Instant.parse("2022-05-05T15:08:43Z");

  @Test
  void phaseSummarisesTheSelectedClusters() {
    ClusterOutcome off = ClusterOutcome.notSelected("florence-539f8b");
    ClusterOutcome ready = ClusterOutcome.ready("naples-7881be");
    ClusterOutcome failed = ClusterOutcome.failed("rome-000001", "taken");
    ClusterOutcome pending = ClusterOutcome.notReady("milan-000002", "Pending", "waiting");
    assertThat(OffloadingStatuses.phase(List.of(off)))
        .isEqualTo(OffloadingPhase.NO_CLUSTER_SELECTED);
    assertThat(OffloadingStatuses.phase(List.of(off, ready))).isEqualTo(OffloadingPhase.READY);
    assertThat(OffloadingStatuses.phase(List.of(ready, pending)))
        .isEqualTo(OffloadingPhase.IN_PROGRESS);
    assertThat(OffloadingStatuses.phase(List.of(ready, failed)))
        .isEqualTo(OffloadingPhase.SOME_FAILED);
    assertThat(OffloadingStatuses.phase(List.of(off, failed)))
        .isEqualTo(OffloadingPhase.ALL_FAILED);
  }

  @Test
  void lastTransitionTimeChangesOnlyOnTransitions() {
    NamespaceOffloadingStatus first =
        OffloadingStatuses.next(
            null, "liqo-demo", 1L, List.of(ClusterOutcome.notReady("naples-7881be", "P", "m")), T0);
    NamespaceOffloadingStatus second =
        OffloadingStatuses.next(
            first, "liqo-demo", 1L, List.of(ClusterOutcome.ready("naples-7881be")), T1);
    List<RemoteNamespaceCondition> conditions =
        second.getRemoteNamespacesConditions().get("naples-7881be");
    assertThat(conditions.get(0).getType().value()).isEqualTo("OffloadingRequired");
    assertThat(conditions.get(0).getLastTransitionTime()).isEqualTo("2022-05-05T15:08:33Z");
    assertThat(conditions.get(1).getType().value()).isEqualTo("Ready");
    assertThat(conditions.get(1).getLastTransitionTime()).isEqualTo("2022-05-05T15:08:43Z");
    assertThat(
            OffloadingStatuses.next(
                second,
                "liqo-demo",
                1L,
                List.of(ClusterOutcome.ready("naples-7881be")),
                T1.plusSeconds(60)))
        .isEqualTo(second);
  }
}
