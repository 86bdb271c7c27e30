package io.liqojava.api.networking.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;
import java.util.Objects;

/** CIDRs of one cluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClusterConfigCidr {

  @JsonProperty("pod")
  @JsonPropertyDescription("Pod CIDRs of the cluster.")
  private List<String> pod;

  @JsonProperty("external")
  @JsonPropertyDescription(
      "External CIDRs of the cluster, used to reach addresses outside its pod network.")
  private List<String> external;

  public List<String> getPod() {
    return pod;
  }

  public void setPod(List<String> pod) {
    this.pod = pod;
  }

  public List<String> getExternal() {
    return external;
  }

  public void setExternal(List<String> external) {
    this.external = external;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ClusterConfigCidr)) {
      return false;
    }
    ClusterConfigCidr that = (ClusterConfigCidr) o;
    return Objects.equals(pod, that.pod) && Objects.equals(external, that.external);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pod, external);
  }

  @Override
  public String toString() {
    return "ClusterConfigCidr{" + "pod=" + pod + ", external=" + external + "}";
  }
}
