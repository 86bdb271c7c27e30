package io.liqojava.api.ipam.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Objects;

/** Desired state of an {@link IP}: a local address to remap. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IPSpec {

  @Required
  @JsonProperty("ip")
  @JsonPropertyDescription("The local IP address; immutable.")
  private String ip;

  @JsonProperty("networkRef")
  @JsonPropertyDescription(
      "Network the remapped address is allocated from; empty for the default (external) network.")
  private ObjectReference networkRef;

  @JsonProperty("masquerade")
  @JsonPropertyDescription("Whether traffic from this address is masqueraded on the nodes.")
  private Boolean masquerade;

  public String getIp() {
    return ip;
  }

  public void setIp(String ip) {
    this.ip = ip;
  }

  public ObjectReference getNetworkRef() {
    return networkRef;
  }

  public void setNetworkRef(ObjectReference networkRef) {
    this.networkRef = networkRef;
  }

  public Boolean getMasquerade() {
    return masquerade;
  }

  public void setMasquerade(Boolean masquerade) {
    this.masquerade = masquerade;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof IPSpec)) {
      return false;
    }
    IPSpec that = (IPSpec) o;
    return Objects.equals(ip, that.ip)
        && Objects.equals(networkRef, that.networkRef)
        && Objects.equals(masquerade, that.masquerade);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ip, networkRef, masquerade);
  }

  @Override
  public String toString() {
    return "IPSpec{"
        + "ip="
        + ip
        + ", networkRef="
        + networkRef
        + ", masquerade="
        + masquerade
        + "}";
  }
}
