package io.liqojava.api.offloading.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** The aspects of a twin namespace reported for each remote cluster. */
public enum RemoteNamespaceConditionType {
  /** Whether the cluster selector selects the remote cluster. */
  OFFLOADING_REQUIRED("OffloadingRequired"),

  /** Whether the twin namespace exists and is usable. */
  READY("Ready");

  private final String value;

  RemoteNamespaceConditionType(String value) {
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
