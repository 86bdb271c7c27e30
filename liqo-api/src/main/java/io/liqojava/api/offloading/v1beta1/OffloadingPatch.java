package io.liqojava.api.offloading.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Scheduling constraints a {@link VirtualNode} adds to the pods it offloads. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OffloadingPatch {

  @JsonProperty("annotationsNotReflected")
  @JsonPropertyDescription("Keys of annotations not to reflect to the provider cluster.")
  private List<String> annotationsNotReflected;

  @JsonProperty("labelsNotReflected")
  @JsonPropertyDescription("Keys of labels not to reflect to the provider cluster.")
  private List<String> labelsNotReflected;

  @JsonProperty("nodeSelector")
  @JsonPropertyDescription("Node selector targeting a subset of the nodes of the provider cluster.")
  private Map<String, String> nodeSelector;

  @JsonProperty("tolerations")
  @JsonPropertyDescription("Tolerations added to offloaded pods.")
  private List<Toleration> tolerations;

  @JsonProperty("affinity")
  @JsonPropertyDescription("Affinity targeting a subset of the nodes of the provider cluster.")
  private OffloadingAffinity affinity;

  @JsonProperty("runtimeClassName")
  @JsonPropertyDescription("Runtime class offloaded pods get in the provider cluster.")
  private String runtimeClassName;

  public List<String> getAnnotationsNotReflected() {
    return annotationsNotReflected;
  }

  public void setAnnotationsNotReflected(List<String> annotationsNotReflected) {
    this.annotationsNotReflected = annotationsNotReflected;
  }

  public List<String> getLabelsNotReflected() {
    return labelsNotReflected;
  }

  public void setLabelsNotReflected(List<String> labelsNotReflected) {
    this.labelsNotReflected = labelsNotReflected;
  }

  public Map<String, String> getNodeSelector() {
    return nodeSelector;
  }

  public void setNodeSelector(Map<String, String> nodeSelector) {
    this.nodeSelector = nodeSelector;
  }

  public List<Toleration> getTolerations() {
    return tolerations;
  }

  public void setTolerations(List<Toleration> tolerations) {
    this.tolerations = tolerations;
  }

  public OffloadingAffinity getAffinity() {
    return affinity;
  }

  public void setAffinity(OffloadingAffinity affinity) {
    this.affinity = affinity;
  }

  public String getRuntimeClassName() {
    return runtimeClassName;
  }

  public void setRuntimeClassName(String runtimeClassName) {
    this.runtimeClassName = runtimeClassName;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof OffloadingPatch)) {
      return false;
    }
    OffloadingPatch that = (OffloadingPatch) o;
    return Objects.equals(annotationsNotReflected, that.annotationsNotReflected)
        && Objects.equals(labelsNotReflected, that.labelsNotReflected)
        && Objects.equals(nodeSelector, that.nodeSelector)
        && Objects.equals(tolerations, that.tolerations)
        && Objects.equals(affinity, that.affinity)
        && Objects.equals(runtimeClassName, that.runtimeClassName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        annotationsNotReflected,
        labelsNotReflected,
        nodeSelector,
        tolerations,
        affinity,
        runtimeClassName);
  }

  @Override
  public String toString() {
    return "OffloadingPatch{"
        + "annotationsNotReflected="
        + annotationsNotReflected
        + ", labelsNotReflected="
        + labelsNotReflected
        + ", nodeSelector="
        + nodeSelector
        + ", tolerations="
        + tolerations
        + ", affinity="
        + affinity
        + ", runtimeClassName="
        + runtimeClassName
        + "}";
  }
}
