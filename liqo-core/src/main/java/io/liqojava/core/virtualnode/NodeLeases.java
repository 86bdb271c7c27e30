package io.liqojava.core.virtualnode;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.consts.Labels;
import io.liqojava.core.runtime.ServerSideApply;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The node Leases of virtual nodes, in {@value #NAMESPACE}: the heartbeat the node lifecycle
 * controller watches, as a kubelet renews it. Each Lease is owned by its Node, so that it goes with
 * it, and labelled {@code liqo.io/type=virtual-node}, so that only virtual nodes' leases are ever
 * deleted here.
 */
final class NodeLeases {

  /** The namespace of node leases. */
  static final String NAMESPACE = "kube-node-lease";

  private final KubernetesClient client;
  private final int durationSeconds;

  NodeLeases(KubernetesClient client, int durationSeconds) {
    this.client = client;
    this.durationSeconds = durationSeconds;
  }

  /** Renews the lease of {@code node} now, creating it if needed. */
  void renew(Node node) {
    String name = node.getMetadata().getName();
    Lease lease =
        new LeaseBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(NAMESPACE)
            .addToLabels(Labels.TYPE, Labels.TYPE_VIRTUAL_NODE)
            .addNewOwnerReference()
            .withApiVersion("v1")
            .withKind("Node")
            .withName(name)
            .withUid(node.getMetadata().getUid())
            .endOwnerReference()
            .endMetadata()
            .withNewSpec()
            .withHolderIdentity(name)
            .withLeaseDurationSeconds(durationSeconds)
            .withRenewTime(ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))
            .endSpec()
            .build();
    ServerSideApply.apply(client, lease);
  }

  /** Deletes the lease named {@code name} if it is a virtual node's. */
  void delete(String name) {
    Lease lease = client.leases().inNamespace(NAMESPACE).withName(name).get();
    if (lease != null
        && lease.getMetadata().getLabels() != null
        && Labels.TYPE_VIRTUAL_NODE.equals(lease.getMetadata().getLabels().get(Labels.TYPE))) {
      client.resource(lease).delete();
    }
  }
}
