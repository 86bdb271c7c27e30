package io.liqojava.api.offloading.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import java.util.Objects;

/** Observed state of a {@link ShadowPod}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ShadowPodStatus {

  @Default("Unknown")
  @JsonProperty("phase")
  @JsonPropertyDescription("Phase of the pod created from the ShadowPod.")
  private ShadowPodPhase phase;

  public ShadowPodPhase getPhase() {
    return phase;
  }

  public void setPhase(ShadowPodPhase phase) {
    this.phase = phase;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ShadowPodStatus)) {
      return false;
    }
    ShadowPodStatus that = (ShadowPodStatus) o;
    return Objects.equals(phase, that.phase);
  }

  @Override
  public int hashCode() {
    return Objects.hash(phase);
  }

  @Override
  public String toString() {
    return "ShadowPodStatus{" + "phase=" + phase + "}";
  }
}
