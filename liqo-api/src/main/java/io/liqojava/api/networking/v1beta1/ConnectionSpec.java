package io.liqojava.api.networking.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Objects;

/** Desired state of a {@link Connection}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConnectionSpec {

  @Required
  @JsonProperty("type")
  @JsonPropertyDescription("Which side of the tunnel this cluster is.")
  private ConnectionType type;

  @Required
  @JsonProperty("gatewayRef")
  @JsonPropertyDescription("The gateway (server or client) terminating the tunnel.")
  private ObjectReference gatewayRef;

  public ConnectionType getType() {
    return type;
  }

  public void setType(ConnectionType type) {
    this.type = type;
  }

  public ObjectReference getGatewayRef() {
    return gatewayRef;
  }

  public void setGatewayRef(ObjectReference gatewayRef) {
    this.gatewayRef = gatewayRef;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ConnectionSpec)) {
      return false;
    }
    ConnectionSpec that = (ConnectionSpec) o;
    return Objects.equals(type, that.type) && Objects.equals(gatewayRef, that.gatewayRef);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, gatewayRef);
  }

  @Override
  public String toString() {
    return "ConnectionSpec{" + "type=" + type + ", gatewayRef=" + gatewayRef + "}";
  }
}
