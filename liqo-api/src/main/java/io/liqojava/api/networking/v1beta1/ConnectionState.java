package io.liqojava.api.networking.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** State of the tunnel described by a {@link Connection}. */
public enum ConnectionState {
  /** The tunnel is up. */
  CONNECTED("Connected"),

  /** The tunnel is coming up. */
  CONNECTING("Connecting"),

  /** The tunnel failed. */
  ERROR("Error");

  private final String value;

  ConnectionState(String value) {
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
