/**
 * Namespace offloading on the provider side: {@link
 * io.liqojava.core.remotenamespace.RemoteNamespaces} creates the twin namespaces consumers ask for
 * in their NamespaceMaps (with the RoleBinding that gives the consumer its rights there), reports
 * them in the NamespaceMap's status, and deletes them when they are no longer asked for. {@link
 * io.liqojava.core.remotenamespace.TwinNamespaces} describes a twin namespace and decides whether
 * an existing namespace is one.
 */
package io.liqojava.core.remotenamespace;
