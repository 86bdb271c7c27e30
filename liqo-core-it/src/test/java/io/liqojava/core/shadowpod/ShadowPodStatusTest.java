package io.liqojava.core.shadowpod;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.liqojava.api.offloading.v1beta1.ShadowPodPhase;
import io.liqojava.api.offloading.v1beta1.ShadowPodStatus;
import org.junit.jupiter.api.Test;

/**
 * The ShadowPod status follows the pod it observes, whatever happened between two observations (for
 * example the process dying between creating a pod and recording it).
 */
class ShadowPodStatusTest {

  @Test
  void firstPodIsNoRecreation() {
    ShadowPodStatus status = ShadowPodReconciler.next(null, pod("uid-1", "Pending"));

    assertThat(status.getPhase()).isEqualTo(ShadowPodPhase.PENDING);
    assertThat(status.getPodUid()).isEqualTo("uid-1");
    assertThat(status.getPodRecreations()).isZero();
  }

  @Test
  void podWithAnotherUidCountsOnceHoweverOftenItIsObserved() {
    ShadowPodStatus recorded = ShadowPodReconciler.next(null, pod("uid-1", "Running"));
    ShadowPodStatus gone = ShadowPodReconciler.next(recorded, null);

    ShadowPodStatus recreated = ShadowPodReconciler.next(gone, pod("uid-2", "Running"));
    ShadowPodStatus observedAgain = ShadowPodReconciler.next(recreated, pod("uid-2", "Running"));

    assertThat(gone.getPhase()).isEqualTo(ShadowPodPhase.UNKNOWN);
    assertThat(gone.getPodUid()).isEqualTo("uid-1");
    assertThat(recreated.getPodRecreations()).isEqualTo(1);
    assertThat(observedAgain).isEqualTo(recreated);
  }

  @Test
  void podCreatedButNeverRecordedStillCounts() {
    ShadowPodStatus recorded = ShadowPodReconciler.next(null, pod("uid-1", "Running"));

    // The process died after creating uid-2, before writing the status: the next one sees uid-2.
    ShadowPodStatus status = ShadowPodReconciler.next(recorded, pod("uid-2", "Pending"));

    assertThat(status.getPodUid()).isEqualTo("uid-2");
    assertThat(status.getPodRecreations()).isEqualTo(1);
  }

  private static Pod pod(String uid, String phase) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("web")
        .withUid(uid)
        .endMetadata()
        .withNewStatus()
        .withPhase(phase)
        .endStatus()
        .build();
  }
}
