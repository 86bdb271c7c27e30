package io.liqojava.api.core.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** Role of a remote cluster with respect to the local one. */
public enum ForeignClusterRole {
  /** The remote cluster provides resources to the local one. */
  PROVIDER("Provider"),

  /** The remote cluster consumes resources of the local one. */
  CONSUMER("Consumer"),

  /** The clusters consume each other's resources. */
  CONSUMER_AND_PROVIDER("ConsumerAndProvider"),

  /** No peering is established yet. */
  UNKNOWN("Unknown");

  private final String value;

  ForeignClusterRole(String value) {
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
