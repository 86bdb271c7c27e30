package io.liqojava.testing.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for one local cluster: it signs the API server's serving
 * certificate and the client certificates of the admin and the control-plane components, and is the
 * cluster's CSR signer. Every cluster gets its own, so credentials never cross clusters.
 *
 * <p>Keys are ECDSA P-256: fast to generate and accepted by every Kubernetes component.
 */
public final class CertificateAuthority {

  private static final Duration VALIDITY = Duration.ofDays(365);
  private static final Duration CLOCK_SKEW = Duration.ofHours(1);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Provider PROVIDER = new BouncyCastleProvider();

  private final KeyPair keyPair;
  private final X509Certificate certificate;

  private CertificateAuthority(KeyPair keyPair, X509Certificate certificate) {
    this.keyPair = keyPair;
    this.certificate = certificate;
  }

  /** Creates a new self-signed CA with the given common name. */
  public static CertificateAuthority create(String commonName) {
    KeyPair keyPair = newKeyPair();
    X500Name subject = name(commonName, List.of());
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          builder(subject, subject, keyPair)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
              .addExtension(
                  Extension.keyUsage,
                  true,
                  new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
      return new CertificateAuthority(keyPair, sign(builder, keyPair));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot create a certificate authority", e);
    }
  }

  /** Generates a new ECDSA P-256 key pair. */
  public static KeyPair newKeyPair() {
    try {
      // Bouncy Castle's keys encode their curve in the SEC 1 structure, which Go requires.
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", PROVIDER);
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot generate EC P-256 keys", e);
    }
  }

  /**
   * Issues a TLS server certificate valid for the given DNS names and IP addresses.
   *
   * @return the issued certificate and its key
   */
  public IssuedCertificate issueServer(
      String commonName, List<String> dnsNames, List<String> ipAddresses) {
    List<GeneralName> names = new ArrayList<>();
    dnsNames.forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
    for (String ip : ipAddresses) {
      names.add(new GeneralName(GeneralName.iPAddress, literalAddress(ip)));
    }
    return issue(
        name(commonName, List.of()),
        KeyPurposeId.id_kp_serverAuth,
        new GeneralNames(names.toArray(GeneralName[]::new)));
  }

  /**
   * Issues a TLS client certificate; Kubernetes reads the common name as the user and each
   * organization as a group.
   */
  public IssuedCertificate issueClient(String user, List<String> groups) {
    return issue(name(user, groups), KeyPurposeId.id_kp_clientAuth, null);
  }

  /** The CA certificate. */
  public X509Certificate certificate() {
    return certificate;
  }

  /** Writes the CA certificate and key as PEM files. */
  public void write(Path certFile, Path keyFile) {
    writePem(certFile, certificate);
    writePem(keyFile, keyPair.getPrivate());
  }

  private IssuedCertificate issue(X500Name subject, KeyPurposeId purpose, GeneralNames sans) {
    KeyPair subjectKeys = newKeyPair();
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          builder(
                  X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
                  subject,
                  subjectKeys)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(
                  Extension.keyUsage,
                  true,
                  new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
              .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
              .addExtension(
                  Extension.authorityKeyIdentifier,
                  false,
                  extensions.createAuthorityKeyIdentifier(certificate));
      if (sans != null) {
        builder.addExtension(Extension.subjectAlternativeName, false, sans);
      }
      return new IssuedCertificate(sign(builder, keyPair), subjectKeys);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot issue a certificate for " + subject, e);
    }
  }

  private static X509v3CertificateBuilder builder(
      X500Name issuer, X500Name subject, KeyPair subjectKeys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        new BigInteger(127, RANDOM),
        Date.from(now.minus(CLOCK_SKEW)),
        Date.from(now.plus(VALIDITY)),
        subject,
        subjectKeys.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair signer)
      throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  private static X500Name name(String commonName, List<String> organizations) {
    X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
    organizations.forEach(o -> builder.addRDN(BCStyle.O, o));
    builder.addRDN(BCStyle.CN, commonName);
    return builder.build();
  }

  private static String literalAddress(String ip) {
    try {
      return InetAddress.getByName(ip).getHostAddress();
    } catch (IOException e) {
      throw new IllegalArgumentException("not an IP address literal: " + ip, e);
    }
  }

  /** Writes one object (certificate or key) as a PEM file readable only by its owner. */
  static void writePem(Path file, Object object) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, toPem(object));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Encodes a certificate, a private key or a public key as PEM text. Private keys use the SEC 1
   * form ({@code EC PRIVATE KEY}), which both Go components and the fabric8 client read.
   */
  public static String toPem(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
