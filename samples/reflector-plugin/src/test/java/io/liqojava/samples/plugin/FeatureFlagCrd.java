package io.liqojava.samples.plugin;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.core.crd.CrdInstaller;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

/** Installs the FeatureFlag CRD that the build generated into the classpath. */
final class FeatureFlagCrd {

  private static final String NAME = HasMetadata.getFullResourceName(FeatureFlag.class);
  private static final String MANIFEST = "META-INF/fabric8/" + NAME + "-v1.yml";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private FeatureFlagCrd() {}

  /** Installs the CRD with {@code client} and waits until FeatureFlags are served. */
  static void install(KubernetesClient client) {
    new CrdInstaller(client, TIMEOUT).install(List.of(load(client)));
    await()
        .atMost(TIMEOUT)
        .ignoreExceptions()
        .until(() -> client.resources(FeatureFlag.class).inNamespace("default").list() != null);
  }

  private static CustomResourceDefinition load(KubernetesClient client) {
    try (InputStream manifest =
        FeatureFlagCrd.class.getClassLoader().getResourceAsStream(MANIFEST)) {
      if (manifest == null) {
        throw new IllegalStateException(
            MANIFEST + " is not on the classpath: the crd-generator-maven-plugin writes it");
      }
      return client.apiextensions().v1().customResourceDefinitions().load(manifest).item();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
