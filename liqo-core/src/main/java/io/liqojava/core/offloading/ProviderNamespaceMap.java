package io.liqojava.core.offloading;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.offloading.v1beta1.NamespaceMap;
import io.liqojava.api.offloading.v1beta1.NamespaceMapSpec;
import io.liqojava.api.offloading.v1beta1.RemoteNamespaceStatus;
import io.liqojava.core.runtime.OptimisticUpdate;
import io.liqojava.core.tenant.TenantNamespaces;
import io.liqojava.core.virtualnode.ProviderLink;
import java.net.HttpURLConnection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The NamespaceMap of this (consumer) cluster in one connected provider: named after this cluster's
 * ID, in the tenant namespace the provider dedicates to this cluster. Watched through an informer
 * while the provider is connected; entries are added and removed by read-modify-write, so that
 * concurrent reconciles of different namespaces keep each other's entries.
 */
final class ProviderNamespaceMap implements AutoCloseable {

  private final ProviderLink link;
  private final String localClusterId;
  private final String tenantNamespace;
  private final SharedIndexInformer<NamespaceMap> informer;

  ProviderNamespaceMap(ProviderLink link, String localClusterId) {
    this.link = link;
    this.localClusterId = localClusterId;
    this.tenantNamespace = TenantNamespaces.nameFor(localClusterId);
    this.informer =
        link.client()
            .resources(NamespaceMap.class)
            .inNamespace(tenantNamespace)
            .runnableInformer(0);
  }

  /** The provider's cluster ID. */
  String providerId() {
    return link.provider().clusterId();
  }

  SharedIndexInformer<NamespaceMap> informer() {
    return informer;
  }

  /** Whether {@code map} is this cluster's NamespaceMap. */
  boolean isOurs(NamespaceMap map) {
    return localClusterId.equals(map.getMetadata().getName());
  }

  void start() {
    informer.start();
  }

  /**
   * Whether the informer has seen the provider's NamespaceMaps once: its answers can be trusted.
   */
  boolean synced() {
    return informer.hasSynced();
  }

  /** This cluster's NamespaceMap as last seen. */
  Optional<NamespaceMap> map() {
    return Optional.ofNullable(
        informer.getStore().getByKey(tenantNamespace + "/" + localClusterId));
  }

  /** What the provider reports for {@code localNamespace}, if anything. */
  Optional<RemoteNamespaceStatus> report(String localNamespace) {
    return map()
        .map(NamespaceMap::getStatus)
        .map(status -> status.getCurrentMapping())
        .map(mapping -> mapping.get(localNamespace));
  }

  /** Whether the spec asks the provider for {@code localNamespace}. */
  boolean wants(String localNamespace) {
    return desired(map().orElse(null)).containsKey(localNamespace);
  }

  /** Asks the provider for {@code localNamespace} as {@code remoteNamespace}; creates the map. */
  void ensureEntry(String localNamespace, String remoteNamespace) {
    KubernetesClient client = link.client();
    NamespaceMap current = map().orElse(null);
    if (current == null) {
      try {
        client.resource(newMap(localNamespace, remoteNamespace)).create();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          throw e;
        }
        current = client.resource(newMap(localNamespace, remoteNamespace)).get();
        if (current == null) {
          throw e;
        }
      }
    }
    if (remoteNamespace.equals(desired(current).get(localNamespace))) {
      return;
    }
    OptimisticUpdate.update(
        client,
        current,
        map -> {
          Map<String, String> mapping = new LinkedHashMap<>(desired(map));
          if (remoteNamespace.equals(mapping.put(localNamespace, remoteNamespace))) {
            return false;
          }
          setDesired(map, mapping);
          return true;
        });
  }

  /** Withdraws {@code localNamespace} from the provider; the rest of the map stays. */
  void removeEntry(String localNamespace) {
    NamespaceMap current = map().orElse(null);
    if (current == null || !desired(current).containsKey(localNamespace)) {
      return;
    }
    OptimisticUpdate.update(
        link.client(),
        current,
        map -> {
          Map<String, String> mapping = new LinkedHashMap<>(desired(map));
          if (mapping.remove(localNamespace) == null) {
            return false;
          }
          setDesired(map, mapping);
          return true;
        });
  }

  /** Stops watching; the client belongs to the virtual kubelet and stays open. */
  @Override
  public void close() {
    informer.close();
  }

  private NamespaceMap newMap(String localNamespace, String remoteNamespace) {
    NamespaceMap map = new NamespaceMap();
    map.setMetadata(
        new ObjectMetaBuilder()
            .withName(localClusterId)
            .withNamespace(tenantNamespace)
            .addToLabels(Labels.REMOTE_CLUSTER_ID, localClusterId)
            .build());
    NamespaceMapSpec spec = new NamespaceMapSpec();
    spec.setDesiredMapping(new LinkedHashMap<>(Map.of(localNamespace, remoteNamespace)));
    map.setSpec(spec);
    return map;
  }

  private static Map<String, String> desired(NamespaceMap map) {
    if (map == null || map.getSpec() == null) {
      return Map.of();
    }
    return Objects.requireNonNullElse(map.getSpec().getDesiredMapping(), Map.of());
  }

  private static void setDesired(NamespaceMap map, Map<String, String> mapping) {
    if (map.getSpec() == null) {
      map.setSpec(new NamespaceMapSpec());
    }
    map.getSpec().setDesiredMapping(mapping);
  }
}
