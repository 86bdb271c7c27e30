package io.liqojava.api.networking.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Objects;

/** Observed state of a {@link GatewayServer}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewayServerStatus {

  @JsonProperty("serverRef")
  @JsonPropertyDescription("The object implementing the gateway server.")
  private ObjectReference serverRef;

  @JsonProperty("endpoint")
  @JsonPropertyDescription("Address at which remote clients reach the gateway server.")
  private EndpointStatus endpoint;

  @JsonProperty("secretRef")
  @JsonPropertyDescription("Secret holding the configuration of the tunnel.")
  private ObjectReference secretRef;

  @JsonProperty("internalEndpoint")
  @JsonPropertyDescription("Endpoint of the gateway inside the cluster network.")
  private InternalGatewayEndpoint internalEndpoint;

  public ObjectReference getServerRef() {
    return serverRef;
  }

  public void setServerRef(ObjectReference serverRef) {
    this.serverRef = serverRef;
  }

  public EndpointStatus getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(EndpointStatus endpoint) {
    this.endpoint = endpoint;
  }

  public ObjectReference getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(ObjectReference secretRef) {
    this.secretRef = secretRef;
  }

  public InternalGatewayEndpoint getInternalEndpoint() {
    return internalEndpoint;
  }

  public void setInternalEndpoint(InternalGatewayEndpoint internalEndpoint) {
    this.internalEndpoint = internalEndpoint;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof GatewayServerStatus)) {
      return false;
    }
    GatewayServerStatus that = (GatewayServerStatus) o;
    return Objects.equals(serverRef, that.serverRef)
        && Objects.equals(endpoint, that.endpoint)
        && Objects.equals(secretRef, that.secretRef)
        && Objects.equals(internalEndpoint, that.internalEndpoint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(serverRef, endpoint, secretRef, internalEndpoint);
  }

  @Override
  public String toString() {
    return "GatewayServerStatus{"
        + "serverRef="
        + serverRef
        + ", endpoint="
        + endpoint
        + ", secretRef="
        + secretRef
        + ", internalEndpoint="
        + internalEndpoint
        + "}";
  }
}
