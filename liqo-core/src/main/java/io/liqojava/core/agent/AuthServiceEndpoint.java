package io.liqojava.core.agent;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.core.identity.LiqoNamespace;
import io.liqojava.core.runtime.ServerSideApply;
import java.util.Optional;

/**
 * Where a cluster's authentication service can be reached, published by its agent in the ConfigMap
 * {@value #CONFIG_MAP} (key {@value #URL_KEY}) so that {@code liqoctl generate peer-command} can
 * hand it to consumers.
 */
public final class AuthServiceEndpoint {

  /** The ConfigMap, in the liqo namespace. */
  public static final String CONFIG_MAP = "liqo-auth-service";

  /** The key holding the URL. */
  public static final String URL_KEY = "url";

  private AuthServiceEndpoint() {}

  /** Publishes {@code url} as this cluster's authentication service. */
  public static void publish(KubernetesClient client, String url) {
    ServerSideApply.apply(
        client,
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName(CONFIG_MAP)
            .withNamespace(LiqoNamespace.NAME)
            .addToLabels(LiqoNamespace.MANAGED_BY_LABEL, LiqoNamespace.MANAGED_BY_VALUE)
            .endMetadata()
            .addToData(URL_KEY, url)
            .build());
  }

  /** The published URL, if an agent has published one. */
  public static Optional<String> read(KubernetesClient client) {
    ConfigMap configMap =
        client.configMaps().inNamespace(LiqoNamespace.NAME).withName(CONFIG_MAP).get();
    return Optional.ofNullable(configMap)
        .map(ConfigMap::getData)
        .map(data -> data.get(URL_KEY))
        .filter(url -> !url.isBlank());
  }
}
