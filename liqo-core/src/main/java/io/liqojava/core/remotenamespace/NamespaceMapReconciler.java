package io.liqojava.core.remotenamespace;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.liqojava.api.consts.Finalizers;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.offloading.v1beta1.MappingPhase;
import io.liqojava.api.offloading.v1beta1.NamespaceMap;
import io.liqojava.api.offloading.v1beta1.NamespaceMapStatus;
import io.liqojava.api.offloading.v1beta1.RemoteNamespaceStatus;
import io.liqojava.core.events.KubernetesEvents;
import io.liqojava.core.runtime.ObjectKey;
import io.liqojava.core.runtime.OptimisticUpdate;
import io.liqojava.core.runtime.Reconciler;
import io.liqojava.core.runtime.Result;
import io.liqojava.core.runtime.ServerSideApply;
import io.liqojava.core.tenant.TenantNamespaces;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the twin namespaces a consumer asks for in its NamespaceMap, and deletes them when it no
 * longer does; see {@link RemoteNamespaces} for the behaviour. Level-triggered: the twin namespaces
 * (their labels and {@code offloading.liqo.io/origin-namespace} annotation) are the record of what
 * exists, the NamespaceMap's spec of what should; the status only reports.
 */
final class NamespaceMapReconciler implements Reconciler {

  /** Reason of the Warning event when a remote name is taken or invalid. */
  static final String REASON_CONFLICT = "RemoteNamespaceConflict";

  /** Reason of the Warning event when the API server refuses to create a twin namespace. */
  static final String REASON_FAILED = "RemoteNamespaceCreationFailed";

  /** NamespaceMap index: the remote namespace names it lists, in spec and status. */
  static final String BY_REMOTE_NAMESPACE = "remoteNamespace";

  /** Namespace index: twin namespaces by the ID of their consumer. */
  static final String BY_CONSUMER = "consumer";

  private static final Logger LOG = LoggerFactory.getLogger(NamespaceMapReconciler.class);

  private final KubernetesClient client;
  private final SharedIndexInformer<NamespaceMap> maps;
  private final SharedIndexInformer<Namespace> namespaces;
  private final SharedIndexInformer<RoleBinding> roleBindings;
  private final KubernetesEvents events;

  NamespaceMapReconciler(
      KubernetesClient client,
      SharedIndexInformer<NamespaceMap> maps,
      SharedIndexInformer<Namespace> namespaces,
      SharedIndexInformer<RoleBinding> roleBindings) {
    this.client = client;
    this.maps = maps;
    this.namespaces = namespaces;
    this.roleBindings = roleBindings;
    this.events = new KubernetesEvents(client, RemoteNamespaces.COMPONENT);
  }

  static Map<String, Function<NamespaceMap, List<String>>> mapIndexers() {
    return Map.of(
        BY_REMOTE_NAMESPACE,
        map -> {
          Set<String> names = new HashSet<>();
          if (map.getSpec() != null && map.getSpec().getDesiredMapping() != null) {
            map.getSpec().getDesiredMapping().values().stream()
                .filter(Objects::nonNull)
                .forEach(names::add);
          }
          currentMapping(map).values().stream()
              .map(RemoteNamespaceStatus::getRemoteNamespace)
              .filter(Objects::nonNull)
              .forEach(names::add);
          return List.copyOf(names);
        });
  }

  static Map<String, Function<Namespace, List<String>>> namespaceIndexers() {
    return Map.of(BY_CONSUMER, ns -> TwinNamespaces.consumerOf(ns).stream().toList());
  }

  /** The NamespaceMaps to reconcile after {@code namespace} changed. */
  Collection<ObjectKey> keysOf(Namespace namespace) {
    Set<ObjectKey> keys = new LinkedHashSet<>();
    String name = namespace.getMetadata().getName();
    maps.getIndexer().byIndex(BY_REMOTE_NAMESPACE, name).forEach(m -> keys.add(ObjectKey.of(m)));
    TwinNamespaces.consumerOf(namespace)
        .ifPresent(consumer -> keys.addAll(mapsIn(TenantNamespaces.nameFor(consumer))));
    if (tenantConsumerOf(namespace).isPresent()) {
      keys.addAll(mapsIn(name));
    }
    return keys;
  }

