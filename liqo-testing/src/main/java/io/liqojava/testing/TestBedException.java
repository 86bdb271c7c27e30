package io.liqojava.testing;

/**
 * A local cluster could not be provisioned, started or stopped; the message says why and what to
 * do.
 */
public class TestBedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** With a message for the user. */
  public TestBedException(String message) {
    super(message);
  }

  /** With a message for the user and the underlying cause. */
  public TestBedException(String message, Throwable cause) {
    super(message, cause);
  }
}
