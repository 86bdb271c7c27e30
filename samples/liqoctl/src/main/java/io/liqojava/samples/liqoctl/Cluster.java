package io.liqojava.samples.liqoctl;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A cluster liqoctl talks to, with where its access came from for messages.
 *
 * @param client a client to it, closed with this
 * @param context the kubeconfig context used; empty for in-cluster access
 * @param source where the access came from, such as {@code kubeconfig liqo_kubeconf_rome}
 */
record Cluster(KubernetesClient client, String context, String source) implements AutoCloseable {

  /** The API server URL. */
  String server() {
    return client.getMasterUrl().toString().replaceAll("/$", "");
  }

  /** Where the cluster is, for messages: {@code context rome, https://127.0.0.1:35129}. */
  String describe() {
    return (context.isEmpty() ? "" : "context " + context + ", ") + server();
  }

  @Override
  public void close() {
    client.close();
  }
}
