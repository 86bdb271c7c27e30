package io.liqojava.core.agent;

import io.liqojava.core.podoffloading.PodOffloadingConfig;
import io.liqojava.core.reflection.ReflectionConfig;
import io.liqojava.core.webhook.WebhookSettings;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How a {@link LiqoAgent} runs: where it serves the authentication service and what it advertises
 * to peers.
 *
 * <pre>{@code
 * AgentConfig config = AgentConfig.builder().authPort(8443).resourceSharingPercentage(30).build();
 * }</pre>
 */
@Value.Immutable
public abstract class AgentConfig {

  AgentConfig() {}

  /** A builder starting from the defaults. */
  public static ImmutableAgentConfig.Builder builder() {
    return ImmutableAgentConfig.builder();
  }

  /** All defaults. */
  public static AgentConfig defaults() {
    return builder().build();
  }

  /** The address the authentication service binds. Default {@code 127.0.0.1}. */
  @Value.Default
  public String authBindAddress() {
    return "127.0.0.1";
  }

  /** The port of the authentication service; 0 picks a free one. Default 0. */
  @Value.Default
  public int authPort() {
    return 0;
  }

  /**
   * The URL consumers reach the authentication service at, when it differs from {@code
   * https://<bind address>:<port>} (behind a Service or a load balancer).
   */
  public abstract Optional<String> authAdvertisedUrl();

  /**
   * The Service in front of the authentication service, when the agent runs in its cluster: the
   * agent then advertises that Service's address ({@link AuthServiceEndpoint#urlOf}), waiting at
   * start until it has one (a load balancer being provisioned). Exclusive with {@link
   * #authAdvertisedUrl()}.
   */
  public abstract Optional<AuthServiceEndpoint.ServiceName> authService();

  /** The API server URL advertised to consumers; by default the one the agent's client uses. */
  public abstract Optional<String> apiServerUrl();

  /**
   * The share of this cluster's allocatable resources granted to each consumer that asks for no
   * explicit amount, in percent. Default 50.
   */
  @Value.Default
  public int resourceSharingPercentage() {
    return 50;
  }

  /**
   * How resources are reflected to each provider: workers, policies and providers per resource.
   * Default {@link ReflectionConfig#defaults()}.
   */
  @Value.Default
  public ReflectionConfig reflection() {
    return ReflectionConfig.defaults();
  }

  /**
   * How pods bound to virtual nodes are offloaded. Default {@link PodOffloadingConfig#defaults()}.
   */
  @Value.Default
  public PodOffloadingConfig podOffloading() {
    return PodOffloadingConfig.defaults();
  }

  /**
   * Whether the agent serves and registers its admission webhooks (pod and DaemonSet mutation,
   * NamespaceOffloading validation). Default true; without them pods are not steered to virtual
   * nodes and NamespaceOffloadings are not validated.
   */
  @Value.Default
  public boolean webhooksEnabled() {
    return true;
  }

  /** Where the webhooks listen and how the API server reaches them. Default: a free local port. */
  @Value.Default
  public WebhookSettings webhooks() {
    return WebhookSettings.defaults();
  }

  @Value.Check
  void check() {
    if (authPort() < 0 || authPort() > 65535) {
      throw new IllegalArgumentException("authPort must be between 0 and 65535, got " + authPort());
    }
    if (authAdvertisedUrl().isPresent() && authService().isPresent()) {
      throw new IllegalArgumentException(
          "give either the authentication service's advertised URL ("
              + authAdvertisedUrl().get()
              + ") or the Service to take it from ("
              + authService().get()
              + "), not both");
    }
    if (resourceSharingPercentage() < 1 || resourceSharingPercentage() > 100) {
      throw new IllegalArgumentException(
          "resourceSharingPercentage must be between 1 and 100, got "
              + resourceSharingPercentage());
    }
  }
}
