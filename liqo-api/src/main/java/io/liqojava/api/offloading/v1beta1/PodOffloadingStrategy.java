package io.liqojava.api.offloading.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where the pods of an offloaded namespace may be scheduled. */
public enum PodOffloadingStrategy {
  /** On local and on virtual nodes. */
  LOCAL_AND_REMOTE("LocalAndRemote"),

  /** On local nodes only; other resources are still reflected. */
  LOCAL("Local"),

  /** On virtual nodes only. */
  REMOTE("Remote");

  private final String value;

  PodOffloadingStrategy(String value) {
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
