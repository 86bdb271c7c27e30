package io.liqojava.core.virtualnode;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.identity.ClusterIdentity;

/**
 * A connected provider: who it is, the local virtual node that stands for it, and a client of it
 * with the identity it granted (owned by the virtual kubelet: do not close it).
 *
 * @param provider the provider's identity (its labels are not filled in)
 * @param virtualNodeName the name of the local virtual Node of the provider
 * @param client a client of the provider
 */
public record ProviderLink(
    ClusterIdentity provider, String virtualNodeName, KubernetesClient client) {}
