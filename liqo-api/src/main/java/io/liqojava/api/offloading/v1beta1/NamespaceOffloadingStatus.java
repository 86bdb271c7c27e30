package io.liqojava.api.offloading.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Observed state of a {@link NamespaceOffloading}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NamespaceOffloadingStatus {

  @JsonProperty("offloadingPhase")
  @JsonPropertyDescription("Overall state of the offloading across the selected clusters.")
  private OffloadingPhase offloadingPhase;

  @JsonProperty("remoteNamespaceName")
  @JsonPropertyDescription("Name of the twin namespace in the remote clusters.")
  private String remoteNamespaceName;

  @JsonProperty("remoteNamespacesConditions")
  @JsonPropertyDescription("Conditions of the twin namespace, by remote cluster ID.")
  private Map<String, List<RemoteNamespaceCondition>> remoteNamespacesConditions;

  @JsonProperty("observedGeneration")
  @JsonPropertyDescription("Generation of the spec this status reflects.")
  private Long observedGeneration;

  public OffloadingPhase getOffloadingPhase() {
    return offloadingPhase;
  }

  public void setOffloadingPhase(OffloadingPhase offloadingPhase) {
    this.offloadingPhase = offloadingPhase;
  }

  public String getRemoteNamespaceName() {
    return remoteNamespaceName;
  }

  public void setRemoteNamespaceName(String remoteNamespaceName) {
    this.remoteNamespaceName = remoteNamespaceName;
  }

  public Map<String, List<RemoteNamespaceCondition>> getRemoteNamespacesConditions() {
    return remoteNamespacesConditions;
  }

  public void setRemoteNamespacesConditions(
      Map<String, List<RemoteNamespaceCondition>> remoteNamespacesConditions) {
    this.remoteNamespacesConditions = remoteNamespacesConditions;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof NamespaceOffloadingStatus)) {
      return false;
    }
    NamespaceOffloadingStatus that = (NamespaceOffloadingStatus) o;
    return Objects.equals(offloadingPhase, that.offloadingPhase)
        && Objects.equals(remoteNamespaceName, that.remoteNamespaceName)
        && Objects.equals(remoteNamespacesConditions, that.remoteNamespacesConditions)
        && Objects.equals(observedGeneration, that.observedGeneration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        offloadingPhase, remoteNamespaceName, remoteNamespacesConditions, observedGeneration);
  }

  @Override
  public String toString() {
    return "NamespaceOffloadingStatus{"
        + "offloadingPhase="
        + offloadingPhase
        + ", remoteNamespaceName="
        + remoteNamespaceName
        + ", remoteNamespacesConditions="
        + remoteNamespacesConditions
        + ", observedGeneration="
        + observedGeneration
        + "}";
  }
}
