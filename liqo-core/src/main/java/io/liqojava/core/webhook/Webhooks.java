package io.liqojava.core.webhook;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Objects;

/**
 * The agent's webhooks as one component: a cache of the NamespaceOffloadings named {@code
 * offloading}, the {@link WebhookServer} with the pod, DaemonSet and NamespaceOffloading handlers,
 * and their {@link WebhookRegistration}.
 *
 * <pre>{@code
 * try (Webhooks webhooks = Webhooks.start(client, WebhookSettings.defaults())) {
 *   ... // the API server now calls https://127.0.0.1:<port>/mutate-pod and the others
 * }
 * Webhooks.unregister(client); // on uninstall
 * }</pre>
 *
 * <p>{@link #close()} stops serving but leaves the configurations: a restarted agent registers its
 * new certificate over them, and meanwhile pods of labelled namespaces and NamespaceOffloadings are
 * refused rather than admitted unchecked (DaemonSets are admitted, their webhook ignores failures).
 */
public final class Webhooks implements AutoCloseable {

  private final NamespaceOffloadingCache offloadings;
  private final WebhookServer server;

  private Webhooks(NamespaceOffloadingCache offloadings, WebhookServer server) {
    this.offloadings = offloadings;
    this.server = server;
  }

  /**
   * Fills the NamespaceOffloading cache, starts the server and registers the webhooks.
   *
   * @param client the agent's client: it lists and watches NamespaceOffloadings and writes the
   *     webhook configurations
   * @param settings where to listen and how the API server reaches the server
   * @return the running webhooks
   * @throws IllegalStateException when the cache does not fill in time
   * @throws java.io.UncheckedIOException when the server cannot listen
   * @throws KubernetesClientException when the configurations cannot be written
   */
  public static Webhooks start(KubernetesClient client, WebhookSettings settings) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(settings, "settings");
    NamespaceOffloadingCache offloadings = new NamespaceOffloadingCache(client);
    WebhookServer server = null;
    try {
      offloadings.start(settings.cacheSyncTimeout());
      server =
          new WebhookServer(
                  settings,
                  Map.of(
                      WebhookPaths.POD,
                      new PodOffloadingMutator(offloadings::find),
                      WebhookPaths.DAEMONSET,
                      new DaemonSetMutator(),
                      WebhookPaths.NAMESPACE_OFFLOADING,
                      new NamespaceOffloadingValidator()))
              .start();
      WebhookEndpoint endpoint =
          settings.service().isPresent()
              ? settings.service().get()
              : new WebhookEndpoint.Url(server.url());
      new WebhookRegistration(client).apply(server.caBundlePem(), endpoint);
      return new Webhooks(offloadings, server);
    } catch (RuntimeException e) {
      if (server != null) {
        server.close();
      }
      offloadings.close();
      throw e;
    }
  }

  /**
   * Deletes the webhook configurations {@value
   * io.liqojava.core.install.AgentRbac#WEBHOOK_CONFIGURATION} (uninstall); the API server stops
   * calling the webhooks.
   *
   * @return whether there was anything to delete
   */
  public static boolean unregister(KubernetesClient client) {
    return new WebhookRegistration(client).remove();
  }

  /** The URL the server listens at. */
  public URI url() {
    return server.url();
  }

  /** The certificate the server presents. */
  public X509Certificate certificate() {
    return server.certificate();
  }

  /** The PEM CA bundle the configurations were registered with. */
  public String caBundlePem() {
    return server.caBundlePem();
  }

  /** Stops the server and the cache; the configurations stay. Idempotent. */
  @Override
  public void close() {
    server.close();
    offloadings.close();
  }
}
