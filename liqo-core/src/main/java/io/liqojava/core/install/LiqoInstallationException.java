package io.liqojava.core.install;

/**
 * Liqo cannot be installed in, removed from, or read from a cluster; the message says what is wrong
 * and what to do.
 */
public class LiqoInstallationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** With a message for the user. */
  public LiqoInstallationException(String message) {
    super(message);
  }

  /** With a message for the user and the underlying cause. */
  public LiqoInstallationException(String message, Throwable cause) {
    super(message, cause);
  }
}
