package io.liqojava.api.offloading.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.kubernetes.api.model.NodeSelector;
import java.util.Objects;

/** Desired state of a {@link NamespaceOffloading}: where and how a namespace is offloaded. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NamespaceOffloadingSpec {

  @Default("DefaultName")
  @JsonProperty("namespaceMappingStrategy")
  @JsonPropertyDescription("How remote namespaces are named; immutable once set.")
  private NamespaceMappingStrategy namespaceMappingStrategy;

  @JsonProperty("remoteNamespaceName")
  @JsonPropertyDescription(
      "Name of the remote namespaces; required by, and only used with, the SelectedName strategy.")
  private String remoteNamespaceName;

  @Default("LocalAndRemote")
  @JsonProperty("podOffloadingStrategy")
  @JsonPropertyDescription("Where the pods of the namespace may be scheduled.")
  private PodOffloadingStrategy podOffloadingStrategy;

  @JsonProperty("clusterSelector")
  @JsonPropertyDescription(
      "Selects the target clusters through the labels of their virtual nodes; no terms match every cluster.")
  private NodeSelector clusterSelector;

  public NamespaceMappingStrategy getNamespaceMappingStrategy() {
    return namespaceMappingStrategy;
  }

  public void setNamespaceMappingStrategy(NamespaceMappingStrategy namespaceMappingStrategy) {
    this.namespaceMappingStrategy = namespaceMappingStrategy;
  }

  public String getRemoteNamespaceName() {
    return remoteNamespaceName;
  }

  public void setRemoteNamespaceName(String remoteNamespaceName) {
    this.remoteNamespaceName = remoteNamespaceName;
  }

  public PodOffloadingStrategy getPodOffloadingStrategy() {
    return podOffloadingStrategy;
  }

  public void setPodOffloadingStrategy(PodOffloadingStrategy podOffloadingStrategy) {
    this.podOffloadingStrategy = podOffloadingStrategy;
  }

  public NodeSelector getClusterSelector() {
    return clusterSelector;
  }

  public void setClusterSelector(NodeSelector clusterSelector) {
    this.clusterSelector = clusterSelector;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof NamespaceOffloadingSpec)) {
      return false;
    }
    NamespaceOffloadingSpec that = (NamespaceOffloadingSpec) o;
    return Objects.equals(namespaceMappingStrategy, that.namespaceMappingStrategy)
        && Objects.equals(remoteNamespaceName, that.remoteNamespaceName)
        && Objects.equals(podOffloadingStrategy, that.podOffloadingStrategy)
        && Objects.equals(clusterSelector, that.clusterSelector);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        namespaceMappingStrategy, remoteNamespaceName, podOffloadingStrategy, clusterSelector);
  }

  @Override
  public String toString() {
    return "NamespaceOffloadingSpec{"
        + "namespaceMappingStrategy="
        + namespaceMappingStrategy
        + ", remoteNamespaceName="
        + remoteNamespaceName
        + ", podOffloadingStrategy="
        + podOffloadingStrategy
        + ", clusterSelector="
        + clusterSelector
        + "}";
  }
}
