package io.liqojava.api.networking.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which side of a tunnel a {@link Connection} describes. */
public enum ConnectionType {
  /** The cluster runs the gateway server. */
  SERVER("Server"),

  /** The cluster runs the gateway client. */
  CLIENT("Client");

  private final String value;

  ConnectionType(String value) {
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