  /** The NamespaceMaps to reconcile after the twin RoleBinding {@code binding} changed. */
  Collection<ObjectKey> keysOf(RoleBinding binding) {
    Map<String, String> labels = binding.getMetadata().getLabels();
    String consumer = labels == null ? null : labels.get(Labels.REMOTE_CLUSTER_ID);
    return consumer == null ? List.of() : mapsIn(TenantNamespaces.nameFor(consumer));
  }

  private List<ObjectKey> mapsIn(String namespace) {
    return maps.getIndexer().byIndex(Cache.NAMESPACE_INDEX, namespace).stream()
        .map(ObjectKey::of)
        .toList();
  }

  @Override
  public Result reconcile(ObjectKey key) {
    NamespaceMap map = maps.getIndexer().getByKey(key.toString());
    if (map == null) {
      return Result.done();
    }
    Namespace tenant = namespaces.getIndexer().getByKey(key.namespace());
    Optional<String> consumer = tenant == null ? Optional.empty() : tenantConsumerOf(tenant);
    if (consumer.isEmpty()) {
      LOG.debug("NamespaceMap {} is not in a tenant namespace: ignored", key);
      return Result.done();
    }
    boolean deleting = map.getMetadata().getDeletionTimestamp() != null;
    boolean finalized = hasFinalizer(map);
    if (deleting && !finalized) {
      return Result.done();
    }
    if (!finalized) {
      map = OptimisticUpdate.update(client, map, m -> addFinalizer(m));
      if (map == null) {
        return Result.done();
      }
    }
    String consumerId = consumer.get();
    deleteUnwantedTwins(consumerId, key.namespace());
    Map<String, Outcome> outcomes = new TreeMap<>();
    Map<String, String> claimed = new HashMap<>();
    desiredMapping(map, deleting)
        .forEach(
            (local, remote) -> outcomes.put(local, ensure(consumerId, local, remote, claimed)));
    currentMapping(map)
        .forEach(
            (local, previous) -> {
              if (!outcomes.containsKey(local) && previous.getRemoteNamespace() != null) {
                Namespace twin = namespaces.getIndexer().getByKey(previous.getRemoteNamespace());
                if (twin != null && TwinNamespaces.isTwinOf(twin, consumerId, local)) {
                  outcomes.put(local, Outcome.terminating(previous.getRemoteNamespace()));
                }
              }
            });
    writeStatus(map, outcomes);
    if (deleting && outcomes.isEmpty() && unwantedTwins(consumerId, key.namespace()).isEmpty()) {
      OptimisticUpdate.update(client, map, m -> removeFinalizer(m));
      LOG.info("NamespaceMap {}: its twin namespaces are gone, finalizer released", key);
      return Result.done();
    }
    List<String> pending =
        outcomes.entrySet().stream()
            .filter(e -> e.getValue().phase() == MappingPhase.CREATION_LOOP_BACK_OFF)
            .map(e -> e.getKey() + ": " + e.getValue().message())
            .toList();
    if (!pending.isEmpty()) {
      // Retried with the controller's backoff until the conflicts are gone.
      throw new IllegalStateException(
          "NamespaceMap " + key + ": remote namespaces not created yet: " + pending);
    }
    return Result.done();
  }

