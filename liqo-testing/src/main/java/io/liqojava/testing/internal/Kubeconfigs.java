package io.liqojava.testing.internal;

import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** Renders self-contained kubeconfig files (certificates embedded) for a local cluster. */
public final class Kubeconfigs {

  private Kubeconfigs() {}

  /**
   * A kubeconfig with one cluster, one user and one context, all named {@code contextName}, the
   * current context being that one.
   */
  public static Config render(
      String contextName, String server, CertificateAuthority ca, IssuedCertificate user) {
    return new ConfigBuilder()
        .withApiVersion("v1")
        .withKind("Config")
        .addNewCluster()
        .withName(contextName)
        .withNewCluster()
        .withServer(server)
        .withCertificateAuthorityData(base64(CertificateAuthority.toPem(ca.certificate())))
        .endCluster()
        .endCluster()
        .addNewUser()
        .withName(contextName)
        .withNewUser()
        .withClientCertificateData(base64(user.certificatePem()))
        .withClientKeyData(base64(user.privateKeyPem()))
        .endUser()
        .endUser()
        .addNewContext()
        .withName(contextName)
        .withNewContext()
        .withCluster(contextName)
        .withUser(contextName)
        .endContext()
        .endContext()
        .withCurrentContext(contextName)
        .build();
  }

  /** Writes {@code config} to {@code file} as YAML, readable by its owner only where supported. */
  public static Path write(Config config, Path file) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, Serialization.asYaml(config), StandardCharsets.UTF_8);
      file.toFile().setReadable(false, false);
      file.toFile().setReadable(true, true);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the kubeconfig " + file, e);
    }
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
  }
}
