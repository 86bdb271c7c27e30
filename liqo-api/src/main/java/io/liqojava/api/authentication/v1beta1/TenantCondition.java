package io.liqojava.api.authentication.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a consumer cluster may use the resources of the provider. */
public enum TenantCondition {
  /** The consumer may consume resources and negotiate new ones. */
  ACTIVE("Active"),

  /** Existing resources are kept, but no new ones can be negotiated. */
  CORDONED("Cordoned"),

  /** The consumer may neither consume resources nor negotiate new ones. */
  DRAINED("Drained");

  private final String value;

  TenantCondition(String value) {
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
