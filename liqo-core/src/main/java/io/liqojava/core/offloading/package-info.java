/**
 * Namespace offloading, consumer side: a {@code NamespaceOffloading} selects providers through the
 * labels of their virtual nodes; each selected provider gets the namespace in the {@code
 * NamespaceMap} of this cluster in its tenant namespace, creates the twin namespace and reports it;
 * {@link io.liqojava.core.offloading.OffloadedNamespaceListener}s then start reflection and pod
 * offloading for the pair.
 */
package io.liqojava.core.offloading;
