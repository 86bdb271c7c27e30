import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the Java trust store ({@code lib/security/cacerts}) of the agent image's runtime from the
 * CA certificates of Debian's ca-certificates package: one entry per certificate, aliased {@code
 * debian:<file>} as Debian's ca-certificates-java does. It is a PKCS12 store without encryption
 * or MAC, as the JDK's own cacerts since JDK 18, so that the same certificates always give the same
 * bytes (a JKS store records when each entry was added); it loads with or without a password.
 *
 * <p>Run as a source file by build-base.sh: {@code java TrustStore.java <cacerts> <dir of .crt>}.
 */
public final class TrustStore {

  private TrustStore() {}

  public static void main(String[] args) throws IOException, GeneralSecurityException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: TrustStore <cacerts to write> <dir of .crt files>");
    }
    Path output = Path.of(args[0]);
    List<Path> certificates;
    try (Stream<Path> files = Files.walk(Path.of(args[1]))) {
      certificates =
          files
              .filter(file -> file.getFileName().toString().endsWith(".crt"))
              .sorted()
              .collect(Collectors.toList());
    }
    if (certificates.isEmpty()) {
      throw new IllegalStateException("no .crt file in " + args[1]);
    }
    System.setProperty("keystore.pkcs12.certProtectionAlgorithm", "NONE");
    System.setProperty("keystore.pkcs12.macAlgorithm", "NONE");
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    for (Path file : certificates) {
      try (InputStream in = Files.newInputStream(file)) {
        X509Certificate certificate = (X509Certificate) factory.generateCertificate(in);
        String name = file.getFileName().toString();
        String alias = "debian:" + name.substring(0, name.length() - ".crt".length()) + ".pem";
        store.setCertificateEntry(alias.toLowerCase(java.util.Locale.ROOT), certificate);
      }
    }
    Files.deleteIfExists(output); // jlink's copy of the JDK's own store
    try (OutputStream out = Files.newOutputStream(output)) {
      store.store(out, "changeit".toCharArray());
    }
    System.err.println(
        "[image-base] wrote " + certificates.size() + " CA certificates to " + output.getFileName());
  }
}
