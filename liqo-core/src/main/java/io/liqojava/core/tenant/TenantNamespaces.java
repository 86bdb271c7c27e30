package io.liqojava.core.tenant;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.consts.Labels;
import io.liqojava.core.identity.LiqoNamespace;
import io.liqojava.core.runtime.ServerSideApply;
import java.util.Optional;

/**
 * The tenant namespace of a peer: {@code liqo-tenant-<remote cluster ID>}, one per remote cluster
 * and shared by both peering directions. It holds what concerns that peer only: its identity, its
 * ResourceSlices, its VirtualNodes, and nothing another peer may see.
 */
public final class TenantNamespaces {

  /** The prefix of every tenant namespace. */
  public static final String PREFIX = "liqo-tenant-";

  private TenantNamespaces() {}

  /** The tenant namespace of the cluster with ID {@code remoteClusterId}. */
  public static String nameFor(String remoteClusterId) {
    return PREFIX + remoteClusterId;
  }

  /** Creates, or labels, the tenant namespace of {@code remoteClusterId}; returns its name. */
  public static String ensure(KubernetesClient client, String remoteClusterId) {
    String name = nameFor(remoteClusterId);
    ServerSideApply.apply(
        client,
        new NamespaceBuilder()
            .withNewMetadata()
            .withName(name)
            .addToLabels(Labels.REMOTE_CLUSTER_ID, remoteClusterId)
            .addToLabels(Labels.TENANT_NAMESPACE, Labels.TRUE)
            .addToLabels(LiqoNamespace.MANAGED_BY_LABEL, LiqoNamespace.MANAGED_BY_VALUE)
            .endMetadata()
            .build());
    return name;
  }

  /** The tenant namespace of {@code remoteClusterId}, if it exists. */
  public static Optional<Namespace> find(KubernetesClient client, String remoteClusterId) {
    return Optional.ofNullable(client.namespaces().withName(nameFor(remoteClusterId)).get());
  }
}
