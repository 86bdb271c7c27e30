package io.liqojava.api.networking.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Objects;

/** Desired state of a {@link GatewayServer}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewayServerSpec {

  @JsonProperty("serverTemplateRef")
  @JsonPropertyDescription("Template used to create the gateway server.")
  private ObjectReference serverTemplateRef;

  @Min(576)
  @JsonProperty("mtu")
  @JsonPropertyDescription("MTU of the tunnel.")
  private Integer mtu;

  @JsonProperty("endpoint")
  @JsonPropertyDescription("How the gateway server is exposed.")
  private GatewayEndpoint endpoint;

  @JsonProperty("secretRef")
  @JsonPropertyDescription(
      "Secret holding the configuration of the tunnel; empty to have one created.")
  private LocalObjectReference secretRef;

  public ObjectReference getServerTemplateRef() {
    return serverTemplateRef;
  }

  public void setServerTemplateRef(ObjectReference serverTemplateRef) {
    this.serverTemplateRef = serverTemplateRef;
  }

  public Integer getMtu() {
    return mtu;
  }

  public void setMtu(Integer mtu) {
    this.mtu = mtu;
  }

  public GatewayEndpoint getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(GatewayEndpoint endpoint) {
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
    if (!(o instanceof GatewayServerSpec)) {
      return false;
    }
    GatewayServerSpec that = (GatewayServerSpec) o;
    return Objects.equals(serverTemplateRef, that.serverTemplateRef)
        && Objects.equals(mtu, that.mtu)
        && Objects.equals(endpoint, that.endpoint)
        && Objects.equals(secretRef, that.secretRef);
  }

  @Override
  public int hashCode() {
    return Objects.hash(serverTemplateRef, mtu, endpoint, secretRef);
  }

  @Override
  public String toString() {
    return "GatewayServerSpec{"
        + "serverTemplateRef="
        + serverTemplateRef
        + ", mtu="
        + mtu
        + ", endpoint="
        + endpoint
        + ", secretRef="
        + secretRef
        + "}";
  }
}
