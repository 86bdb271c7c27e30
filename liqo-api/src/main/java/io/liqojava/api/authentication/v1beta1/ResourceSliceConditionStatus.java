package io.liqojava.api.authentication.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** Outcome of a step of the negotiation of a {@link ResourceSlice}. */
public enum ResourceSliceConditionStatus {
  /** The provider accepted the request. */
  ACCEPTED("Accepted"),

  /** The provider refused the request. */
  DENIED("Denied");

  private final String value;

  ResourceSliceConditionStatus(String value) {
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
