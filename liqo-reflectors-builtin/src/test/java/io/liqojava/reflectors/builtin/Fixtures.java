package io.liqojava.reflectors.builtin;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.net.spi.AddressRemapper;
import io.liqojava.reflection.spi.EventRecorder;
import io.liqojava.reflection.spi.ImmutableReflectorContext;
import io.liqojava.reflection.spi.NamespacePair;
import io.liqojava.reflection.spi.ReflectorContext;
import java.util.Map;
import java.util.regex.Pattern;

/** Clusters, contexts and objects shared by the tests: Rome reflects namespace "shop" to Milan. */
final class Fixtures {

  static final ClusterIdentity ROME =
      ClusterIdentity.builder().clusterId("rome-1a2b3c").clusterName("rome").build();
  static final ClusterIdentity MILAN =
      ClusterIdentity.builder().clusterId("milan-4d5e6f").clusterName("milan").build();
  static final NamespacePair NAMESPACES = NamespacePair.of("shop", "shop-rome-1a2b3c");

  /** The local virtual node standing for Milan. */
  static final String VIRTUAL_NODE = "liqo-milan";

  /** Milan reaches Rome's pod CIDR 10.244.0.0/16 at 10.250.0.0/16. */
  static final AddressRemapper POD_CIDR_REMAPPER =
      new AddressRemapper() {
        private final Pattern ipv4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

        @Override
        public String localToRemote(String localAddress) {
          if (!ipv4.matcher(localAddress).matches()) {
            throw new IllegalArgumentException("'" + localAddress + "' is not an IP address");
          }
          return localAddress.startsWith("10.244.")
              ? "10.250." + localAddress.substring("10.244.".length())
              : localAddress;
        }

        @Override
        public String remoteToLocal(String remoteAddress) {
          throw new UnsupportedOperationException("reflection to Milan only maps local addresses");
        }
      };

  private static final EventRecorder NO_EVENTS =
      new EventRecorder() {
        @Override
        public void normal(HasMetadata object, String reason, String message) {}

        @Override
        public void warning(HasMetadata object, String reason, String message) {}
      };

  /** A client of nothing (connections are refused): for forges that read no cluster. */
  private static final KubernetesClient NO_CLUSTER =
      new KubernetesClientBuilder()
          .withConfig(
              new ConfigBuilder(Config.empty())
                  .withMasterUrl("https://127.0.0.1:9")
                  .withRequestRetryBackoffLimit(0)
                  .build())
          .build();

  private Fixtures() {}

  /** A context for forges that read no cluster; set more attributes before building it. */
  static ImmutableReflectorContext.Builder context() {
    return context(NO_CLUSTER, NO_CLUSTER);
  }

  /** A context whose local cluster is {@code local} and remote cluster {@code remote}. */
  static ImmutableReflectorContext.Builder context(
      KubernetesClient local, KubernetesClient remote) {
    return ReflectorContext.builder()
        .localClient(local)
        .remoteClient(remote)
        .namespaces(NAMESPACES)
        .localCluster(ROME)
        .remoteCluster(MILAN)
        .events(NO_EVENTS)
        .addVirtualNodeNames(VIRTUAL_NODE);
  }

  /**
   * Metadata of a local object in "shop" as the API server serves it, with everything a forge must
   * not copy: namespace, UID, resource version, owner, managed fields, creation time.
   */
  static ObjectMeta served(
      String name, Map<String, String> labels, Map<String, String> annotations) {
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(NAMESPACES.local())
        .withUid("0b6d3f6e-8a51-4bb4-a0b3-0c2b5b0c0001")
        .withResourceVersion("4711")
        .withGeneration(3L)
        .withCreationTimestamp("2026-11-20T10:00:00Z")
        .addNewOwnerReference()
        .withApiVersion("apps/v1")
        .withKind("Deployment")
        .withName("web")
        .withUid("0b6d3f6e-8a51-4bb4-a0b3-0c2b5b0c0002")
        .endOwnerReference()
        .withManagedFields(
            new ManagedFieldsEntryBuilder().withManager("kubectl").withOperation("Apply").build())
        .withLabels(labels)
        .withAnnotations(annotations)
        .build();
  }
}
