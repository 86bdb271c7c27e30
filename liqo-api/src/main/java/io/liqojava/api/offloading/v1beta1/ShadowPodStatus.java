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

  @JsonProperty("podUid")
  @JsonPropertyDescription("UID of the pod the provider last created from the ShadowPod.")
  private String podUid;

  @JsonProperty("podRecreations")
  @JsonPropertyDescription(
      "How many times the provider created the pod again after it disappeared; added to the"
          + " restart counts the origin cluster shows.")
  private Integer podRecreations;

  public ShadowPodPhase getPhase() {
    return phase;
  }

  public void setPhase(ShadowPodPhase phase) {
    this.phase = phase;
  }

  public String getPodUid() {
    return podUid;
  }

  public void setPodUid(String podUid) {
    this.podUid = podUid;
  }

  public Integer getPodRecreations() {
    return podRecreations;
  }

  public void setPodRecreations(Integer podRecreations) {
    this.podRecreations = podRecreations;
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
    return Objects.equals(phase, that.phase)
        && Objects.equals(podUid, that.podUid)
        && Objects.equals(podRecreations, that.podRecreations);
  }

  @Override
  public int hashCode() {
    return Objects.hash(phase, podUid, podRecreations);
  }

  @Override
  public String toString() {
    return "ShadowPodStatus{"
        + "phase="
        + phase
        + ", podUid="
        + podUid
        + ", podRecreations="
        + podRecreations
        + "}";
  }
}
