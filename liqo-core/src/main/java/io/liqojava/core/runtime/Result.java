package io.liqojava.core.runtime;

import java.time.Duration;
import java.util.Optional;

/**
 * What a {@link Reconciler} asks of its controller once it has reconciled a key without error.
 *
 * @param requeueAfter reconcile the key again after this delay even if nothing changes, as for a
 *     periodic check; empty to wait for the next change
 */
public record Result(Optional<Duration> requeueAfter) {

  private static final Result DONE = new Result(Optional.empty());

  /** The key is reconciled; the controller waits for the next change. */
  public static Result done() {
    return DONE;
  }

  /** Reconcile the key again after {@code delay}. */
  public static Result requeueAfter(Duration delay) {
    return new Result(Optional.of(delay));
  }
}
