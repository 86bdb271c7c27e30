package io.liqojava.samples.liqoctl;

/** A failure liqoctl reports to its user as it is: the message says what is wrong and the fix. */
final class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  CliException(String message) {
    super(message);
  }

  CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
