package io.liqojava.api.ipam.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Observed state of an {@link IP}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IPStatus {

  @JsonProperty("ip")
  @JsonPropertyDescription("The remapped IP address.")
  private String ip;

  @JsonProperty("cidr")
  @JsonPropertyDescription("CIDR of the network the remapped address belongs to.")
  private String cidr;

  public String getIp() {
    return ip;
  }

  public void setIp(String ip) {
    this.ip = ip;
  }

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
    if (!(o instanceof IPStatus)) {
      return false;
    }
    IPStatus that = (IPStatus) o;
    return Objects.equals(ip, that.ip) && Objects.equals(cidr, that.cidr);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ip, cidr);
  }

  @Override
  public String toString() {
    return "IPStatus{" + "ip=" + ip + ", cidr=" + cidr + "}";
  }
}
