package io.liqojava.api.core.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** The aspects of a peering reported in {@link ForeignClusterStatus#getPeeringConditions()}. */
public enum PeeringConditionType {
  /** The local cluster offloads to the remote one. */
  OUTGOING_PEERING("OutgoingPeering"),

  /** The remote cluster offloads to the local one. */
  INCOMING_PEERING("IncomingPeering"),

  /** The network interconnection between the clusters. */
  NETWORK_STATUS("NetworkStatus"),

  /** The identity of the local cluster in the remote one. */
  AUTHENTICATION_STATUS("AuthenticationStatus"),

  /** The reachability of the remote API server. */
  API_SERVER_STATUS("APIServerStatus");

  private final String value;

  PeeringConditionType(String value) {
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
