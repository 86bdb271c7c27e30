package io.liqojava.api.core.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether Liqo handles the network interconnection with a remote cluster. */
public enum NetworkingEnabled {
  /** Liqo establishes the network fabric with the remote cluster. */
  YES("Yes"),

  /** The network interconnection is handled externally. */
  NO("No");

  private final String value;

  NetworkingEnabled(String value) {
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
