package io.liqojava.api.offloading.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import java.util.Objects;

/** Affinity rules an {@link OffloadingPatch} adds to offloaded pods. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class OffloadingAffinity {

  @JsonProperty("nodeAffinity")
  @JsonPropertyDescription("Node affinity targeting a subset of the nodes of the provider cluster.")
  private NodeAffinity nodeAffinity;

  public NodeAffinity getNodeAffinity() {
    return nodeAffinity;
  }

  public void setNodeAffinity(NodeAffinity nodeAffinity) {
    this.nodeAffinity = nodeAffinity;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof OffloadingAffinity)) {
      return false;
    }
    OffloadingAffinity that = (OffloadingAffinity) o;
    return Objects.equals(nodeAffinity, that.nodeAffinity);
  }

  @Override
  public int hashCode() {
    return Objects.hash(nodeAffinity);
  }

  @Override
  public String toString() {
    return "OffloadingAffinity{" + "nodeAffinity=" + nodeAffinity + "}";
  }
}
