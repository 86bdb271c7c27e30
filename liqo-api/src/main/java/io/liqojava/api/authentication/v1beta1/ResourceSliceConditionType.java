package io.liqojava.api.authentication.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** The steps of the negotiation of a {@link ResourceSlice}. */
public enum ResourceSliceConditionType {
  /** The provider issued an identity for the slice. */
  AUTHENTICATION("Authentication"),

  /** The provider granted the resources of the slice. */
  RESOURCES("Resources");

  private final String value;

  ResourceSliceConditionType(String value) {
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
