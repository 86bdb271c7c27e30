package io.liqojava.api.core.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** Status of a {@link PeeringCondition}. */
public enum PeeringConditionStatus {
  /** Not established, and not requested. */
  NONE("None"),

  /** Requested, waiting for the remote cluster or for the local controllers. */
  PENDING("Pending"),

  /** Established and working. */
  ESTABLISHED("Established"),

  /** Being torn down. */
  DISCONNECTING("Disconnecting"),

  /** Refused by the remote cluster (e.g. authentication rejected). */
  DENIED("Denied"),

  /** Failed; the reason and message of the condition say why. */
  ERROR("Error");

  private final String value;

  PeeringConditionStatus(String value) {
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
