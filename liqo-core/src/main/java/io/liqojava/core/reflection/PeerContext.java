package io.liqojava.core.reflection;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.net.spi.AddressRemapper;
import io.liqojava.reflection.spi.EventRecorder;
import io.liqojava.reflection.spi.NamespacePair;
import io.liqojava.reflection.spi.ReflectionPolicy;
import io.liqojava.reflection.spi.ReflectorContext;
import java.util.Set;

/** What every reflection towards one peer shares: clients, identities, events, remapper. */
record PeerContext(
    KubernetesClient localClient,
    KubernetesClient remoteClient,
    ClusterIdentity localCluster,
    ClusterIdentity remoteCluster,
    EventRecorder events,
    AddressRemapper remapper,
    Set<String> virtualNodeNames) {

  /** The context a provider creates the reflector of {@code pair} with. */
  ReflectorContext reflectorContext(NamespacePair pair, ReflectionPolicy policy) {
    return ReflectorContext.builder()
        .localClient(localClient)
        .remoteClient(remoteClient)
        .namespaces(pair)
        .localCluster(localCluster)
        .remoteCluster(remoteCluster)
        .events(events)
        .policy(policy)
        .remapper(remapper)
        .virtualNodeNames(virtualNodeNames)
        .build();
  }
}
