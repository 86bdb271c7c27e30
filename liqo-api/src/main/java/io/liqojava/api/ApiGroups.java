package io.liqojava.api;

/** The API groups and the version of the Liqo custom resources. */
public final class ApiGroups {

  /** Group of {@code ForeignCluster}. */
  public static final String CORE = "core.liqo.io";

  /** Group of {@code Tenant}, {@code Identity} and {@code ResourceSlice}. */
  public static final String AUTHENTICATION = "authentication.liqo.io";

  /**
   * Group of {@code VirtualNode}, {@code NamespaceOffloading}, {@code NamespaceMap}, {@code
   * ShadowPod} and {@code ShadowEndpointSlice}.
   */
  public static final String OFFLOADING = "offloading.liqo.io";

  /**
   * Group of {@code Configuration}, {@code GatewayServer}, {@code GatewayClient}, {@code PublicKey}
   * and {@code Connection}.
   */
  public static final String NETWORKING = "networking.liqo.io";

  /** Group of {@code Network} and {@code IP}. */
  public static final String IPAM = "ipam.liqo.io";

  /** The version served for every group. */
  public static final String VERSION = "v1beta1";

  /** The category every Liqo resource belongs to: {@code kubectl get liqo} lists them all. */
  public static final String CATEGORY = "liqo";

  private ApiGroups() {}
}
