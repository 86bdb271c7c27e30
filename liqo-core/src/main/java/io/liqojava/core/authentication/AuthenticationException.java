package io.liqojava.core.authentication;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Authentication with a remote cluster failed. The {@link #reason()} says which way, for code that
 * reacts to it; the message says it for people: what went wrong, where, and what to do.
 */
public final class AuthenticationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why authentication failed. */
  public enum Reason {
    /** The provider did not accept the auth token. */
    INVALID_TOKEN,
    /** The authentication service could not be reached, or did not answer in time. */
    UNREACHABLE,
    /** Too many failed attempts from this address: wait for {@link #retryAfter()}. */
    RATE_LIMITED,
    /** The provider already knows another cluster by the consumer's name. */
    NAME_CONFLICT,
    /** The auth URL belongs to another cluster than the one expected. */
    WRONG_CLUSTER,
    /** The provider refused the request (malformed, or it failed to issue the identity). */
    REJECTED,
    /** What answered is not a Liqo authentication service, or TLS failed. */
    PROTOCOL_ERROR
  }

  private final Reason reason;
  private final Duration retryAfter;

  /** A failure for {@code reason}, described by {@code message}. */
  public AuthenticationException(Reason reason, String message) {
    this(reason, message, null, null);
  }

  /** A failure for {@code reason}, described by {@code message}, caused by {@code cause}. */
  public AuthenticationException(Reason reason, String message, Throwable cause) {
    this(reason, message, null, cause);
  }

  /** A {@link Reason#RATE_LIMITED} failure that may be retried after {@code retryAfter}. */
  public static AuthenticationException rateLimited(String message, Duration retryAfter) {
    return new AuthenticationException(Reason.RATE_LIMITED, message, retryAfter, null);
  }

  private AuthenticationException(
      Reason reason, String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.retryAfter = retryAfter;
  }

  /** Why authentication failed. */
  public Reason reason() {
    return reason;
  }

  /** When rate limited: how long to wait before trying again. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
