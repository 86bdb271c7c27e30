package io.liqojava.api.networking.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Network configuration of one cluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ClusterConfig {

  @JsonProperty("cidr")
  @JsonPropertyDescription("CIDRs of the cluster.")
  private ClusterConfigCidr cidr;

  public ClusterConfigCidr getCidr() {
    return cidr;
  }

  public void setCidr(ClusterConfigCidr cidr) {
    this.cidr = cidr;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ClusterConfig)) {
      return false;
    }
    ClusterConfig that = (ClusterConfig) o;
    return Objects.equals(cidr, that.cidr);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cidr);
  }

  @Override
  public String toString() {
    return "ClusterConfig{" + "cidr=" + cidr + "}";
  }
}
