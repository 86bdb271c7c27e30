package io.liqojava.reflection.spi;

/**
 * Reflection of an object failed. The message, recorded as a {@code FailedReflection} event on the
 * local object, says what is wrong and how to fix it.
 *
 * <p>A {@linkplain #isRetryable() retryable} failure (the default) is retried with backoff; one
 * that is not, such as an object that cannot be reflected as it is, is retried only when the object
 * changes.
 */
public class ReflectionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  /** A retryable failure. */
  public ReflectionException(String message) {
    this(message, null, true);
  }

  /** A retryable failure caused by {@code cause}. */
  public ReflectionException(String message, Throwable cause) {
    this(message, cause, true);
  }

  /** A failure, retryable or not. */
  protected ReflectionException(String message, Throwable cause, boolean retryable) {
    super(message, cause);
    this.retryable = retryable;
  }

  /**
   * A failure that retrying cannot mend: the object is retried only once it changes.
   *
   * @param message what is wrong with the object and how to fix it
   */
  public static ReflectionException rejected(String message) {
    return new ReflectionException(message, null, false);
  }

  /** Whether retrying with the same source object may succeed. */
  public boolean isRetryable() {
    return retryable;
  }
}