  private Outcome ensure(
      String consumerId, String local, String remote, Map<String, String> claimed) {
    Optional<String> invalid = TwinNamespaces.invalidName(local, remote);
    if (invalid.isPresent()) {
      return Outcome.backOff(remote, REASON_CONFLICT, invalid.get());
    }
    Namespace namespace = namespaces.getIndexer().getByKey(remote);
    if (namespace == null) {
      // Two namespaces of the consumer asking for one new name: the first (by name) gets it.
      String claimant = claimed.putIfAbsent(remote, local);
      if (claimant != null) {
        return Outcome.backOff(
            remote, REASON_CONFLICT, TwinNamespaces.alreadyTwinOf(remote, claimant, consumerId));
      }
      try {
        namespace =
            client
                .namespaces()
                .resource(TwinNamespaces.namespace(consumerId, local, remote))
                .create();
        LOG.info("Created twin namespace {} of {} for cluster {}", remote, local, consumerId);
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
          return Outcome.backOff(
              remote, REASON_FAILED, "could not create namespace '" + remote + "': " + describe(e));
        }
        namespace = client.namespaces().withName(remote).get(); // the cache lags behind
        if (namespace == null) {
          return Outcome.backOff(
              remote,
              REASON_FAILED,
              "namespace '" + remote + "' was deleted while being created; retrying");
        }
      }
    }
    Optional<String> conflict = TwinNamespaces.conflict(namespace, consumerId, local);
    if (conflict.isPresent()) {
      return Outcome.backOff(remote, REASON_CONFLICT, conflict.get());
    }
    claimed.put(remote, local);
    if (namespace.getMetadata().getDeletionTimestamp() != null) {
      return Outcome.backOff(
          remote,
          REASON_CONFLICT,
          "namespace '"
              + remote
              + "' is being deleted; it is created again once the deletion completes");
    }
    try {
      ensureRoleBinding(consumerId, remote);
    } catch (KubernetesClientException e) {
      return Outcome.backOff(
          remote,
          REASON_FAILED,
          "could not grant cluster "
              + consumerId
              + " its rights in namespace '"
              + remote
              + "' (RoleBinding "
              + TwinNamespaces.ROLE_BINDING
              + "): "
              + describe(e));
    }
    return Outcome.accepted(remote);
  }

  private void ensureRoleBinding(String consumerId, String remote) {
    RoleBinding desired = TwinNamespaces.roleBinding(consumerId, remote);
    RoleBinding current =
        roleBindings.getIndexer().getByKey(remote + "/" + TwinNamespaces.ROLE_BINDING);
    if (current != null
        && Objects.equals(current.getRoleRef(), desired.getRoleRef())
        && Objects.equals(current.getSubjects(), desired.getSubjects())
        && Objects.equals(current.getMetadata().getLabels(), desired.getMetadata().getLabels())) {
      return;
    }
    if (current != null && !Objects.equals(current.getRoleRef(), desired.getRoleRef())) {
      client.resource(current).delete(); // the role reference of a binding is immutable
    }
    ServerSideApply.apply(client, desired);
  }

  /** Deletes the twins of {@code consumerId} that no live NamespaceMap of it asks for. */
  private void deleteUnwantedTwins(String consumerId, String tenant) {
    for (Namespace twin : unwantedTwins(consumerId, tenant)) {
      if (twin.getMetadata().getDeletionTimestamp() == null) {
        client.namespaces().withName(twin.getMetadata().getName()).delete();
        LOG.info(
            "Deleting twin namespace {} of cluster {}: no longer asked for",
            twin.getMetadata().getName(),
            consumerId);
      }
    }
  }

  private List<Namespace> unwantedTwins(String consumerId, String tenant) {
    Set<Map.Entry<String, String>> wanted = new HashSet<>();
    for (NamespaceMap map : maps.getIndexer().byIndex(Cache.NAMESPACE_INDEX, tenant)) {
      desiredMapping(map, map.getMetadata().getDeletionTimestamp() != null)
          .forEach((local, remote) -> wanted.add(Map.entry(remote, local)));
    }
    List<Namespace> unwanted = new ArrayList<>();
    for (Namespace twin : namespaces.getIndexer().byIndex(BY_CONSUMER, consumerId)) {
      String origin = TwinNamespaces.originOf(twin).orElse("");
      if (!wanted.contains(Map.entry(twin.getMetadata().getName(), origin))) {
        unwanted.add(twin);
      }
    }
    return unwanted;
  }

  private void writeStatus(NamespaceMap cached, Map<String, Outcome> outcomes) {
    Map<String, RemoteNamespaceStatus> next = new TreeMap<>();
    outcomes.forEach((local, outcome) -> next.put(local, outcome.toStatus()));
    Map<String, RemoteNamespaceStatus> previous = currentMapping(cached);
    if (next.equals(previous)) {
      return;
    }
    NamespaceMap stored =
        OptimisticUpdate.updateStatus(
            client,
            cached,
            map -> {
              if (next.equals(currentMapping(map))) {
                return false;
              }
              NamespaceMapStatus status = new NamespaceMapStatus();
              status.setCurrentMapping(next.isEmpty() ? null : next);
              map.setStatus(status);
              return true;
            });
    if (stored == null) {
      return;
    }
    outcomes.forEach(
        (local, outcome) -> {
          RemoteNamespaceStatus before = previous.get(local);
          if (outcome.phase() == MappingPhase.CREATION_LOOP_BACK_OFF
              && (before == null || !Objects.equals(before.getMessage(), outcome.message()))) {
            events.warning(stored, outcome.reason(), outcome.message());
          }
        });
    LOG.debug("NamespaceMap {}: status {}", ObjectKey.of(cached), next);
  }

  private static Map<String, String> desiredMapping(NamespaceMap map, boolean deleting) {
    if (deleting || map.getSpec() == null || map.getSpec().getDesiredMapping() == null) {
      return Map.of();
    }
    return map.getSpec().getDesiredMapping().entrySet().stream()
        .filter(e -> e.getKey() != null)
        .collect(
            Collectors.toMap(
                Map.Entry::getKey,
                e -> e.getValue() == null ? "" : e.getValue(),
                (a, b) -> a,
                TreeMap::new));
  }

  private static Map<String, RemoteNamespaceStatus> currentMapping(NamespaceMap map) {
    if (map.getStatus() == null || map.getStatus().getCurrentMapping() == null) {
      return Map.of();
    }
    return map.getStatus().getCurrentMapping();
  }

  /** The consumer ID of a tenant namespace, if {@code namespace} is one. */
  private static Optional<String> tenantConsumerOf(Namespace namespace) {
    Map<String, String> labels = namespace.getMetadata().getLabels();
    if (labels == null || !Labels.TRUE.equals(labels.get(Labels.TENANT_NAMESPACE))) {
      return Optional.empty();
    }
    return Optional.ofNullable(labels.get(Labels.REMOTE_CLUSTER_ID)).filter(id -> !id.isEmpty());
  }

  private static boolean hasFinalizer(NamespaceMap map) {
    List<String> finalizers = map.getMetadata().getFinalizers();
    return finalizers != null && finalizers.contains(Finalizers.NAMESPACE_MAP);
  }

  private static boolean addFinalizer(NamespaceMap map) {
    if (hasFinalizer(map) || map.getMetadata().getDeletionTimestamp() != null) {
      return false;
    }
    List<String> finalizers =
        map.getMetadata().getFinalizers() == null
            ? new ArrayList<>()
            : new ArrayList<>(map.getMetadata().getFinalizers());
    finalizers.add(Finalizers.NAMESPACE_MAP);
    map.getMetadata().setFinalizers(finalizers);
    return true;
  }

  private static boolean removeFinalizer(NamespaceMap map) {
    if (!hasFinalizer(map)) {
      return false;
    }
    List<String> finalizers = new ArrayList<>(map.getMetadata().getFinalizers());
    finalizers.remove(Finalizers.NAMESPACE_MAP);
    map.getMetadata().setFinalizers(finalizers);
    return true;
  }

  private static String describe(KubernetesClientException e) {
    return e.getStatus() != null && e.getStatus().getMessage() != null
        ? e.getStatus().getMessage()
        : e.getMessage();
  }

  /** What became of one entry of the desired mapping. */
  private record Outcome(String remote, MappingPhase phase, String reason, String message) {

    static Outcome accepted(String remote) {
      return new Outcome(remote, MappingPhase.ACCEPTED, null, null);
    }

    static Outcome terminating(String remote) {
      return new Outcome(remote, MappingPhase.TERMINATING, null, null);
    }

    static Outcome backOff(String remote, String reason, String message) {
      return new Outcome(remote, MappingPhase.CREATION_LOOP_BACK_OFF, reason, message);
    }

    RemoteNamespaceStatus toStatus() {
      RemoteNamespaceStatus status = new RemoteNamespaceStatus();
      status.setRemoteNamespace(remote);
      status.setPhase(phase);
      status.setMessage(message);
      return status;
    }
  }
}
