package io.liqojava.samples.liqoctl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.liqojava.api.offloading.v1beta1.NamespaceMappingStrategy;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloading;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingSpec;
import io.liqojava.api.offloading.v1beta1.PodOffloadingStrategy;

/**
 * The NamespaceOffloading that {@code liqoctl offload namespace} applies, and its manifest as
 * printed with {@code --output}: apiVersion, kind, name, namespace and spec, ready for {@code
 * kubectl apply -f}.
 */
final class OffloadingManifest {

  /** The formats of {@code --output}. */
  enum Format {
    yaml,
    json
  }

  private static final KubernetesSerialization JSON =
      new KubernetesSerialization(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT), true);

  private OffloadingManifest() {}

  /**
   * The NamespaceOffloading of {@code namespace}.
   *
   * @param remoteNamespaceName the remote name with {@code SelectedName}, else null
   * @param clusterSelector null to select every cluster
   */
  static NamespaceOffloading build(
      String namespace,
      NamespaceMappingStrategy mappingStrategy,
      String remoteNamespaceName,
      PodOffloadingStrategy podStrategy,
      NodeSelector clusterSelector) {
    NamespaceOffloading offloading = new NamespaceOffloading();
    offloading.getMetadata().setName(NamespaceOffloading.DEFAULT_NAME);
    offloading.getMetadata().setNamespace(namespace);
    NamespaceOffloadingSpec spec = new NamespaceOffloadingSpec();
    spec.setNamespaceMappingStrategy(mappingStrategy);
    spec.setRemoteNamespaceName(remoteNamespaceName);
    spec.setPodOffloadingStrategy(podStrategy);
    spec.setClusterSelector(clusterSelector);
    offloading.setSpec(spec);
    return offloading;
  }

  /** The manifest of {@code offloading} in {@code format}. */
  static String render(NamespaceOffloading offloading, Format format) {
    return format == Format.json
        ? JSON.asJson(offloading)
        : new KubernetesSerialization().asYaml(offloading);
  }
}
