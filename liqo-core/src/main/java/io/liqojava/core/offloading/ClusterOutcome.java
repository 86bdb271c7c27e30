package io.liqojava.core.offloading;

import io.liqojava.api.offloading.v1beta1.ConditionStatus;

/**
 * Where the offloading of one namespace stands in one provider, as its conditions report it.
 *
 * @param clusterId the provider's cluster ID
 * @param selected whether the cluster selector selects it
 * @param ready whether its twin namespace exists (meaningful for selected clusters only)
 * @param failed whether the provider reported that it cannot create the twin namespace
 * @param reason the reason of the Ready condition
 * @param message the message of the Ready condition
 */
record ClusterOutcome(
    String clusterId,
    boolean selected,
    boolean ready,
    boolean failed,
    String reason,
    String message) {

  static final String CLUSTER_SELECTED = "ClusterSelected";
  static final String CLUSTER_SELECTED_MESSAGE =
      "The remote cluster has been selected through the ClusterSelector field";
  static final String CLUSTER_NOT_SELECTED = "ClusterNotSelected";
  static final String CLUSTER_NOT_SELECTED_MESSAGE =
      "You have not selected this cluster through ClusterSelector fields";
  static final String REMOTE_NAMESPACE_CREATED = "RemoteNamespaceCreated";
  static final String REMOTE_NAMESPACE_CREATED_MESSAGE =
      "Namespace correctly offloaded on this cluster";
  static final String CREATION_LOOP_BACK_OFF = "CreationLoopBackOff";
  static final String CREATION_PENDING = "RemoteNamespaceCreationPending";
  static final String PROVIDER_NOT_CONNECTED = "ProviderNotConnected";
  static final String REMOTE_NAMESPACE_TERMINATING = "RemoteNamespaceTerminating";
  static final String NAMESPACE_MAP_NOT_UPDATED = "NamespaceMapNotUpdated";

  static ClusterOutcome notSelected(String clusterId) {
    return new ClusterOutcome(clusterId, false, false, false, null, null);
  }

  static ClusterOutcome ready(String clusterId) {
    return new ClusterOutcome(
        clusterId, true, true, false, REMOTE_NAMESPACE_CREATED, REMOTE_NAMESPACE_CREATED_MESSAGE);
  }

  static ClusterOutcome failed(String clusterId, String message) {
    return new ClusterOutcome(clusterId, true, false, true, CREATION_LOOP_BACK_OFF, message);
  }

  static ClusterOutcome notReady(String clusterId, String reason, String message) {
    return new ClusterOutcome(clusterId, true, false, false, reason, message);
  }

  ConditionStatus readyStatus() {
    return ready ? ConditionStatus.TRUE : ConditionStatus.FALSE;
  }
}
