/**
 * Authentication between peered clusters: how a consumer obtains a least-privilege identity on a
 * provider.
 *
 * <p><b>Out of band</b>, the provider's agent runs an {@link
 * io.liqojava.core.authentication.AuthenticationServer} (HTTPS, self-signed). A consumer's {@link
 * io.liqojava.core.authentication.RemoteIdentity#authenticate} generates a key and a CSR ({@code
 * CN=<consumer ID>, O=liqo.io}) and sends them with the provider's auth token (see {@link
 * io.liqojava.core.authentication.AuthTokens}) through an {@link
 * io.liqojava.core.authentication.AuthenticationClient}. The server checks the token in constant
 * time, rate limits failures per client address, and hands the request to the {@link
 * io.liqojava.core.authentication.IdentityIssuer}, which has the CSR signed through the provider's
 * CertificateSigningRequest API and binds the consumer to a Role limited to its tenant namespace.
 * The consumer stores the result as a kubeconfig in the Secret {@code liqo-identity} of its tenant
 * namespace for the provider.
 *
 * <p><b>Kubeconfig-driven</b> ({@code liqoctl peer --remote-kubeconfig}), a process holding both
 * clusters' credentials calls {@link io.liqojava.core.authentication.RemoteIdentity#establish} with
 * the provider's issuer: same outcome, no HTTP, no token.
 *
 * <p>Failures are {@link io.liqojava.core.authentication.AuthenticationException}s whose reason
 * tells what happened and whose message says what to do. No token, private key or certificate is
 * ever logged.
 */
package io.liqojava.core.authentication;
