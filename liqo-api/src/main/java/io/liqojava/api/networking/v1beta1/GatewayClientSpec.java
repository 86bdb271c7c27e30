package io.liqojava.api.networking.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Objects;

/** Desired state of a {@link GatewayClient}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewayClientSpec {

  @JsonProperty("clientTemplateRef")
  @JsonPropertyDescription("Template used to create the gateway client.")
  private ObjectReference clientTemplateRef;

  @Min(576)
  @JsonProperty("mtu")
  @JsonPropertyDescription("MTU of the tunnel.")
  private Integer mtu;

  @JsonProperty("endpoint")
  @JsonPropertyDescription("Address of the remote gateway server to connect to.")
  private EndpointStatus endpoint;

  @JsonProperty("secretRef")
  @JsonPropertyDescription(
      "Secret holding the configuration of the tunnel; empty to have one created.")
  private LocalObjectReference secretRef;

  public ObjectReference getClientTemplateRef() {
    return clientTemplateRef;
  }

  public void setClientTemplateRef(ObjectReference clientTemplateRef) {
    this.clientTemplateRef = clientTemplateRef;
  }

  public Integer getMtu() {
    return mtu;
  }

  public void setMtu(Integer mtu) {
    this.mtu = mtu;
  }

  public EndpointStatus getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(EndpointStatus endpoint) {
    this.endpoint = endpoint;
  }

  public LocalObjectReference getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(LocalObjectReference secretRef) {
    this.secretRef = secretRef;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof GatewayClientSpec)) {
      return false;
    }
    GatewayClientSpec that = (GatewayClientSpec) o;
    return Objects.equals(clientTemplateRef, that.clientTemplateRef)
        && Objects.equals(mtu, that.mtu)
        && Objects.equals(endpoint, that.endpoint)
        && Objects.equals(secretRef, that.secretRef);
  }

  @Override
  public int hashCode() {
    return Objects.hash(clientTemplateRef, mtu, endpoint, secretRef);
  }

  @Override
  public String toString() {
    return "GatewayClientSpec{"
        + "clientTemplateRef="
        + clientTemplateRef
        + ", mtu="
        + mtu
        + ", endpoint="
        + endpoint
        + ", secretRef="
        + secretRef
        + "}";
  }
}
