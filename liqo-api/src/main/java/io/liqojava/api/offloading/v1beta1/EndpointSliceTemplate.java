package io.liqojava.api.offloading.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import java.util.List;
import java.util.Objects;

/** The content of an EndpointSlice (discovery.k8s.io) carried by a {@link ShadowEndpointSlice}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EndpointSliceTemplate {

  @JsonProperty("endpoints")
  @JsonPropertyDescription("Endpoints of the slice.")
  private List<Endpoint> endpoints;

  @JsonProperty("ports")
  @JsonPropertyDescription("Ports exposed by the endpoints.")
  private List<EndpointPort> ports;

  @JsonProperty("addressType")
  @JsonPropertyDescription("Type of the addresses of the endpoints.")
  private EndpointAddressType addressType;

  public List<Endpoint> getEndpoints() {
    return endpoints;
  }

  public void setEndpoints(List<Endpoint> endpoints) {
    this.endpoints = endpoints;
  }

  public List<EndpointPort> getPorts() {
    return ports;
  }

  public void setPorts(List<EndpointPort> ports) {
    this.ports = ports;
  }

  public EndpointAddressType getAddressType() {
    return addressType;
  }

  public void setAddressType(EndpointAddressType addressType) {
    this.addressType = addressType;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof EndpointSliceTemplate)) {
      return false;
    }
    EndpointSliceTemplate that = (EndpointSliceTemplate) o;
    return Objects.equals(endpoints, that.endpoints)
        && Objects.equals(ports, that.ports)
        && Objects.equals(addressType, that.addressType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(endpoints, ports, addressType);
  }

  @Override
  public String toString() {
    return "EndpointSliceTemplate{"
        + "endpoints="
        + endpoints
        + ", ports="
        + ports
        + ", addressType="
        + addressType
        + "}";
  }
}
