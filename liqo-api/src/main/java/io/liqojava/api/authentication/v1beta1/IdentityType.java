package io.liqojava.api.authentication.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an {@link Identity} is used for. */
public enum IdentityType {
  /** Replicating peering resources to the provider cluster. */
  CONTROL_PLANE("ControlPlane"),

  /** Operating the virtual node bound to a ResourceSlice. */
  RESOURCE_SLICE("ResourceSlice");

  private final String value;

  IdentityType(String value) {
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
