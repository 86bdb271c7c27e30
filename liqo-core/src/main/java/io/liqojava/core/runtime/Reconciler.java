package io.liqojava.core.runtime;

/**
 * Brings the world in line with the desired state of one object, read fresh from an informer cache
 * or the API server: level-triggered, idempotent, safe to run again at any point.
 *
 * <p>A {@link Controller} never runs two reconciles of the same key at once. A reconcile that
 * throws is retried with exponential backoff; one that returns resets the backoff.
 */
@FunctionalInterface
public interface Reconciler {

  /**
   * Reconciles the object with this key, which may no longer exist.
   *
   * @throws Exception to have the key retried with backoff
   */
  Result reconcile(ObjectKey key) throws Exception;
}
