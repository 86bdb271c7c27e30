package io.liqojava.api.offloading.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** Type of the addresses in an EndpointSlice. */
public enum EndpointAddressType {
  /** IPv4 addresses. */
  IPV4("IPv4"),

  /** IPv6 addresses. */
  IPV6("IPv6"),

  /** Fully qualified domain names. */
  FQDN("FQDN");

  private final String value;

  EndpointAddressType(String value) {
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
