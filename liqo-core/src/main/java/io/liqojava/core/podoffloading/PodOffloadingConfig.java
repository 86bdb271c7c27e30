package io.liqojava.core.podoffloading;

import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How pods are offloaded: workers per provider, the lifetime of the service account tokens given to
 * offloaded pods, and the address at which offloaded pods reach the origin API server.
 *
 * <pre>{@code
 * PodOffloadingConfig config =
 *     PodOffloadingConfig.builder().originApiServerHost("203.0.113.7").originApiServerPort(6443).build();
 * }</pre>
 */
@Value.Immutable
public abstract class PodOffloadingConfig {

  /** The shortest token lifetime the TokenRequest API accepts. */
  public static final Duration MIN_TOKEN_LIFETIME = Duration.ofMinutes(10);

  PodOffloadingConfig() {}

  /** All defaults. */
  public static PodOffloadingConfig defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static ImmutablePodOffloadingConfig.Builder builder() {
    return ImmutablePodOffloadingConfig.builder();
  }

  /** How many pods of one provider are reconciled in parallel. Default 10. */
  @Value.Default
  public int workers() {
    return 10;
  }

  /**
   * The lifetime requested for the token of each offloaded pod; the token is renewed at 80 % of it.
   * Default 1 hour, at least 10 minutes.
   */
  @Value.Default
  public Duration tokenLifetime() {
    return Duration.ofHours(1);
  }

  /**
   * The host offloaded pods reach the origin API server at ({@code KUBERNETES_SERVICE_HOST});
   * default the host of the local client's master URL.
   */
  public abstract Optional<String> originApiServerHost();

  /**
   * The port offloaded pods reach the origin API server at ({@code KUBERNETES_SERVICE_PORT});
   * default the port of the local client's master URL.
   */
  public abstract Optional<Integer> originApiServerPort();

  @Value.Check
  void check() {
    if (workers() < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers());
    }
    if (tokenLifetime().compareTo(MIN_TOKEN_LIFETIME) < 0) {
      throw new IllegalArgumentException(
          "tokenLifetime must be at least "
              + MIN_TOKEN_LIFETIME.toMinutes()
              + " minutes (the TokenRequest API's minimum), got "
              + tokenLifetime());
    }
    originApiServerHost()
        .filter(String::isBlank)
        .ifPresent(
            host -> {
              throw new IllegalArgumentException(
                  "originApiServerHost must not be blank; leave it unset to use the local client's"
                      + " master URL");
            });
    originApiServerPort()
        .filter(port -> port < 1 || port > 65535)
        .ifPresent(
            port -> {
              throw new IllegalArgumentException(
                  "originApiServerPort must be between 1 and 65535, got " + port);
            });
  }
}
