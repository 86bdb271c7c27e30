package io.liqojava.core.authentication;

import java.security.KeyPair;
import java.util.Arrays;
import java.util.Objects;

/**
 * A key pair and its certificate signing request ({@code CN=<cluster ID>, O=liqo.io}), waiting for
 * a provider to sign the request. Only {@link RemoteIdentity} sees the private key: it writes it,
 * with the signed certificate, into the identity Secret; it is never printed.
 */
public final class PendingIdentity {

  private final String clusterId;
  private final KeyPair keys;
  private final String csrPem;

  private PendingIdentity(String clusterId, KeyPair keys, String csrPem) {
    this.clusterId = clusterId;
    this.keys = keys;
    this.csrPem = csrPem;
  }

  /** A new ECDSA P-256 key pair and its CSR for {@code clusterId}. */
  public static PendingIdentity generate(String clusterId) {
    Objects.requireNonNull(clusterId, "clusterId");
    KeyPair keys = Pki.newKeyPair();
    return new PendingIdentity(clusterId, keys, Pki.newCsrPem(clusterId, keys));
  }

  /** The cluster ID the CSR is for. */
  public String clusterId() {
    return clusterId;
  }

  /** The PEM certificate signing request, to send to the provider. */
  public String csrPem() {
    return csrPem;
  }

  /** The private key as PEM (SEC 1 {@code EC PRIVATE KEY}). */
  String privateKeyPem() {
    return Pki.toPem(keys.getPrivate());
  }

  /** Whether {@code certificatePem} certifies this pending identity's public key. */
  boolean matches(String certificatePem) {
    return Arrays.equals(
        Pki.parseCertificate(certificatePem).getPublicKey().getEncoded(),
        keys.getPublic().getEncoded());
  }

  /** The cluster ID only. */
  @Override
  public String toString() {
    return "PendingIdentity{clusterID=" + clusterId + "}";
  }
}
