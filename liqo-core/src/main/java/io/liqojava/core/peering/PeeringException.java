package io.liqojava.core.peering;

/** A peering could not be established or torn down; the message says what failed and what to do. */
public class PeeringException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** With a message for the user. */
  public PeeringException(String message) {
    super(message);
  }

  /** With a message for the user and the underlying cause. */
  public PeeringException(String message, Throwable cause) {
    super(message, cause);
  }
}
