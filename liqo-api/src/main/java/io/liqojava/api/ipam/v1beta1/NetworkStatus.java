package io.liqojava.api.ipam.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Observed state of a {@link Network}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NetworkStatus {

  @JsonProperty("cidr")
  @JsonPropertyDescription("CIDR actually assigned, after remapping.")
  private String cidr;

  public String getCidr() {
    return cidr;
  }

  public void setCidr(String cidr) {
    this.cidr = cidr;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof NetworkStatus)) {
      return false;
    }
    NetworkStatus that = (NetworkStatus) o;
    return Objects.equals(cidr, that.cidr);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cidr);
  }

  @Override
  public String toString() {
    return "NetworkStatus{" + "cidr=" + cidr + "}";
  }
}
