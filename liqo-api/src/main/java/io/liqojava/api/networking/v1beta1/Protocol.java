package io.liqojava.api.networking.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** Transport protocol of a gateway endpoint. */
public enum Protocol {
  /** TCP. */
  TCP("TCP"),

  /** UDP. */
  UDP("UDP");

  private final String value;

  Protocol(String value) {
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
