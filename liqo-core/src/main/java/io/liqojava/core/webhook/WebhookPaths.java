package io.liqojava.core.webhook;

/** The HTTPS paths of the webhooks a {@link WebhookServer} serves. */
public final class WebhookPaths {

  /** Pod mutation for namespace offloading. */
  public static final String POD = "/mutate-pod";

  /** DaemonSet mutation that keeps wildcard-tolerating DaemonSets off virtual nodes. */
  public static final String DAEMONSET = "/mutate-daemonset";

  /** NamespaceOffloading validation. */
  public static final String NAMESPACE_OFFLOADING = "/validate-namespaceoffloading";

  private WebhookPaths() {}
}
