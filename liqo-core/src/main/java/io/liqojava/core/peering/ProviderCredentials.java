package io.liqojava.core.peering;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.liqojava.api.authentication.v1beta1.ResourceSlice;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.authentication.AuthTokens;
import io.liqojava.core.authentication.AuthenticationClient;
import io.liqojava.core.authentication.AuthenticationException;
import io.liqojava.core.authentication.RemoteIdentity;
import io.liqojava.core.tenant.TenantNamespaces;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This cluster's credentials towards its providers, as the outgoing peering controller needs them:
 * the tokens to authenticate with, the identities obtained, and one cached client per provider
 * built from its identity (short timeouts, so that an unreachable provider fails fast).
 */
final class ProviderCredentials implements AutoCloseable {

  private static final int REMOTE_TIMEOUT_MILLIS = 10_000;

  private final KubernetesClient client;
  private final ClusterIdentity local;
  private final URI localAuthUrl;
  private final AuthTokens tokens;
  private final AuthenticationClient authentication = new AuthenticationClient();
  private final Map<String, KubernetesClient> remotes = new ConcurrentHashMap<>();

  /** Credentials for peering commands that only store tokens. */
  ProviderCredentials(KubernetesClient client) {
    this(client, null, null);
  }

  /**
   * @param local this cluster's identity
   * @param localAuthUrl this cluster's authentication service, told to providers so that they can
   *     peer back; may be null
   */
  ProviderCredentials(KubernetesClient client, ClusterIdentity local, String localAuthUrl) {
    this.client = client;
    this.local = local;
    this.localAuthUrl = localAuthUrl == null ? null : URI.create(localAuthUrl);
    this.tokens = new AuthTokens(client);
  }

  /** The Secret, in the provider's tenant namespace, holding this cluster's identity there. */
  String secretName() {
    return RemoteIdentity.SECRET;
  }

  void storeToken(String providerId, String token) {
    tokens.storeRemoteToken(providerId, token);
  }

  boolean hasToken(String providerId) {
    return tokens.remoteToken(providerId).isPresent();
  }

  void deleteToken(String providerId) {
    tokens.deleteRemoteToken(providerId);
  }

  void deletePeeringToken(String remoteId) {
    tokens.deletePeeringToken(remoteId);
  }

  /** Whether this cluster holds an identity in the provider {@code providerId}. */
  boolean exists(String providerId) {
    return identities().kubeconfig(providerId).isPresent();
  }

  /** When the certificate of this cluster's identity in the provider {@code providerId} expires. */
  Optional<Instant> expiry(String providerId) {
    return identities().certificateExpiry(providerId);
  }

  /**
   * Forgets this cluster's identity in the provider of {@code fc} without touching the provider,
   * before asking it for a new one.
   */
  void dropIdentity(ForeignCluster fc) {
    String providerId = fc.getSpec().getClusterID();
    identities().delete(providerId);
    KubernetesClient cached = remotes.remove(providerId);
    if (cached != null) {
      cached.close();
    }
  }

  /** Whether this cluster can ask the provider of {@code fc} for an identity by itself. */
  boolean canAuthenticate(ForeignCluster fc) {
    String authUrl = fc.getSpec().getForeignAuthUrl();
    return authUrl != null && !authUrl.isBlank() && hasToken(fc.getSpec().getClusterID());
  }

  /** The client to the provider of {@code fc}, if this cluster holds an identity there. */
  Optional<KubernetesClient> client(ForeignCluster fc) {
    String providerId = fc.getSpec().getClusterID();
    KubernetesClient cached = remotes.get(providerId);
    if (cached != null) {
      return Optional.of(cached);
    }
    return identities()
        .config(providerId)
        .map(config -> remotes.computeIfAbsent(providerId, id -> build(config)));
  }

  /**
   * Obtains an identity from the provider of {@code fc} through its authentication service.
   *
   * @throws AuthenticationException when the service refused or could not be reached
   * @throws PeeringException when this cluster lacks what it needs to ask (URL, token)
   */
  void authenticate(ForeignCluster fc) {
    String name = fc.getMetadata().getName();
    String providerId = fc.getSpec().getClusterID();
    String authUrl = fc.getSpec().getForeignAuthUrl();
    if (authUrl == null || authUrl.isBlank()) {
      throw new PeeringException(
          "ForeignCluster "
              + name
              + " has no spec.foreignAuthUrl and this cluster holds no identity in "
              + name
              + ": peer with 'liqoctl peer out-of-band' or 'liqoctl peer --remote-kubeconfig'");
    }
    String token =
        tokens
            .remoteToken(providerId)
            .orElseThrow(
                () ->
                    new PeeringException(
                        "no auth token is stored for "
                            + name
                            + " (Secret liqo/"
                            + AuthTokens.remoteTokenSecret(providerId)
                            + "): run 'liqoctl peer out-of-band' again with the command that"
                            + " 'liqoctl generate peer-command' prints on "
                            + name));
    try {
      identities()
          .authenticate(authentication, URI.create(authUrl), providerId, token, localAuthUrl);
    } catch (AuthenticationException e) {
      throw new PeeringException(e.getMessage(), e);
    }
  }

  /**
   * Gives back what this cluster holds in the provider of {@code fc} — its ResourceSlice — and
   * deletes its identity there. Never fails: what could not be removed in the provider is returned,
   * with how to remove it.
   */
  List<String> release(ForeignCluster fc) {
    String providerId = fc.getSpec().getClusterID();
    List<String> leftovers = new ArrayList<>();
    Optional<KubernetesClient> remote = client(fc);
    if (remote.isPresent()) {
      String namespace = TenantNamespaces.nameFor(local.clusterId());
      try {
        remote
            .get()
            .resources(ResourceSlice.class)
            .inNamespace(namespace)
            .withName(local.clusterId())
            .delete();
      } catch (KubernetesClientException e) {
        leftovers.add(
            "the ResourceSlice "
                + namespace
                + "/"
                + local.clusterId()
                + " in cluster "
                + providerId
                + " could not be deleted ("
                + e.getMessage()
                + "); when it is reachable again, run 'liqoctl unpeer' there or delete the namespace "
                + namespace);
      }
    }
    identities().delete(providerId);
    KubernetesClient cached = remotes.remove(providerId);
    if (cached != null) {
      cached.close();
    }
    return leftovers;
  }

  @Override
  public void close() {
    remotes.values().forEach(KubernetesClient::close);
    remotes.clear();
  }

  private RemoteIdentity identities() {
    return local == null ? RemoteIdentity.of(client) : new RemoteIdentity(client, local);
  }

  private static KubernetesClient build(Config config) {
    config.setConnectionTimeout(REMOTE_TIMEOUT_MILLIS);
    config.setRequestTimeout(REMOTE_TIMEOUT_MILLIS);
    config.setRequestRetryBackoffLimit(1);
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}
