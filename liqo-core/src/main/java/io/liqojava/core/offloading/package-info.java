/**
 * Namespace offloading, consumer side: a {@code NamespaceOffloading} named {@code offloading}
 * selects providers through the labels of their virtual nodes ({@link
 * io.liqojava.core.offloading.ClusterSelectors}); each selected provider gets the namespace, under
 * the name {@link io.liqojava.core.offloading.RemoteNamespaceNames} gives it, in the {@code
 * NamespaceMap} of this cluster in its tenant namespace, creates the twin namespace and reports it;
 * {@link io.liqojava.core.offloading.OffloadedNamespaceListener}s then start reflection and pod
 * offloading for the pair. {@link io.liqojava.core.offloading.NamespaceOffloadings} runs it all and
 * reports in the NamespaceOffloading's status, with Liqo's vocabulary.
 */
package io.liqojava.core.offloading;
