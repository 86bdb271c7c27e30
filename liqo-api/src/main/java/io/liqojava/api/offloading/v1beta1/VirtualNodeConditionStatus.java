package io.liqojava.api.offloading.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** State of a component of a {@link VirtualNode}. */
public enum VirtualNodeConditionStatus {
  /** The component does not exist. */
  NONE("None"),

  /** The component is being created. */
  CREATING("Creating"),

  /** The component is running. */
  RUNNING("Running"),

  /** The pods of the node are being evicted. */
  DRAINING("Draining"),

  /** The component is being deleted. */
  DELETING("Deleting");

  private final String value;

  VirtualNodeConditionStatus(String value) {
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
