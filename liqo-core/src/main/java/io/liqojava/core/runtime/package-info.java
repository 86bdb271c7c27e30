/**
 * The controller runtime liqo-java's controllers are built on: informer event sources feed a
 * de-duplicating, rate-limited work queue drained by a fixed pool of workers running a
 * level-triggered {@link io.liqojava.core.runtime.Reconciler}, never two at once for one key.
 */
package io.liqojava.core.runtime;
