package io.liqojava.api.offloading.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** The components of a {@link VirtualNode} that report a condition. */
public enum VirtualNodeConditionType {
  /** The virtual kubelet serving the node. */
  VIRTUAL_KUBELET("VirtualKubelet"),

  /** The Node object. */
  NODE("Node");

  private final String value;

  VirtualNodeConditionType(String value) {
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
