package io.liqojava.api.offloading.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** State of a remote namespace listed in a {@link NamespaceMap}. */
public enum MappingPhase {
  /** The remote namespace exists. */
  ACCEPTED("Accepted"),

  /** The remote namespace cannot be created at the moment. */
  CREATION_LOOP_BACK_OFF("CreationLoopBackOff"),

  /** The remote namespace is being deleted. */
  TERMINATING("Terminating");

  private final String value;

  MappingPhase(String value) {
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
