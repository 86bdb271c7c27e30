package io.liqojava.api.networking.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** Type of the Service exposing a {@link GatewayServer}. */
public enum ServiceType {
  /** A cluster-internal virtual IP. */
  CLUSTER_IP("ClusterIP"),

  /** A port on every node. */
  NODE_PORT("NodePort"),

  /** An external load balancer. */
  LOAD_BALANCER("LoadBalancer"),

  /** A DNS name. */
  EXTERNAL_NAME("ExternalName");

  private final String value;

  ServiceType(String value) {
    this.value = value;
  }

  /** Returns the value as written in the resource, e.g. in YAML. */
  @JsonValue
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
