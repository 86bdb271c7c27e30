package io.liqojava.core.install;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.liqojava.api.LiqoCrds;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.core.v1beta1.ForeignClusterRole;
import io.liqojava.api.core.v1beta1.PeeringCondition;
import io.liqojava.api.core.v1beta1.PeeringConditionStatus;
import io.liqojava.api.core.v1beta1.PeeringConditionType;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloading;
import io.liqojava.core.agent.AuthServiceEndpoint;
import io.liqojava.core.authentication.AuthTokens;
import io.liqojava.core.crd.CrdInstaller;
import io.liqojava.core.identity.ClusterIdentityStore;
import io.liqojava.core.identity.LiqoNamespace;
import io.liqojava.core.peering.Peering;
import io.liqojava.core.runtime.ServerSideApply;
import io.liqojava.core.webhook.Webhooks;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs liqo-java in a cluster, removes it, and tells what is installed: what {@code liqoctl
 * install}, {@code uninstall} and {@code status} do, for tools that embed them.
 *
 * <p>{@link #install} is idempotent. It writes the Liqo CRDs, the {@code liqo} namespace, the
 * agent's least-privilege identity ({@link AgentRbac}), the cluster identity and the cluster's
 * authentication token; the agent, started separately with access to the cluster, serves them.
 * {@link #uninstall} refuses while the cluster is peered. {@link InstallManifests} renders the same
 * objects, with the agent's Deployment, as manifests.
 *
 * <pre>{@code
 * LiqoInstaller installer = new LiqoInstaller(client, LiqoInstaller.DEFAULT_TIMEOUT, System.out::println);
 * ClusterIdentity identity = installer.install("rome", Map.of("topology.liqo.io/region", "center"));
 * }</pre>
 */
public final class LiqoInstaller {

  /** How long each waiting step (CRDs established, namespaces deleted) may take by default. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

  /** The agent counts as running when it renewed its heartbeat Lease within this time. */
  public static final Duration AGENT_HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(LiqoInstaller.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);

  private final KubernetesClient client;
  private final Duration timeout;
  private final Consumer<String> progress;

  /** An installer that waits at most {@link #DEFAULT_TIMEOUT} and logs its progress. */
  public LiqoInstaller(KubernetesClient client) {
    this(client, DEFAULT_TIMEOUT, LOG::info);
  }

  /**
   * An installer.
   *
   * @param client a client with the rights of a cluster administrator
   * @param timeout how long each waiting step may take; positive
   * @param progress receives one line per step, for people watching
   */
  public LiqoInstaller(KubernetesClient client, Duration timeout, Consumer<String> progress) {
    this.client = Objects.requireNonNull(client, "client");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * Installs Liqo, or brings an installation up to date; the cluster ID and the authentication
   * token of an earlier installation are kept.
   *
   * @param clusterName the cluster's name, a DNS label
   * @param labels the labels the cluster's virtual nodes carry in its consumers
   * @return the cluster's identity
   * @throws IllegalArgumentException when the name or a label is not valid, before anything changes
   * @throws LiqoInstallationException when the cluster is peered under another name
   */
  public ClusterIdentity install(String clusterName, Map<String, String> labels) {
    ClusterIdentity.checkDnsLabel("cluster name", clusterName);
    ClusterLabels.validate(labels);
    Optional<ClusterIdentity> existing = readIdentity();
    existing
        .filter(identity -> !identity.clusterName().equals(clusterName))
        .ifPresent(identity -> refuseRenameWhilePeered(identity, clusterName));

    progress.accept("Installing the Liqo CRDs");
    int crds = new CrdInstaller(client, timeout).install().size();
    progress.accept(crds + " Liqo CRDs established");

    ensureNamespace(AgentRbac.NODE_LEASE_NAMESPACE);
    for (HasMetadata object : InstallManifests.namespaceAndRbac()) {
      ServerSideApply.apply(client, object);
    }
    progress.accept(
        "Namespace "
            + LiqoNamespace.NAME
            + " and the agent's RBAC ready (ServiceAccount "
            + LiqoNamespace.NAME
            + "/"
            + AgentRbac.NAME
            + ", ClusterRole "
            + AgentRbac.NAME
            + ")");

    ClusterIdentity identity = new ClusterIdentityStore(client).install(clusterName, labels);
    progress.accept(
        (existing.isPresent() ? "Kept" : "Generated")
            + " the cluster identity: name "
            + identity.clusterName()
            + ", ID "
            + identity.clusterId()
            + (identity.labels().isEmpty() ? "" : ", labels " + format(identity.labels())));

    AuthTokens tokens = new AuthTokens(client);
    boolean hadToken = tokens.clusterToken().isPresent();
    tokens.ensureClusterToken();
    progress.accept(
        (hadToken ? "Kept" : "Generated")
            + " the authentication token (Secret "
            + LiqoNamespace.NAME
            + "/"
            + AuthTokens.CLUSTER_TOKEN_SECRET
            + ")");
    return identity;
  }

  /**
   * Removes Liqo: the agent's RBAC and the {@code liqo} namespace with the identity and token, and
   * with {@code purge} also the tenant namespaces left behind and the Liqo CRDs with every Liqo
   * resource. Waits until they are gone. Does nothing where nothing is installed.
   *
   * @throws LiqoInstallationException while the cluster is peered or offloads namespaces, saying
   *     which commands undo that; or when something is not deleted in time
   */
  public void uninstall(boolean purge) {
    refuseWhilePeeredOrOffloading();

    progress.accept("Removing the admission webhooks");
    Webhooks.unregister(client);
    progress.accept("Removing the agent's RBAC");
    client.rbac().clusterRoleBindings().withName(AgentRbac.NAME).delete();
    client.rbac().clusterRoles().withName(AgentRbac.NAME).delete();
    AgentRbac.remoteNamespaceRoles()
        .forEach(
            role -> client.rbac().clusterRoles().withName(role.getMetadata().getName()).delete());
    for (String namespace : List.of(AgentRbac.NODE_LEASE_NAMESPACE, LiqoNamespace.NAME)) {
      client.rbac().roleBindings().inNamespace(namespace).withName(AgentRbac.NAME).delete();
      client.rbac().roles().inNamespace(namespace).withName(AgentRbac.NAME).delete();
    }

    List<String> namespaces = new ArrayList<>();
    namespaces.add(LiqoNamespace.NAME);
    if (purge) {
      client
          .namespaces()
          .withLabel(Labels.TENANT_NAMESPACE, Labels.TRUE)
          .list()
          .getItems()
          .forEach(ns -> namespaces.add(ns.getMetadata().getName()));
    }
    progress.accept(
        "Deleting namespace"
            + (namespaces.size() > 1 ? "s " : " ")
            + String.join(", ", namespaces)
            + (purge ? "" : " (identity, authentication token, agent state)"));
    namespaces.forEach(name -> client.namespaces().withName(name).delete());
    for (String name : namespaces) {
      awaitNamespaceDeleted(name);
    }

    if (purge) {
      progress.accept("Deleting the Liqo CRDs and every Liqo resource");
      new CrdInstaller(client, timeout).uninstall();
    }
  }

  /** Reads what is installed; never fails because something is missing. */
  public LiqoStatus status() {
    Set<String> crds =
        client.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
            .map(crd -> crd.getMetadata().getName())
            .collect(Collectors.toSet());
    List<String> missing = LiqoCrds.names().stream().filter(name -> !crds.contains(name)).toList();
    Optional<Instant> heartbeat = agentHeartbeat();
    return LiqoStatus.builder()
        .apiServerUrl(client.getMasterUrl().toString())
        .identity(readIdentity())
        .missingCrds(missing)
        .agentHeartbeat(heartbeat)
        .agentAlive(
            heartbeat
                .map(at -> at.isAfter(Instant.now().minus(AGENT_HEARTBEAT_TIMEOUT)))
                .orElse(false))
        .authUrl(readAuthUrl())
        .peers(crds.contains(LiqoCrds.name(ForeignCluster.class)) ? peers() : List.of())
        .build();
  }

  /**
   * What a consumer needs to peer with this cluster out of band.
   *
   * @throws LiqoInstallationException when Liqo is not installed, or the agent has not published
   *     its authentication service yet
   */
  public PeeringInfo peeringInfo() {
    ClusterIdentity identity =
        readIdentity()
            .orElseThrow(
                () ->
                    new LiqoInstallationException(
                        "Liqo is not installed on this cluster ("
                            + client.getMasterUrl()
                            + "): run 'liqoctl install' first"));
    String token =
        new AuthTokens(client)
            .clusterToken()
            .orElseThrow(
                () ->
                    new LiqoInstallationException(
                        "the authentication token of this cluster (Secret "
                            + LiqoNamespace.NAME
                            + "/"
                            + AuthTokens.CLUSTER_TOKEN_SECRET
                            + ") is missing: run 'liqoctl install' again to create it"));
    String authUrl =
        readAuthUrl()
            .orElseThrow(
                () ->
                    new LiqoInstallationException(
                        "the agent of this cluster is not running: it has not published its"
                            + " authentication service (ConfigMap "
                            + LiqoNamespace.NAME
                            + "/"
                            + AuthServiceEndpoint.CONFIG_MAP
                            + "). Start the liqo-java agent with access to this cluster (clusters"
                            + " of './local-clusters up' run one each; elsewhere 'java -jar"
                            + " agent.jar --kubeconfig <this cluster's kubeconfig>'), then try"
                            + " again"));
    return PeeringInfo.builder()
        .clusterName(identity.clusterName())
        .clusterId(identity.clusterId())
        .authUrl(authUrl)
        .token(token)
        .build();
  }

  private Optional<ClusterIdentity> readIdentity() {
    try {
      return new ClusterIdentityStore(client).read();
    } catch (IllegalArgumentException e) {
      throw new LiqoInstallationException(
          "the cluster identity in ConfigMap "
              + LiqoNamespace.NAME
              + "/"
              + ClusterIdentityStore.CONFIG_MAP
              + " is not valid ("
              + e.getMessage()
              + "): run 'liqoctl install --cluster-name NAME' to rewrite it",
          e);
    }
  }

  private Optional<String> readAuthUrl() {
    return AuthServiceEndpoint.read(client);
  }

  private Optional<Instant> agentHeartbeat() {
    Lease lease =
        client
            .resources(Lease.class)
            .inNamespace(LiqoNamespace.NAME)
            .withName(Peering.AGENT_LEASE)
            .get();
    if (lease == null || lease.getSpec() == null || lease.getSpec().getRenewTime() == null) {
      return Optional.empty();
    }
    return Optional.of(lease.getSpec().getRenewTime().toInstant());
  }

  private List<PeerStatus> peers() {
    return client.resources(ForeignCluster.class).list().getItems().stream()
        .map(LiqoInstaller::peerStatus)
        .sorted(Comparator.comparing(PeerStatus::name))
        .toList();
  }

  private static PeerStatus peerStatus(ForeignCluster fc) {
    ImmutablePeerStatus.Builder peer =
        PeerStatus.builder()
            .name(fc.getMetadata().getName())
            .clusterId(
                fc.getSpec() == null ? "" : Objects.toString(fc.getSpec().getClusterID(), ""))
            .authUrl(Optional.ofNullable(fc.getSpec()).map(spec -> spec.getForeignAuthUrl()))
            .role(
                Optional.ofNullable(fc.getStatus())
                    .map(status -> status.getRole())
                    .orElse(ForeignClusterRole.UNKNOWN));
    if (fc.getStatus() != null && fc.getStatus().getPeeringConditions() != null) {
      for (PeeringCondition condition : fc.getStatus().getPeeringConditions()) {
        if (condition.getType() == null) {
          continue;
        }
        peer.addConditions(
            PeerCondition.builder()
                .type(condition.getType())
                .status(
                    Objects.requireNonNullElse(condition.getStatus(), PeeringConditionStatus.NONE))
                .reason(Optional.ofNullable(condition.getReason()))
                .message(Optional.ofNullable(condition.getMessage()))
                .build());
      }
    }
    return peer.build();
  }

  private void refuseRenameWhilePeered(ClusterIdentity identity, String newName) {
    List<String> peered =
        installedPeers().stream().filter(PeerStatus::isPeered).map(PeerStatus::name).toList();
    if (!peered.isEmpty()) {
      throw new LiqoInstallationException(
          "cluster "
              + identity.clusterName()
              + " ("
              + identity.clusterId()
              + ") is peered with "
              + String.join(", ", peered)
              + " under its current name: unpeer first to rename it to "
              + newName
              + ", or keep the name (run 'liqoctl install' without --cluster-name)");
    }
  }

  private void refuseWhilePeeredOrOffloading() {
    List<PeerStatus> peered = installedPeers().stream().filter(PeerStatus::isPeered).toList();
    if (!peered.isEmpty()) {
      String self = readIdentity().map(ClusterIdentity::clusterName).orElse("<this cluster>");
      List<String> steps = new ArrayList<>();
      for (PeerStatus peer : peered) {
        if (peer.status(PeeringConditionType.OUTGOING_PEERING) != PeeringConditionStatus.NONE) {
          steps.add("liqoctl unpeer out-of-band " + peer.name());
        }
        if (peer.status(PeeringConditionType.INCOMING_PEERING) != PeeringConditionStatus.NONE) {
          steps.add(
              "liqoctl unpeer out-of-band "
                  + self
                  + "   # against "
                  + peer.name()
                  + ", which offloads to this cluster");
        }
      }
      throw new LiqoInstallationException(
          "Liqo cannot be uninstalled while this cluster is peered with "
              + peered.stream().map(PeerStatus::name).collect(Collectors.joining(", "))
              + "; unpeer first:\n  "
              + String.join("\n  ", steps));
    }
    if (crdInstalled(LiqoCrds.name(NamespaceOffloading.class))) {
      List<String> offloaded =
          client.resources(NamespaceOffloading.class).inAnyNamespace().list().getItems().stream()
              .map(o -> o.getMetadata().getNamespace())
              .distinct()
              .sorted()
              .toList();
      if (!offloaded.isEmpty()) {
        throw new LiqoInstallationException(
            "Liqo cannot be uninstalled while namespaces are offloaded; unoffload them first:\n  "
                + offloaded.stream()
                    .map(ns -> "liqoctl unoffload namespace " + ns)
                    .collect(Collectors.joining("\n  ")));
      }
    }
  }

  private List<PeerStatus> installedPeers() {
    return crdInstalled(LiqoCrds.name(ForeignCluster.class)) ? peers() : List.of();
  }

  private boolean crdInstalled(String name) {
    CustomResourceDefinition crd =
        client.apiextensions().v1().customResourceDefinitions().withName(name).get();
    return crd != null;
  }

  private void ensureNamespace(String name) {
    if (client.namespaces().withName(name).get() != null) {
      return;
    }
    try {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
          .create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
    }
  }

  private void awaitNamespaceDeleted(String name) {
    Instant deadline = Instant.now().plus(timeout);
    Instant nextReport = Instant.now().plus(PROGRESS_INTERVAL);
    Set<String> reported = new HashSet<>();
    while (true) {
      Namespace namespace = client.namespaces().withName(name).get();
      if (namespace == null) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new LiqoInstallationException(
            "namespace "
                + name
                + " was not deleted within "
                + timeout.toSeconds()
                + "s; its conditions: "
                + conditions(namespace)
                + ". Check what keeps it with 'kubectl get namespace "
                + name
                + " -o yaml'");
      }
      if (Instant.now().isAfter(nextReport) && reported.add(conditions(namespace))) {
        progress.accept("  still deleting namespace " + name + ": " + conditions(namespace));
        nextReport = Instant.now().plus(PROGRESS_INTERVAL);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LiqoInstallationException("interrupted while deleting namespace " + name, e);
      }
    }
  }

  private static String conditions(Namespace namespace) {
    if (namespace.getStatus() == null
        || namespace.getStatus().getConditions() == null
        || namespace.getStatus().getConditions().isEmpty()) {
      return "none reported yet";
    }
    return namespace.getStatus().getConditions().stream()
        .filter(c -> "True".equals(c.getStatus()))
        .map(c -> c.getType() + (c.getMessage() == null ? "" : " (" + c.getMessage() + ")"))
        .collect(Collectors.joining(", "));
  }

  private static String format(Map<String, String> labels) {
    return labels.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }
}
