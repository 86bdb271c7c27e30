package io.liqojava.api.networking.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Objects;

/** Observed state of a {@link GatewayClient}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewayClientStatus {

  @JsonProperty("clientRef")
  @JsonPropertyDescription("The object implementing the gateway client.")
  private ObjectReference clientRef;

  @JsonProperty("secretRef")
  @JsonPropertyDescription("Secret holding the configuration of the tunnel.")
  private ObjectReference secretRef;

  @JsonProperty("internalEndpoint")
  @JsonPropertyDescription("Endpoint of the gateway inside the cluster network.")
  private InternalGatewayEndpoint internalEndpoint;

  public ObjectReference getClientRef() {
    return clientRef;
  }

  public void setClientRef(ObjectReference clientRef) {
    this.clientRef = clientRef;
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
    if (!(o instanceof GatewayClientStatus)) {
      return false;
    }
    GatewayClientStatus that = (GatewayClientStatus) o;
    return Objects.equals(clientRef, that.clientRef)
        && Objects.equals(secretRef, that.secretRef)
        && Objects.equals(internalEndpoint, that.internalEndpoint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(clientRef, secretRef, internalEndpoint);
  }

  @Override
  public String toString() {
    return "GatewayClientStatus{"
        + "clientRef="
        + clientRef
        + ", secretRef="
        + secretRef
        + ", internalEndpoint="
        + internalEndpoint
        + "}";
  }
}
