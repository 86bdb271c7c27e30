package io.liqojava.api.offloading.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** Overall state of the offloading of a namespace. */
public enum OffloadingPhase {
  /** The twin namespaces exist in all selected clusters. */
  READY("Ready"),

  /** No remote cluster matches the cluster selector. */
  NO_CLUSTER_SELECTED("NoClusterSelected"),

  /** The twin namespaces are being created. */
  IN_PROGRESS("InProgress"),

  /** The twin namespace could not be created in some clusters. */
  SOME_FAILED("SomeFailed"),

  /** The twin namespace could not be created in any cluster. */
  ALL_FAILED("AllFailed"),

  /** The twin namespaces are being deleted. */
  TERMINATING("Terminating");

  private final String value;

  OffloadingPhase(String value) {
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
