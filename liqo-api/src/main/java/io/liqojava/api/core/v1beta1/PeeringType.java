package io.liqojava.api.core.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the control planes of two peered clusters reach each other. */
public enum PeeringType {
  /** Control-plane traffic flows outside the network fabric. */
  OUT_OF_BAND("OutOfBand"),

  /** Control-plane traffic flows through the network fabric (the VPN tunnel). */
  IN_BAND("InBand");

  private final String value;

  PeeringType(String value) {
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
