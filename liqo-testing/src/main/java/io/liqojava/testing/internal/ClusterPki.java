package io.liqojava.testing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The PKI of one local cluster, written under {@code <cluster dir>/pki}: its CA (also the CSR
 * signer), the API server's serving certificate, the service-account signing key, and client
 * certificates for the admin and the control-plane components, each with the identity that
 * Kubernetes' bootstrap RBAC expects.
 */
public final class ClusterPki {

  /** The in-cluster address of the {@code kubernetes} Service for the default service range. */
  private static final List<String> API_SERVER_DNS =
      List.of(
          "localhost",
          "kubernetes",
          "kubernetes.default",
          "kubernetes.default.svc",
          "kubernetes.default.svc.cluster.local");

  private final Path dir;
  private final CertificateAuthority ca;
  private final IssuedCertificate admin;
  private final IssuedCertificate controllerManager;
  private final IssuedCertificate scheduler;

  private ClusterPki(
      Path dir,
      CertificateAuthority ca,
      IssuedCertificate admin,
      IssuedCertificate controllerManager,
      IssuedCertificate scheduler) {
    this.dir = dir;
    this.ca = ca;
    this.admin = admin;
    this.controllerManager = controllerManager;
    this.scheduler = scheduler;
  }

  /**
   * Generates a fresh PKI for {@code clusterName} into {@code dir}.
   *
   * @param kubernetesServiceIp the first address of the service range, which the API server's
   *     certificate must cover for in-cluster clients
   */
  public static ClusterPki generate(Path dir, String clusterName, String kubernetesServiceIp) {
    CertificateAuthority ca = CertificateAuthority.create(clusterName + "-ca");
    ca.write(dir.resolve("ca.crt"), dir.resolve("ca.key"));
    ca.issueServer("kube-apiserver", API_SERVER_DNS, List.of("127.0.0.1", kubernetesServiceIp))
        .write(dir.resolve("apiserver.crt"), dir.resolve("apiserver.key"));
    ca.issueServer("kube-controller-manager", List.of("localhost"), List.of("127.0.0.1"))
        .write(
            dir.resolve("controller-manager-serving.crt"),
            dir.resolve("controller-manager-serving.key"));
    ca.issueServer("kube-scheduler", List.of("localhost"), List.of("127.0.0.1"))
        .write(dir.resolve("scheduler-serving.crt"), dir.resolve("scheduler-serving.key"));
    KeyPair serviceAccountKeys = CertificateAuthority.newKeyPair();
    CertificateAuthority.writePem(dir.resolve("sa.key"), serviceAccountKeys.getPrivate());
    CertificateAuthority.writePem(dir.resolve("sa.pub"), serviceAccountKeys.getPublic());
    return new ClusterPki(
        dir,
        ca,
        ca.issueClient("kubernetes-admin", List.of("system:masters")),
        ca.issueClient("system:kube-controller-manager", List.of()),
        ca.issueClient("system:kube-scheduler", List.of()));
  }

  /** A file of this PKI, such as {@code ca.crt} or {@code apiserver.key}. */
  public Path file(String name) {
    return dir.resolve(name);
  }

  /** The cluster CA. */
  public CertificateAuthority ca() {
    return ca;
  }

  /**
   * The admin's client certificate: user {@code kubernetes-admin}, group {@code system:masters}.
   */
  public IssuedCertificate admin() {
    return admin;
  }

  /** The controller manager's client certificate ({@code system:kube-controller-manager}). */
  public IssuedCertificate controllerManager() {
    return controllerManager;
  }

  /** The scheduler's client certificate ({@code system:kube-scheduler}). */
  public IssuedCertificate scheduler() {
    return scheduler;
  }

  /** A TLS context that trusts this cluster's CA only. */
  public SSLContext trustingTlsContext() {
    try {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      trust.setCertificateEntry("ca", ca.certificate());
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a TLS context for " + dir, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes the private keys, leaving the certificates for inspection. */
  public void deletePrivateKeys() {
    try (var files = Files.list(dir)) {
      for (Path key : files.filter(p -> p.toString().endsWith(".key")).toList()) {
        Files.deleteIfExists(key);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the keys in " + dir, e);
    }
  }
}
