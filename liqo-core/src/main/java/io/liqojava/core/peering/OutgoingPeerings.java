package io.liqojava.core.peering;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.core.v1beta1.PeeringConditionType;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.runtime.Controller;

/**
 * Hosts the consumer side of peering in an agent: an informer on ForeignClusters and the controller
 * that establishes and tears down outgoing peerings. It reacts to changes of a ForeignCluster's
 * spec and metadata, and of its IncomingPeering (to forget clusters that no longer peer either
 * way), not to the status it writes itself.
 */
public final class OutgoingPeerings implements AutoCloseable {

  private final SharedIndexInformer<ForeignCluster> foreignClusters;
  private final ProviderCredentials credentials;
  private final Controller controller;

  /**
   * @param client the agent's client to its own cluster
   * @param local the identity of this cluster
   * @param localAuthUrl the URL of this cluster's authentication service, given to providers so
   *     that they can peer back
   * @param workers how many peerings are reconciled in parallel
   */
  public OutgoingPeerings(
      KubernetesClient client, ClusterIdentity local, String localAuthUrl, int workers) {
    this.foreignClusters = client.resources(ForeignCluster.class).runnableInformer(0);
    this.credentials = new ProviderCredentials(client, local, localAuthUrl);
    this.controller =
        Controller.builder(
                "outgoing-peering",
                new OutgoingPeeringReconciler(client, foreignClusters, local, credentials))
            .watchWhen(
                foreignClusters,
                (before, after) ->
                    Controller.changedBeyondStatus(before, after)
                        || ForeignClusterConditions.statusOf(
                                before, PeeringConditionType.INCOMING_PEERING)
                            != ForeignClusterConditions.statusOf(
                                after, PeeringConditionType.INCOMING_PEERING))
            .workers(workers)
            .build();
  }

  /** Starts the informer and the controller. */
  public void start() {
    foreignClusters.start();
    controller.start();
  }

  @Override
  public void close() {
    controller.close();
    foreignClusters.close();
    credentials.close();
  }
}
