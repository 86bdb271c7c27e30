package io.liqojava.api.core.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** Desired state of one direction of a peering. */
public enum PeeringEnabled {
  /** Use the default of the way the remote cluster was added. */
  AUTO("Auto"),

  /** Establish the peering. */
  YES("Yes"),

  /** Do not establish the peering, and tear it down if present. */
  NO("No");

  private final String value;

  PeeringEnabled(String value) {
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
