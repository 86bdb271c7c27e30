package io.liqojava.core.agent;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.authentication.AuthTokens;
import io.liqojava.core.authentication.AuthenticationServer;
import io.liqojava.core.authentication.AuthenticationServerSettings;
import io.liqojava.core.authentication.IdentityIssuer;
import io.liqojava.core.authentication.ImmutableAuthenticationServerSettings;
import io.liqojava.core.identity.ClusterIdentityStore;
import io.liqojava.core.offloading.NamespaceOffloadings;
import io.liqojava.core.peering.OutgoingPeerings;
import io.liqojava.core.podoffloading.PodOffloading;
import io.liqojava.core.reflection.PeerReflections;
import io.liqojava.core.reflection.ReflectorRegistry;
import io.liqojava.core.remotenamespace.RemoteNamespaces;
import io.liqojava.core.resources.ResourceSharing;
import io.liqojava.core.resources.ResourceSharingConfig;
import io.liqojava.core.shadowpod.ShadowPods;
import io.liqojava.core.virtualnode.ProviderListener;
import io.liqojava.core.virtualnode.VirtualNodes;
import io.liqojava.core.virtualnode.VirtualNodesConfig;
import io.liqojava.core.webhook.Webhooks;
import io.liqojava.net.spi.AddressRemapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The liqo-java agent of one cluster: everything that runs there for peering. It serves the
 * authentication service, grants resources to consumers, creates the twin namespaces they ask for
 * and keeps their offloaded pods alive (provider side); establishes outgoing peerings, runs the
 * virtual nodes of this cluster's providers, offloads namespaces and pods to them and reflects
 * resources ({@link #reflection()}) (consumer side); serves the admission webhooks and renews its
 * heartbeat. The {@code agent} launcher wraps it; an operator can embed it the same way.
 *
 * <pre>{@code
 * try (LiqoAgent agent = LiqoAgent.start(client, AgentConfig.defaults())) {
 *   ... // runs until closed
 * }
 * }</pre>
 */
public final class LiqoAgent implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LiqoAgent.class);
  private static final Duration IDENTITY_POLL = Duration.ofSeconds(1);
  private static final Duration IDENTITY_LOG_EVERY = Duration.ofSeconds(10);
  private static final Duration SERVICE_POLL = Duration.ofSeconds(2);
  private static final Duration SERVICE_LOG_EVERY = Duration.ofSeconds(30);

  private final ClusterIdentity identity;
  private final String authUrl;
  private final PeerReflections reflections;
  private final Deque<AutoCloseable> parts;

  private LiqoAgent(
      ClusterIdentity identity,
      String authUrl,
      PeerReflections reflections,
      Deque<AutoCloseable> parts) {
    this.identity = identity;
    this.authUrl = authUrl;
    this.reflections = reflections;
    this.parts = parts;
  }

  /**
   * Starts the agent for the cluster {@code client} talks to. Waits until {@code liqoctl install}
   * has written the cluster identity, then starts every part; returns once all run.
   *
   * @param client a client of this cluster with the agent's permissions; the agent does not close
   *     it
   */
  public static LiqoAgent start(KubernetesClient client, AgentConfig config) {
    return start(client, config, ReflectorRegistry.discover(), new SimpleMeterRegistry());
  }

  /**
   * Starts the agent as {@link #start(KubernetesClient, AgentConfig)} does, reflecting with the
   * providers of {@code reflectors} and publishing metrics to {@code meters}.
   *
   * @throws IllegalArgumentException when the reflection configuration names a provider that {@code
   *     reflectors} lacks
   */
  public static LiqoAgent start(
      KubernetesClient client,
      AgentConfig config,
      ReflectorRegistry reflectors,
      MeterRegistry meters) {
    Objects.requireNonNull(client, "client");
    ClusterIdentity identity = awaitIdentity(client);
    LOG.info(
        "starting the liqo-java agent of cluster {} ({})",
        identity.clusterName(),
        identity.clusterId());
    Deque<AutoCloseable> parts = new ArrayDeque<>();
    try {
      AuthTokens tokens = new AuthTokens(client);
      tokens.ensureClusterToken();
      IdentityIssuer issuer =
          config.apiServerUrl().isPresent()
              ? new IdentityIssuer(
                  client,
                  config.apiServerUrl().get(),
                  IdentityIssuer.caPemOf(client.getConfiguration()))
              : new IdentityIssuer(client);
      ImmutableAuthenticationServerSettings.Builder serverSettings =
          AuthenticationServerSettings.builder()
              .bindAddress(config.authBindAddress())
              .port(config.authPort());
      config
          .authAdvertisedUrl()
          .map(URI::create)
          .map(URI::getHost)
          .ifPresent(serverSettings::advertisedHost);
      AuthenticationServer server =
          new AuthenticationServer(
                  tokens, issuer, new ClusterIdentityStore(client), serverSettings.build())
              .start();
      parts.push(server);
      String authUrl =
          config
              .authAdvertisedUrl()
              .orElseGet(
                  () ->
                      config
                          .authService()
                          .map(service -> awaitAuthServiceUrl(client, service))
                          .orElse(server.url().toString()));
      AuthServiceEndpoint.publish(client, authUrl);
      LOG.info("authentication service listening at {}", authUrl);

      if (config.webhooksEnabled()) {
        Webhooks webhooks = Webhooks.start(client, config.webhooks());
        parts.push(webhooks);
        LOG.info("admission webhooks served at {}", webhooks.url());
      }

      ResourceSharing sharing =
          new ResourceSharing(
              client,
              ResourceSharingConfig.builder()
                  .sharingPercentage(config.resourceSharingPercentage())
                  .clusterId(identity.clusterId())
                  .build(),
              issuer::revoke);
      sharing.start();
      parts.push(sharing);

      PeerReflections reflections =
          new PeerReflections(client, identity, config.reflection(), reflectors, meters);
      parts.push(reflections);
      LOG.info("reflectors: {}", reflectors);

      // Provider side: twin namespaces for consumers' NamespaceMaps, pods kept alive from
      // ShadowPods.
      RemoteNamespaces remoteNamespaces = new RemoteNamespaces(client);
      remoteNamespaces.start();
      parts.push(remoteNamespaces);
      ShadowPods shadowPods = new ShadowPods(client);
      shadowPods.start();
      parts.push(shadowPods);

      // Consumer side: pods on virtual nodes and namespace offloading towards each provider.
      PodOffloading pods =
          new PodOffloading(
              client, identity, AddressRemapper.identity(), config.podOffloading(), meters);
      parts.push(pods);
      NamespaceOffloadings offloadings =
          new NamespaceOffloadings(client, identity, List.of(reflections, pods));
      offloadings.start();
      parts.push(offloadings);

      VirtualNodes virtualNodes =
          new VirtualNodes(
              client,
              VirtualNodesConfig.defaults(),
              ProviderListener.all(List.of(reflections, pods, offloadings)));
      virtualNodes.start();
      parts.push(virtualNodes);

      OutgoingPeerings outgoing = new OutgoingPeerings(client, identity, authUrl, 2);
      outgoing.start();
      parts.push(outgoing);

      ScheduledExecutorService timers =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread thread = new Thread(r, "liqo-agent-heartbeat");
                thread.setDaemon(true);
                return thread;
              });
      parts.push(timers::shutdownNow);
      parts.push(new AgentHeartbeat(client, identity.clusterId(), timers));
      LOG.info("the liqo-java agent of cluster {} is running", identity.clusterName());
      return new LiqoAgent(identity, authUrl, reflections, parts);
    } catch (RuntimeException e) {
      new LiqoAgent(identity, null, null, parts).close();
      throw e;
    }
  }

  /** The URL of the authentication service's Service, once it has an address. */
  private static String awaitAuthServiceUrl(
      KubernetesClient client, AuthServiceEndpoint.ServiceName service) {
    Instant nextLog = Instant.now();
    while (true) {
      try {
        return AuthServiceEndpoint.resolve(client, service);
      } catch (IllegalStateException e) {
        if (!Instant.now().isBefore(nextLog)) {
          LOG.info(
              "waiting to advertise the authentication service through the Service {}: {}",
              service,
              e.getMessage());
          nextLog = Instant.now().plus(SERVICE_LOG_EVERY);
        }
      }
      try {
        Thread.sleep(SERVICE_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(
            "interrupted while waiting for the address of the Service " + service, e);
      }
    }
  }

  private static ClusterIdentity awaitIdentity(KubernetesClient client) {
    ClusterIdentityStore store = new ClusterIdentityStore(client);
    Instant nextLog = Instant.now();
    while (true) {
      var identity = store.read();
      if (identity.isPresent()) {
        return identity.get();
      }
      if (!Instant.now().isBefore(nextLog)) {
        LOG.info(
            "waiting for 'liqoctl install' to give cluster {} its identity", client.getMasterUrl());
        nextLog = Instant.now().plus(IDENTITY_LOG_EVERY);
      }
      try {
        Thread.sleep(IDENTITY_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the cluster identity", e);
      }
    }
  }

  /** This cluster's identity. */
  public ClusterIdentity identity() {
    return identity;
  }

  /** The URL of this cluster's authentication service, as advertised to consumers. */
  public String authUrl() {
    return authUrl;
  }

  /**
   * The reflection towards this cluster's providers: start and stop namespace pairs per provider.
   */
  public PeerReflections reflection() {
    return reflections;
  }

  /** Stops every part, the last started first. */
  @Override
  public void close() {
    while (!parts.isEmpty()) {
      AutoCloseable part = parts.pop();
      try {
        part.close();
      } catch (Exception e) {
        LOG.warn("error while stopping {}: {}", part, e.toString());
      }
    }
  }
}
