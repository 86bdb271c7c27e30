/**
 * Installs liqo-java in a cluster and removes it: CRDs, the {@code liqo} namespace, the agent's
 * RBAC, the cluster identity and the authentication token, and tells what is installed — the
 * library behind {@code liqoctl install}, {@code uninstall}, {@code status} and {@code generate
 * peer-command}.
 */
package io.liqojava.core.install;
