package io.liqojava.core.webhook;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How the {@link Webhooks} listen and how the API server reaches them.
 *
 * <pre>{@code
 * WebhookSettings local = WebhookSettings.builder().build(); // https://127.0.0.1:<free port>
 * WebhookSettings inCluster =
 *     WebhookSettings.builder()
 *         .bindAddress("0.0.0.0")
 *         .port(9443)
 *         .service(new WebhookEndpoint.Service("liqo", "liqo-webhook", 443))
 *         .certificateDirectory(Path.of("/etc/liqo/webhook-tls"))
 *         .build();
 * }</pre>
 */
@Value.Immutable
public abstract class WebhookSettings {

  WebhookSettings() {}

  /** A builder; every setting has a default. */
  public static ImmutableWebhookSettings.Builder builder() {
    return ImmutableWebhookSettings.builder();
  }

  /** All defaults: {@code 127.0.0.1}, a free port, registered by URL. */
  public static WebhookSettings defaults() {
    return builder().build();
  }

  /** The address to listen on. Default {@code 127.0.0.1}; {@code 0.0.0.0} for all. */
  @Value.Default
  public String bindAddress() {
    return "127.0.0.1";
  }

  /** The port to listen on; 0 (the default) picks a free one. */
  @Value.Default
  public int port() {
    return 0;
  }

  /**
   * The host in the URL the webhooks are registered with when no {@link #service()} is given. When
   * absent, the bind address, or the loopback address when binding to all addresses.
   */
  public abstract Optional<String> advertisedHost();

  /**
   * The Service the API server calls the webhooks through (the in-cluster case). When absent, the
   * webhooks are registered with the URL {@code https://<advertised host>:<port>}.
   */
  public abstract Optional<WebhookEndpoint.Service> service();

  /**
   * More names for the generated serving certificate: IP literals become IP SANs, others DNS SANs.
   * Not used with a {@link #certificateDirectory()}.
   */
  public abstract List<String> subjectAlternativeNames();

  /**
   * A directory with the certificate to serve, as a mounted {@code kubernetes.io/tls} Secret lays
   * it out: {@code tls.crt} (the chain, the server's certificate first), {@code tls.key} and
   * optionally {@code ca.crt}, the CA bundle the webhooks are registered with (else {@code
   * tls.crt}). Read once at start. When absent, a self-signed certificate is generated at every
   * start and the configurations are registered again with it.
   */
  public abstract Optional<Path> certificateDirectory();

  /** The threads that serve admission requests; requests beyond them queue. Default 4. */
  @Value.Default
  public int workerThreads() {
    return 4;
  }

  /** How long {@link Webhooks#start} waits for its NamespaceOffloading cache. Default 30 s. */
  @Value.Default
  public Duration cacheSyncTimeout() {
    return Duration.ofSeconds(30);
  }

  @Value.Check
  void check() {
    if (port() < 0 || port() > 65535) {
      throw new IllegalArgumentException(
          "webhook port " + port() + " is not valid: use 0 (a free port) to 65535");
    }
    if (workerThreads() < 1) {
      throw new IllegalArgumentException(
          "webhook workerThreads is " + workerThreads() + ": use at least 1");
    }
    if (cacheSyncTimeout().isNegative() || cacheSyncTimeout().isZero()) {
      throw new IllegalArgumentException("webhook cacheSyncTimeout must be positive");
    }
    if (bindAddress().isBlank()) {
      throw new IllegalArgumentException(
          "webhook bindAddress is empty: use an IP address of this host, or 0.0.0.0");
    }
  }
}
