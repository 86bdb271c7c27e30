package io.liqojava.core.authentication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A certificate an HTTPS endpoint presents instead of generating a self-signed one at start: the
 * private key, the certificate chain (the server's own certificate first) and the CA bundle clients
 * trust it with.
 *
 * <p>{@link #read(Path)} reads the layout of a mounted {@code kubernetes.io/tls} Secret: {@value
 * #CERTIFICATE_FILE}, {@value #KEY_FILE} and, if present, {@value #CA_FILE} (as cert-manager writes
 * it).
 *
 * @param key the private key of the first certificate of {@code chain}
 * @param chain the certificates to present, the server's own first
 * @param caBundlePem the PEM certificates clients trust: {@value #CA_FILE} when given, else the
 *     chain itself (a self-signed certificate is its own CA)
 */
public record ServingCertificate(PrivateKey key, List<X509Certificate> chain, String caBundlePem) {

  /** The certificate chain file of a {@code kubernetes.io/tls} Secret. */
  public static final String CERTIFICATE_FILE = "tls.crt";

  /** The private key file of a {@code kubernetes.io/tls} Secret. */
  public static final String KEY_FILE = "tls.key";

  /** The optional CA file, as cert-manager writes it. */
  public static final String CA_FILE = "ca.crt";

  /** Checks the parts. */
  public ServingCertificate {
    Objects.requireNonNull(key, "key");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("the certificate chain is empty");
    }
    Objects.requireNonNull(caBundlePem, "caBundlePem");
  }

  /** The server's own certificate, the first of the chain. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /**
   * Reads {@value #CERTIFICATE_FILE}, {@value #KEY_FILE} and the optional {@value #CA_FILE} from
   * {@code directory}.
   *
   * @throws IllegalArgumentException naming the file that is missing, unreadable or malformed, or
   *     when the key does not belong to the certificate
   */
  public static ServingCertificate read(Path directory) {
    String certificatePem = readFile(directory, CERTIFICATE_FILE);
    String keyPem = readFile(directory, KEY_FILE);
    List<X509Certificate> chain;
    try {
      chain = Pki.parseCertificates(certificatePem);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          directory.resolve(CERTIFICATE_FILE) + " is not valid: " + e.getMessage(), e);
    }
    PrivateKey key;
    try {
      key = Pki.parsePrivateKey(keyPem);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          directory.resolve(KEY_FILE) + " is not valid: " + e.getMessage(), e);
    }
    String caBundle = certificatePem;
    Path ca = directory.resolve(CA_FILE);
    if (Files.isRegularFile(ca)) {
      caBundle = readFile(directory, CA_FILE);
      try {
        Pki.parseCertificates(caBundle);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(ca + " is not valid: " + e.getMessage(), e);
      }
    }
    ServingCertificate certificate = new ServingCertificate(key, chain, caBundle);
    certificate.checkKeyMatches(directory);
    return certificate;
  }

  private void checkKeyMatches(Path directory) {
    // Building a TLS context does not check that the key fits the certificate.
    if (!Pki.isKeyOf(key, certificate())) {
      throw new IllegalArgumentException(
          directory.resolve(KEY_FILE)
              + " is not the private key of the certificate in "
              + directory.resolve(CERTIFICATE_FILE)
              + ": mount a matching key and certificate (a kubernetes.io/tls Secret)");
    }
  }

  private static String readFile(Path directory, String name) {
    Path file = directory.resolve(name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "the certificate directory "
              + directory
              + " has no "
              + name
              + ": mount a kubernetes.io/tls Secret there (files "
              + CERTIFICATE_FILE
              + " and "
              + KEY_FILE
              + ")");
    }
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
