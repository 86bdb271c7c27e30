package io.liqojava.api.offloading.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/** Observed state of a {@link VirtualNode}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualNodeStatus {

  @JsonProperty("conditions")
  @JsonPropertyDescription(
      "State of the virtual kubelet and of the node, at most one condition per type.")
  private List<VirtualNodeCondition> conditions;

  public List<VirtualNodeCondition> getConditions() {
    return conditions;
  }

  public void setConditions(List<VirtualNodeCondition> conditions) {
    this.conditions = conditions;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof VirtualNodeStatus)) {
      return false;
    }
    VirtualNodeStatus that = (VirtualNodeStatus) o;
    return Objects.equals(conditions, that.conditions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(conditions);
  }

  @Override
  public String toString() {
    return "VirtualNodeStatus{" + "conditions=" + conditions + "}";
  }
}
