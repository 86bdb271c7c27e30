package io.liqojava.api.consts;

/** The finalizers Liqo controllers add to resources whose deletion needs cleaning up. */
public final class Finalizers {

  /**
   * On a {@code ForeignCluster}: the peering with the remote cluster (virtual node, identity,
   * resources, tenant namespace) has to be taken down before the ForeignCluster goes.
   */
  public static final String FOREIGN_CLUSTER = "foreigncluster.liqo.io/finalizer";

  /**
   * On a {@code NamespaceOffloading}: the twin namespaces have to be removed from the remote
   * clusters before the NamespaceOffloading goes.
   */
  public static final String NAMESPACE_OFFLOADING =
      "namespaceoffloading-controller.liqo.io/finalizer";

  /**
   * On a {@code NamespaceMap}: the remote namespaces it lists have to be deleted before the
   * NamespaceMap goes.
   */
  public static final String NAMESPACE_MAP = "namespacemap-controller.liqo.io/finalizer";

  /**
   * On a {@code VirtualNode}: the virtual node has to be drained and its Node deleted before the
   * VirtualNode goes.
   */
  public static final String VIRTUAL_NODE = "virtualnode-controller.liqo.io/finalizer";

  /** On a {@code Network}: its CIDR has to be released before the Network goes. */
  public static final String NETWORK = "network.ipam.liqo.io/finalizer";

  private Finalizers() {}
}
