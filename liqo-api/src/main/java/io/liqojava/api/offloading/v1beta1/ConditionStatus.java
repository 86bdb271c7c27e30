package io.liqojava.api.offloading.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** Status of a Kubernetes-style condition. */
public enum ConditionStatus {
  /** The condition holds. */
  TRUE("True"),

  /** The condition does not hold. */
  FALSE("False"),

  /** It is not known whether the condition holds. */
  UNKNOWN("Unknown");

  private final String value;

  ConditionStatus(String value) {
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
