package io.liqojava.api.consts;

/** Annotation keys users and Liqo set on Kubernetes objects. */
public final class Annotations {

  /**
   * On an object in an offloaded namespace: do not reflect it to remote clusters. Honoured by the
   * DenyList reflection policy, the default.
   */
  public static final String SKIP_REFLECTION = "liqo.io/skip-reflection";

  /**
   * On an object in an offloaded namespace: reflect it to remote clusters. Required by the
   * AllowList reflection policy.
   */
  public static final String ALLOW_REFLECTION = "liqo.io/allow-reflection";

  /**
   * Set to "true" on a Service to give its reflections in remote clusters the same node ports,
   * which are otherwise left for the remote cluster to allocate.
   */
  public static final String FORCE_REMOTE_NODE_PORT = "liqo.io/force-remote-node-port";

  /** On a reflected object: the name of the object it reflects, in the source namespace. */
  public static final String REFLECTION_SOURCE = "offloading.liqo.io/source-name";

  /**
   * On a reflected object: a digest of the content last written by reflection, so that an unchanged
   * source is not written again.
   */
  public static final String REFLECTION_DIGEST = "offloading.liqo.io/reflection-digest";

  /** On a tenant namespace: the name of the matching tenant namespace in the remote cluster. */
  public static final String REMOTE_TENANT_NAMESPACE = "liqo.io/remote-tenant-namespace";

  private Annotations() {}

  /** On a provider's twin namespace: the name of the consumer's namespace it is the twin of. */
  public static final String ORIGIN_NAMESPACE = "offloading.liqo.io/origin-namespace";
}
