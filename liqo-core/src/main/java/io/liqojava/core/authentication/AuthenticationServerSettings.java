package io.liqojava.core.authentication;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** How an {@link AuthenticationServer} listens, and how it limits failed attempts. */
@Value.Immutable
public abstract class AuthenticationServerSettings {

  AuthenticationServerSettings() {}

  /** A builder; every setting has a default. */
  public static ImmutableAuthenticationServerSettings.Builder builder() {
    return ImmutableAuthenticationServerSettings.builder();
  }

  /** The defaults: all addresses, a free port. */
  public static AuthenticationServerSettings defaults() {
    return builder().build();
  }

  /**
   * The address to listen on: an IP literal or host name; {@code 0.0.0.0} (the default) for all.
   */
  @Value.Default
  public String bindAddress() {
    return "0.0.0.0";
  }

  /**
   * The port to listen on; 0 (the default) picks a free one, see {@link
   * AuthenticationServer#url()}.
   */
  @Value.Default
  public int port() {
    return 0;
  }

  /**
   * The host in {@link AuthenticationServer#url()}: how peers reach this server. When absent, the
   * bind address, or the loopback address when binding to all addresses.
   */
  public abstract Optional<String> advertisedHost();

  /**
   * More names for the serving certificate, besides the bind address, the advertised host, {@code
   * localhost} and {@code 127.0.0.1}: IP literals become IP SANs, other values DNS SANs.
   */
  public abstract List<String> subjectAlternativeNames();

  /** The threads that serve requests; requests beyond them queue. Default 4. */
  @Value.Default
  public int workerThreads() {
    return 4;
  }

  /** Failed authentications allowed per client address within {@link #failureWindow()}. */
  @Value.Default
  public int maxFailedAttempts() {
    return 5;
  }

  /** The window over which failed authentications are counted. Default one minute. */
  @Value.Default
  public Duration failureWindow() {
    return Duration.ofMinutes(1);
  }

  @Value.Check
  void check() {
    if (port() < 0 || port() > 65535) {
      throw new IllegalArgumentException("port " + port() + " is not valid: use 0 to 65535");
    }
    if (workerThreads() < 1) {
      throw new IllegalArgumentException("workerThreads must be at least 1");
    }
    if (maxFailedAttempts() < 1) {
      throw new IllegalArgumentException("maxFailedAttempts must be at least 1");
    }
    if (failureWindow().isNegative() || failureWindow().isZero()) {
      throw new IllegalArgumentException("failureWindow must be positive");
    }
  }
}
