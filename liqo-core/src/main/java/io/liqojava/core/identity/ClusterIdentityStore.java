package io.liqojava.core.identity;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.api.identity.ImmutableClusterIdentity;
import io.liqojava.core.runtime.ServerSideApply;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Keeps a cluster's {@link ClusterIdentity} in the cluster itself: the ConfigMap {@value
 * #CONFIG_MAP} in the namespace {@value LiqoNamespace#NAME}, written by {@code liqoctl install} and
 * read by the agent.
 */
public final class ClusterIdentityStore {

  /** The ConfigMap that holds the identity. */
  public static final String CONFIG_MAP = "liqo-cluster-identity";

  private static final String CLUSTER_ID = "clusterID";
  private static final String CLUSTER_NAME = "clusterName";
  private static final String CLUSTER_LABELS = "clusterLabels";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final KubernetesClient client;

  /** A store backed by the cluster {@code client} talks to. */
  public ClusterIdentityStore(KubernetesClient client) {
    this.client = client;
  }

  /** The identity, if {@code liqoctl install} has written one. */
  public Optional<ClusterIdentity> read() {
    ConfigMap configMap =
        client.configMaps().inNamespace(LiqoNamespace.NAME).withName(CONFIG_MAP).get();
    return Optional.ofNullable(configMap).map(ClusterIdentityStore::parse);
  }

  /**
   * Writes the identity with {@code clusterName} and {@code labels}, keeping the cluster ID if one
   * exists and generating {@code <name>-<6 hex digits>} otherwise. Idempotent.
   *
   * @return the stored identity
   */
  public ClusterIdentity install(String clusterName, Map<String, String> labels) {
    ClusterIdentity.checkDnsLabel("cluster name", clusterName);
    String clusterId =
        read().map(ClusterIdentity::clusterId).orElseGet(() -> generateClusterId(clusterName));
    ClusterIdentity identity =
        ClusterIdentity.builder()
            .clusterId(clusterId)
            .clusterName(clusterName)
            .labels(labels)
            .build();
    LiqoNamespace.ensure(client);
    ServerSideApply.apply(client, configMap(identity));
    return identity;
  }

  /**
   * A new identity for a cluster that has none yet: {@code clusterName}, {@code labels} and a
   * generated cluster ID {@code <name>-<6 hex digits>}.
   *
   * @throws IllegalArgumentException when the name is not a DNS label
   */
  public static ClusterIdentity newIdentity(String clusterName, Map<String, String> labels) {
    ClusterIdentity.checkDnsLabel("cluster name", clusterName);
    return ClusterIdentity.builder()
        .clusterId(generateClusterId(clusterName))
        .clusterName(clusterName)
        .labels(labels)
        .build();
  }

  /**
   * The ConfigMap {@value #CONFIG_MAP} that holds {@code identity}, as {@link #read()} reads it.
   */
  public static ConfigMap configMap(ClusterIdentity identity) {
    Map<String, String> data = new LinkedHashMap<>();
    data.put(CLUSTER_ID, identity.clusterId());
    data.put(CLUSTER_NAME, identity.clusterName());
    StringBuilder labelLines = new StringBuilder();
    new TreeMap<>(identity.labels())
        .forEach((k, v) -> labelLines.append(k).append('=').append(v).append('\n'));
    data.put(CLUSTER_LABELS, labelLines.toString());
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(CONFIG_MAP)
        .withNamespace(LiqoNamespace.NAME)
        .addToLabels(LiqoNamespace.MANAGED_BY_LABEL, LiqoNamespace.MANAGED_BY_VALUE)
        .endMetadata()
        .withData(data)
        .build();
  }

  /** A new cluster ID for {@code clusterName}: {@code <name>-<6 hex digits>}. */
  static String generateClusterId(String clusterName) {
    byte[] suffix = new byte[3];
    RANDOM.nextBytes(suffix);
    String prefix = clusterName.length() > 56 ? clusterName.substring(0, 56) : clusterName;
    return prefix.replaceAll("-+$", "") + "-" + HexFormat.of().formatHex(suffix);
  }

  private static ClusterIdentity parse(ConfigMap configMap) {
    Map<String, String> data = configMap.getData() == null ? Map.of() : configMap.getData();
    ImmutableClusterIdentity.Builder builder =
        ClusterIdentity.builder()
            .clusterId(data.getOrDefault(CLUSTER_ID, ""))
            .clusterName(data.getOrDefault(CLUSTER_NAME, ""));
    for (String line : data.getOrDefault(CLUSTER_LABELS, "").split("\n")) {
      int separator = line.indexOf('=');
      if (separator > 0) {
        builder.putLabels(line.substring(0, separator), line.substring(separator + 1));
      }
    }
    return builder.build();
  }
}
