package io.liqojava.api.ipam.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** Desired state of a {@link Network}: a CIDR to reserve, possibly remapped. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NetworkSpec {

  @Required
  @JsonProperty("cidr")
  @JsonPropertyDescription("Desired CIDR; immutable.")
  private String cidr;

  @Min(0)
  @JsonProperty("preAllocated")
  @JsonPropertyDescription("Number of addresses reserved at the start of the CIDR; immutable.")
  private Integer preAllocated;

  public String getCidr() {
    return cidr;
  }

  public void setCidr(String cidr) {
    this.cidr = cidr;
  }

  public Integer getPreAllocated() {
    return preAllocated;
  }

  public void setPreAllocated(Integer preAllocated) {
    this.preAllocated = preAllocated;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof NetworkSpec)) {
      return false;
    }
    NetworkSpec that = (NetworkSpec) o;
    return Objects.equals(cidr, that.cidr) && Objects.equals(preAllocated, that.preAllocated);
  }

  @Override
  public int hashCode() {
    return Objects.hash(cidr, preAllocated);
  }

  @Override
  public String toString() {
    return "NetworkSpec{" + "cidr=" + cidr + ", preAllocated=" + preAllocated + "}";
  }
}
