package io.liqojava.core.podoffloading;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URL;

/**
 * Where offloaded pods reach the API server of their origin cluster.
 *
 * @param host the host, as {@code KUBERNETES_SERVICE_HOST}
 * @param port the port, as {@code KUBERNETES_SERVICE_PORT}
 */
record OriginApiServer(String host, int port) {

  /** The configured address, completed with the host and port of the local client's master URL. */
  static OriginApiServer of(PodOffloadingConfig config, KubernetesClient localClient) {
    URL master = localClient.getMasterUrl();
    int defaultPort = master.getPort() > 0 ? master.getPort() : master.getDefaultPort();
    return new OriginApiServer(
        config.originApiServerHost().orElse(master.getHost()),
        config.originApiServerPort().orElse(defaultPort));
  }
}
