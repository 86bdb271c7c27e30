package io.liqojava.testing.internal;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;

/** A certificate together with the key pair it certifies. */
public record IssuedCertificate(X509Certificate certificate, KeyPair keyPair) {

  /** The certificate as PEM text. */
  public String certificatePem() {
    return CertificateAuthority.toPem(certificate);
  }

  /** The private key as PEM text. */
  public String privateKeyPem() {
    return CertificateAuthority.toPem(keyPair.getPrivate());
  }

  /** Writes the certificate and the private key as PEM files. */
  public void write(Path certFile, Path keyFile) {
    CertificateAuthority.writePem(certFile, certificate);
    CertificateAuthority.writePem(keyFile, keyPair.getPrivate());
  }
}
