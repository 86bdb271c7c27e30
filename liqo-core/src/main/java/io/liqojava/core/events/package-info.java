/** Kubernetes events recorded on users' objects, aggregated the way kubectl expects. */
package io.liqojava.core.events;
