package io.liqojava.api.networking.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import java.util.List;
import java.util.Objects;

/** The address of a gateway, as reached by its peer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EndpointStatus {

  @JsonProperty("addresses")
  @JsonPropertyDescription("Addresses (IPs or host names) of the endpoint.")
  private List<String> addresses;

  @Min(1)
  @Max(65535)
  @JsonProperty("port")
  @JsonPropertyDescription("Port of the endpoint.")
  private Integer port;

  @JsonProperty("protocol")
  @JsonPropertyDescription("Transport protocol of the endpoint.")
  private Protocol protocol;

  public List<String> getAddresses() {
    return addresses;
  }

  public void setAddresses(List<String> addresses) {
    this.addresses = addresses;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public Protocol getProtocol() {
    return protocol;
  }

  public void setProtocol(Protocol protocol) {
    this.protocol = protocol;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof EndpointStatus)) {
      return false;
    }
    EndpointStatus that = (EndpointStatus) o;
    return Objects.equals(addresses, that.addresses)
        && Objects.equals(port, that.port)
        && Objects.equals(protocol, that.protocol);
  }

  @Override
  public int hashCode() {
    return Objects.hash(addresses, port, protocol);
  }

  @Override
  public String toString() {
    return "EndpointStatus{"
        + "addresses="
        + addresses
        + ", port="
        + port
        + ", protocol="
        + protocol
        + "}";
  }
}
