package io.liqojava.api.consts;

/** Label keys and values Liqo sets on, and selects, Kubernetes objects. */
public final class Labels {

  /** Marks the type of a Liqo-managed node; see {@link #TYPE_VIRTUAL_NODE}. */
  public static final String TYPE = "liqo.io/type";

  /**
   * Value of {@link #TYPE} on virtual nodes: select them with {@code liqo.io/type=virtual-node}.
   */
  public static final String TYPE_VIRTUAL_NODE = "virtual-node";

  /**
   * The ID of the remote cluster an object relates to: set on virtual nodes, tenant namespaces,
   * offloaded namespaces and the peering resources in tenant namespaces.
   */
  public static final String REMOTE_CLUSTER_ID = "liqo.io/remote-cluster-id";

  /** Marks a tenant namespace, which hosts the resources of one peering; the value is "true". */
  public static final String TENANT_NAMESPACE = "liqo.io/tenant-namespace";

  /**
   * Set to "true" on a namespace to have the Liqo webhook mutate its pods for offloading (and
   * reject them until offloading is configured).
   */
  public static final String SCHEDULING_ENABLED = "liqo.io/scheduling-enabled";

  /** Set to "true" on a namespace to offload it with the default {@code NamespaceOffloading}. */
  public static final String OFFLOADING_ENABLED = "liqo.io/enabled";

  /** On a reflected object: the ID of the cluster the object was reflected from. */
  public static final String REFLECTION_ORIGIN = "offloading.liqo.io/origin";

  /** On a reflected object: the ID of the cluster the object was reflected to. */
  public static final String REFLECTION_DESTINATION = "offloading.liqo.io/destination";

  /** On a provider-side object: the Liqo resource that manages it; see the MANAGED_BY values. */
  public static final String MANAGED_BY = "liqo.io/managed-by";

  /** Value of {@link #MANAGED_BY} on pods created from a {@code ShadowPod}. */
  public static final String MANAGED_BY_SHADOW_POD = "shadowpod";

  /** Value of {@link #MANAGED_BY} on EndpointSlices created from a {@code ShadowEndpointSlice}. */
  public static final String MANAGED_BY_SHADOW_ENDPOINT_SLICE = "shadowendpointslice";

  /** Value of {@link #MANAGED_BY} on objects written by resource reflection. */
  public static final String MANAGED_BY_REFLECTION = "reflection";

  /**
   * Value of {@link #MANAGED_BY} on the twin namespaces a provider creates for a consumer's {@code
   * NamespaceMap} (which also carry {@link #REMOTE_CLUSTER_ID}: the consumer's ID).
   */
  public static final String MANAGED_BY_NAMESPACE_MAP = "namespacemap";

  /**
   * On a ClusterRole set to "true": its rules are aggregated into the role a consumer holds in its
   * twin namespaces of this cluster, for example the rights a reflector plugin needs on its kind.
   */
  public static final String AGGREGATE_TO_REMOTE_NAMESPACE =
      "liqo.io/aggregate-to-remote-namespace";

  /** The value of the boolean labels of this class. */
  public static final String TRUE = "true";

  private Labels() {}
}
