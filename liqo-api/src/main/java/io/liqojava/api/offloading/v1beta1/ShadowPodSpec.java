package io.liqojava.api.offloading.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.Objects;

/** Desired state of a {@link ShadowPod}: the pod to keep running in the provider cluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ShadowPodSpec {

  @JsonProperty("pod")
  @JsonPropertyDescription("Specification of the pod.")
  private PodSpec pod;

  public PodSpec getPod() {
    return pod;
  }

  public void setPod(PodSpec pod) {
    this.pod = pod;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ShadowPodSpec)) {
      return false;
    }
    ShadowPodSpec that = (ShadowPodSpec) o;
    return Objects.equals(pod, that.pod);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pod);
  }

  @Override
  public String toString() {
    return "ShadowPodSpec{" + "pod=" + pod + "}";
  }
}
