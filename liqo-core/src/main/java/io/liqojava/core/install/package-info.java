/**
 * Installs liqo-java in a cluster and removes it: CRDs, the {@code liqo} namespace, the agent's
 * RBAC, the cluster identity and the authentication token, and tells what is installed — the
 * library behind {@code liqoctl install}, {@code uninstall}, {@code status} and {@code generate
 * peer-command}. {@link io.liqojava.core.install.InstallManifests} renders the same objects, with
 * the agent's Deployment, Services and webhook configurations, as manifests for {@code kubectl
 * apply} ({@code liqoctl install --only-output}).
 */
package io.liqojava.core.install;
