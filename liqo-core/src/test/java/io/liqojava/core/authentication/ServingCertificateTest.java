package io.liqojava.core.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a certificate from a mounted {@code kubernetes.io/tls} Secret. */
class ServingCertificateTest {

  @TempDir Path directory;

  @Test
  void readsTheCertificateAndKeyAndTrustsTheCertificateWithoutCaFile() throws Exception {
    KeyPair keys = Pki.newKeyPair();
    X509Certificate certificate = certificate(keys);
    Files.writeString(directory.resolve("tls.crt"), Pki.toPem(certificate));
    Files.writeString(directory.resolve("tls.key"), Pki.toPem(keys.getPrivate()));

    ServingCertificate read = ServingCertificate.read(directory);

    assertThat(Pki.toPem(keys.getPrivate())).startsWith("-----BEGIN EC PRIVATE KEY-----");
    assertThat(read.certificate()).isEqualTo(certificate);
    assertThat(read.chain()).containsExactly(certificate);
    assertThat(read.caBundlePem()).isEqualTo(Pki.toPem(certificate));
    assertThat(Pki.serverSslContext(read.key(), read.chain())).isNotNull();
  }

  @Test
  void acceptsPkcs8AndRsaKeysAndUsesCaCrtAsTheBundle() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair keys = rsa.generateKeyPair();
    X509Certificate certificate = certificate(Pki.newKeyPair());
    // A PKCS#8 RSA key that is not the certificate's is refused, naming both files.
    Files.writeString(directory.resolve("tls.crt"), Pki.toPem(certificate));
    Files.writeString(directory.resolve("tls.key"), pkcs8(keys));
    assertThatThrownBy(() -> ServingCertificate.read(directory))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tls.key is not the private key of the certificate in")
        .hasMessageContaining("tls.crt");

    KeyPair ec = Pki.newKeyPair();
    X509Certificate matching = certificate(ec);
    X509Certificate ca = certificate(Pki.newKeyPair());
    Files.writeString(directory.resolve("tls.crt"), Pki.toPem(matching) + Pki.toPem(ca));
    Files.writeString(directory.resolve("tls.key"), pkcs8(ec));
    Files.writeString(directory.resolve("ca.crt"), Pki.toPem(ca));

    ServingCertificate read = ServingCertificate.read(directory);

    assertThat(read.chain()).containsExactly(matching, ca);
    assertThat(read.caBundlePem()).isEqualTo(Pki.toPem(ca));
  }

  @Test
  void aMissingOrMalformedFileIsNamed() throws Exception {
    assertThatThrownBy(() -> ServingCertificate.read(directory))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the certificate directory " + directory + " has no tls.crt")
        .hasMessageContaining("kubernetes.io/tls Secret");

    Files.writeString(directory.resolve("tls.crt"), "not a certificate");
    Files.writeString(directory.resolve("tls.key"), "not a key");
    assertThatThrownBy(() -> ServingCertificate.read(directory))
        .hasMessageContaining(directory.resolve("tls.crt") + " is not valid");

    KeyPair keys = Pki.newKeyPair();
    Files.writeString(directory.resolve("tls.crt"), Pki.toPem(certificate(keys)));
    assertThatThrownBy(() -> ServingCertificate.read(directory))
        .hasMessageContaining(directory.resolve("tls.key") + " is not valid")
        .hasMessageContaining("BEGIN PRIVATE KEY");
  }

  private static X509Certificate certificate(KeyPair keys) {
    return Pki.selfSignedServer(
        "test", keys, List.of("localhost", "127.0.0.1"), Duration.ofDays(1));
  }

  private static String pkcs8(KeyPair keys) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }
}
