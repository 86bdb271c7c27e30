package io.liqojava.core.authentication;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The X.509 work of the authentication package: ECDSA P-256 keys, certificate signing requests, the
 * authentication service's self-signed serving certificate, and PEM encoding. Keys come from a
 * private Bouncy Castle provider instance (never registered globally), so that private keys encode
 * as SEC 1 {@code EC PRIVATE KEY} with a named curve, which Go and fabric8 read.
 *
 * <p>Public for the other HTTPS endpoints of the agent (the webhooks) and for the installation
 * manifests: {@link #newKeyPair()}, {@link #selfSignedServer}, {@link #serverSslContext}, {@link
 * #toPem}, {@link #parseCertificates} and {@link #parsePrivateKey}.
 */
public final class Pki {

  /** The organization (Kubernetes group) of every identity issued to a peer. */
  static final String ORGANIZATION = "liqo.io";

  private static final Provider PROVIDER = new BouncyCastleProvider();
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String SIGNATURE = "SHA256withECDSA";
  private static final int MAX_PEM_LENGTH = 16 * 1024;

  private Pki() {}

  /** A new ECDSA P-256 key pair. */
  public static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", PROVIDER);
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot generate EC P-256 keys", e);
    }
  }

  /** A PEM certificate signing request for {@code CN=<commonName>, O=liqo.io}, signed by keys. */
  static String newCsrPem(String commonName, KeyPair keys) {
    X500Name subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.O, ORGANIZATION)
            .addRDN(BCStyle.CN, commonName)
            .build();
    PKCS10CertificationRequest csr =
        new JcaPKCS10CertificationRequestBuilder(subject, keys.getPublic()).build(signer(keys));
    return toPem(csr);
  }

  /**
   * Parses and checks a PEM certificate signing request: it must be one well-formed, self-signed
   * PKCS#10 request whose subject has the common name {@code expectedCommonName} and no
   * organization other than {@value #ORGANIZATION} (an organization is a Kubernetes group: a
   * request for {@code system:masters} would make its holder a cluster admin).
   *
   * @throws IllegalArgumentException saying what is wrong with the request
   */
  static PKCS10CertificationRequest parseCsr(String pem, String expectedCommonName) {
    if (pem == null || pem.isBlank()) {
      throw new IllegalArgumentException("csr is missing: send a PEM certificate signing request");
    }
    if (pem.length() > MAX_PEM_LENGTH) {
      throw new IllegalArgumentException("csr is too long: send one PEM certificate request");
    }
    Object parsed;
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      parsed = parser.readObject();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "csr is not a valid PEM certificate signing request: " + e.getMessage(), e);
    }
    if (!(parsed instanceof PKCS10CertificationRequest csr)) {
      throw new IllegalArgumentException(
          "csr is not a PEM certificate signing request (-----BEGIN CERTIFICATE REQUEST-----)");
    }
    try {
      if (!csr.isSignatureValid(
          new JcaContentVerifierProviderBuilder()
              .setProvider(PROVIDER)
              .build(csr.getSubjectPublicKeyInfo()))) {
        throw new IllegalArgumentException(
            "csr is not signed by the key it contains: generate it again with its own key");
      }
    } catch (OperatorCreationException | PKCSException | RuntimeException e) {
      if (e instanceof IllegalArgumentException iae) {
        throw iae;
      }
      throw new IllegalArgumentException(
          "csr cannot be verified (unsupported key or signature): use an EC or RSA key", e);
    }
    X500Name subject = csr.getSubject();
    List<String> commonNames = values(subject, BCStyle.CN);
    if (!commonNames.equals(List.of(expectedCommonName))) {
      throw new IllegalArgumentException(
          "csr has the common name "
              + (commonNames.isEmpty() ? "(none)" : String.join(",", commonNames))
              + ", but it must be the requesting cluster ID '"
              + expectedCommonName
              + "'");
    }
    for (String organization : values(subject, BCStyle.O)) {
      if (!organization.equals(ORGANIZATION)) {
        throw new IllegalArgumentException(
            "csr asks for the organization '"
                + organization
                + "': only '"
                + ORGANIZATION
                + "' is allowed");
      }
    }
    return csr;
  }

  /**
   * A self-signed TLS server certificate for {@code keys}, valid for {@code validity} and for the
   * given names: IP address literals become IP SANs, anything else DNS SANs.
   */
  public static X509Certificate selfSignedServer(
      String commonName, KeyPair keys, Collection<String> names, Duration validity) {
    List<GeneralName> sans = new ArrayList<>();
    for (String name : names) {
      if (isIpLiteral(name)) {
        sans.add(new GeneralName(GeneralName.iPAddress, stripBrackets(name)));
      } else {
        sans.add(new GeneralName(GeneralName.dNSName, name));
      }
    }
    X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
    Instant now = Instant.now();
    try {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
                  subject,
                  new BigInteger(127, RANDOM),
                  Date.from(now.minus(Duration.ofHours(1))),
                  Date.from(now.plus(validity)),
                  subject,
                  keys.getPublic())
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
              .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
              .addExtension(
                  Extension.extendedKeyUsage,
                  false,
                  new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
              .addExtension(
                  Extension.subjectAlternativeName,
                  false,
                  new GeneralNames(sans.toArray(GeneralName[]::new)));
      return new JcaX509CertificateConverter()
          .setProvider(PROVIDER)
          .getCertificate(builder.build(signer(keys)));
    } catch (IOException | CertificateException e) {
      throw new IllegalStateException("cannot create the serving certificate", e);
    }
  }

  /**
   * A TLS server context presenting {@code certificate} with the private key of {@code keys}.
   *
   * @throws IllegalStateException when this JVM cannot set up TLS with them
   */
  public static SSLContext serverSslContext(KeyPair keys, X509Certificate certificate) {
    return serverSslContext(keys.getPrivate(), List.of(certificate));
  }

  /**
   * A TLS server context presenting {@code chain} (the server's certificate first) with {@code
   * key}, the private key of its first certificate.
   *
   * @throws IllegalStateException when this JVM cannot set up TLS with them
   */
  public static SSLContext serverSslContext(PrivateKey key, List<X509Certificate> chain) {
    try {
      char[] password = new char[0];
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry("server", key, password, chain.toArray(Certificate[]::new));
      KeyManagerFactory keyManagers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyManagers.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keyManagers.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot set up TLS with the serving certificate", e);
    }
  }

  /**
   * Parses every certificate of a PEM bundle, in order.
   *
   * @throws IllegalArgumentException when the text holds no certificate or a malformed one
   */
  public static List<X509Certificate> parseCertificates(String pem) {
    Collection<? extends Certificate> certificates;
    try {
      certificates =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(
                  new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    } catch (CertificateException e) {
      throw new IllegalArgumentException("not PEM X.509 certificates: " + e.getMessage(), e);
    }
    List<X509Certificate> parsed = new ArrayList<>();
    for (Certificate certificate : certificates) {
      parsed.add((X509Certificate) certificate);
    }
    if (parsed.isEmpty()) {
      throw new IllegalArgumentException(
          "no certificate found: expected -----BEGIN CERTIFICATE-----");
    }
    return parsed;
  }

  /**
   * Parses a PEM private key: PKCS#8 ({@code PRIVATE KEY}), SEC 1 ({@code EC PRIVATE KEY}) or
   * PKCS#1 ({@code RSA PRIVATE KEY}), unencrypted.
   *
   * @throws IllegalArgumentException when the text is not such a key
   */
  public static PrivateKey parsePrivateKey(String pem) {
    Object parsed;
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      parsed = parser.readObject();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not a PEM private key: " + e.getMessage(), e);
    }
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(PROVIDER);
    try {
      if (parsed instanceof PEMKeyPair pair) {
        return converter.getPrivateKey(pair.getPrivateKeyInfo());
      }
      if (parsed instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("unsupported private key: " + e.getMessage(), e);
    }
    throw new IllegalArgumentException(
        "not an unencrypted PEM private key: expected -----BEGIN PRIVATE KEY-----, -----BEGIN EC"
            + " PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----");
  }

  /**
   * Whether {@code key} is the private key of {@code certificate}: signs with one and verifies with
   * the other.
   */
  static boolean isKeyOf(PrivateKey key, X509Certificate certificate) {
    String algorithm = key instanceof ECKey ? SIGNATURE : "SHA256withRSA";
    try {
      byte[] probe = "liqo-java".getBytes(StandardCharsets.US_ASCII);
      Signature signer = Signature.getInstance(algorithm, PROVIDER);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm, PROVIDER);
      verifier.initVerify(certificate.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Parses the first certificate of a PEM bundle. */
  static X509Certificate parseCertificate(String pem) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(
                  new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    } catch (CertificateException | ClassCastException e) {
      throw new IllegalArgumentException("not a PEM X.509 certificate: " + e.getMessage(), e);
    }
  }

  /** PEM encoding of a certificate, request or key (keys as SEC 1 {@code EC PRIVATE KEY}). */
  public static String toPem(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode " + object.getClass().getSimpleName(), e);
    }
    return out.toString();
  }

  /** Whether {@code host} is an IPv4 or IPv6 literal (possibly in brackets). */
  static boolean isIpLiteral(String host) {
    String bare = stripBrackets(host);
    if (bare.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      return true;
    }
    if (!bare.contains(":")) {
      return false;
    }
    try {
      InetAddress.getByName(bare); // a literal with ':' is never looked up in DNS
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String stripBrackets(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  private static List<String> values(X500Name name, ASN1ObjectIdentifier type) {
    List<String> values = new ArrayList<>();
    for (RDN rdn : name.getRDNs()) {
      for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
        if (value.getType().equals(type)) {
          values.add(
              value.getValue() instanceof ASN1String string
                  ? string.getString()
                  : IETFUtils.valueToString(value.getValue()));
        }
      }
    }
    return values;
  }

  private static ContentSigner signer(KeyPair keys) {
    try {
      return new JcaContentSignerBuilder(SIGNATURE).setProvider(PROVIDER).build(keys.getPrivate());
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("cannot sign with " + SIGNATURE, e);
    }
  }
}
