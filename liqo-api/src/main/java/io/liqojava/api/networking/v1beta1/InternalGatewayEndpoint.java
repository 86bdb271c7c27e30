package io.liqojava.api.networking.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Where a gateway runs inside its own cluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class InternalGatewayEndpoint {

  @JsonProperty("ip")
  @JsonPropertyDescription("IP address of the gateway inside the cluster.")
  private String ip;

  @JsonProperty("node")
  @JsonPropertyDescription("Name of the node the gateway runs on.")
  private String node;

  public String getIp() {
    return ip;
  }

  public void setIp(String ip) {
    this.ip = ip;
  }

  public String getNode() {
    return node;
  }

  public void setNode(String node) {
    this.node = node;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof InternalGatewayEndpoint)) {
      return false;
    }
    InternalGatewayEndpoint that = (InternalGatewayEndpoint) o;
    return Objects.equals(ip, that.ip) && Objects.equals(node, that.node);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ip, node);
  }

  @Override
  public String toString() {
    return "InternalGatewayEndpoint{" + "ip=" + ip + ", node=" + node + "}";
  }
}
