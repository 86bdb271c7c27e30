package io.liqojava.api.offloading.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** Phase of the pod created from a {@link ShadowPod}, mirroring the pod phase. */
public enum ShadowPodPhase {
  /** The pod is accepted but not all its containers are running. */
  PENDING("Pending"),

  /** The pod is bound to a node and its containers are running. */
  RUNNING("Running"),

  /** All containers terminated successfully. */
  SUCCEEDED("Succeeded"),

  /** All containers terminated, at least one in failure. */
  FAILED("Failed"),

  /** The state of the pod could not be obtained. */
  UNKNOWN("Unknown");

  private final String value;

  ShadowPodPhase(String value) {
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
