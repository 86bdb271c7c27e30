package io.liqojava.api.networking.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import java.util.Objects;

/** How a {@link GatewayServer} is exposed to its remote clients. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GatewayEndpoint {

  @Min(1)
  @Max(65535)
  @JsonProperty("port")
  @JsonPropertyDescription("Port of the endpoint.")
  private Integer port;

  @Default("ClusterIP")
  @JsonProperty("serviceType")
  @JsonPropertyDescription("Type of the Service exposing the gateway.")
  private ServiceType serviceType;

  @Min(1)
  @Max(65535)
  @JsonProperty("nodePort")
  @JsonPropertyDescription("Static node port, used when the Service is of type NodePort.")
  private Integer nodePort;

  @JsonProperty("loadBalancerIP")
  @JsonPropertyDescription("Requested address, used when the Service is of type LoadBalancer.")
  private String loadBalancerIP;

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public ServiceType getServiceType() {
    return serviceType;
  }

  public void setServiceType(ServiceType serviceType) {
    this.serviceType = serviceType;
  }

  public Integer getNodePort() {
    return nodePort;
  }

  public void setNodePort(Integer nodePort) {
    this.nodePort = nodePort;
  }

  public String getLoadBalancerIP() {
    return loadBalancerIP;
  }

  public void setLoadBalancerIP(String loadBalancerIP) {
    this.loadBalancerIP = loadBalancerIP;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof GatewayEndpoint)) {
      return false;
    }
    GatewayEndpoint that = (GatewayEndpoint) o;
    return Objects.equals(port, that.port)
        && Objects.equals(serviceType, that.serviceType)
        && Objects.equals(nodePort, that.nodePort)
        && Objects.equals(loadBalancerIP, that.loadBalancerIP);
  }

  @Override
  public int hashCode() {
    return Objects.hash(port, serviceType, nodePort, loadBalancerIP);
  }

  @Override
  public String toString() {
    return "GatewayEndpoint{"
        + "port="
        + port
        + ", serviceType="
        + serviceType
        + ", nodePort="
        + nodePort
        + ", loadBalancerIP="
        + loadBalancerIP
        + "}";
  }
}
