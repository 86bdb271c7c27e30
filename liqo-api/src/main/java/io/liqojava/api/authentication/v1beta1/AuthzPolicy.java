package io.liqojava.api.authentication.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** Policy a provider uses to authorize the ResourceSlices of a consumer. */
public enum AuthzPolicy {
  /** Accept ResourceSlices only after a key exchange with the consumer. */
  KEYS_EXCHANGE("KeysExchange"),

  /** Accept ResourceSlices even without a key exchange. */
  TOLERATE_NO_HANDSHAKE("TolerateNoHandshake");

  private final String value;

  AuthzPolicy(String value) {
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
