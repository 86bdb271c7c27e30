package io.liqojava.core.authentication;

import io.fabric8.kubernetes.api.model.ConfigBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.authentication.AuthenticationException.Reason;
import io.liqojava.core.identity.ClusterIdentityStore;
import io.liqojava.core.identity.LiqoNamespace;
import io.liqojava.core.runtime.ServerSideApply;
import io.liqojava.core.tenant.TenantNamespaces;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The consumer side of authentication: this cluster's identities in its providers.
 *
 * <p>An identity in a provider is the Secret {@value #SECRET} in this cluster's tenant namespace of
 * that provider ({@code liqo-tenant-<provider ID>}), with a complete kubeconfig to the provider
 * (server, CA, client certificate {@code CN=<this cluster ID>, O=liqo.io} and its key; the context
 * namespace is this cluster's tenant namespace in the provider) under {@value #KUBECONFIG_KEY}, and
 * the provider's cluster ID under {@value #CLUSTER_ID_KEY}.
 *
 * <p>Obtain one out of band with {@link #authenticate} (through the provider's {@link
 * AuthenticationServer}), or, holding the provider's credentials, with {@link #establish} (no HTTP
 * involved); then use it with {@link #client(String)}.
 */
public final class RemoteIdentity {

  /** The name of the identity Secret in a tenant namespace. */
  public static final String SECRET = "liqo-identity";

  /** The Secret key of the kubeconfig. */
  public static final String KUBECONFIG_KEY = "kubeconfig";

  /** The Secret key of the provider's cluster ID. */
  public static final String CLUSTER_ID_KEY = "clusterID";

  private final KubernetesClient client;
  private final ClusterIdentity local;

  /**
   * The identities of the cluster {@code client} talks to, which is {@code local}.
   *
   * @param client a client of this (the consumer) cluster, allowed to manage Secrets in tenant
   *     namespaces and in {@code liqo}
   * @param local this cluster's identity
   */
  public RemoteIdentity(KubernetesClient client, ClusterIdentity local) {
    this.client = Objects.requireNonNull(client, "client");
    this.local = Objects.requireNonNull(local, "local");
  }

  /**
   * The identities of the cluster {@code client} talks to, whose own identity {@code liqoctl
   * install} stored.
   *
   * @throws IllegalStateException when the cluster has no identity
   */
  public static RemoteIdentity of(KubernetesClient client) {
    ClusterIdentity local =
        new ClusterIdentityStore(client)
            .read()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "this cluster has no Liqo identity: run 'liqoctl install' first"));
    return new RemoteIdentity(client, local);
  }

  /** This cluster's identity. */
  public ClusterIdentity local() {
    return local;
  }

  /**
   * Obtains an identity from the authentication service of the provider {@code providerClusterId}
   * at {@code authUrl}, and stores it: checks that the URL serves that cluster, mints a peering
   * token for the provider (so that it can peer back), sends a new CSR with {@code token}.
   *
   * @param auth the client to the authentication service
   * @param authUrl the provider's authentication service
   * @param providerClusterId the provider's cluster ID, as {@code generate peer-command} printed it
   * @param token the provider's auth token
   * @param ownAuthUrl this cluster's authentication service, for the provider to peer back; may be
   *     {@code null}
   * @return what the provider issued
   * @throws AuthenticationException when no identity was obtained; nothing is stored then
   */
  public IssuedIdentity authenticate(
      AuthenticationClient auth,
      URI authUrl,
      String providerClusterId,
      String token,
      URI ownAuthUrl) {
    ClusterInfo provider = auth.clusterIdentity(authUrl);
    if (!provider.clusterId().equals(providerClusterId)) {
      throw new AuthenticationException(
          Reason.WRONG_CLUSTER,
          "the authentication service at "
              + authUrl
              + " belongs to cluster "
              + provider.clusterId()
              + " ("
              + provider.clusterName()
              + "), not "
              + providerClusterId
              + ": check the --auth-url and --cluster-id");
    }
    AuthTokens tokens = new AuthTokens(client);
    boolean minted = tokens.peeringToken(providerClusterId).isEmpty();
    String peeringToken = tokens.mintPeeringToken(providerClusterId);
    PendingIdentity pending = PendingIdentity.generate(local.clusterId());
    IdentityRequest request =
        new IdentityRequest(
            local.clusterId(),
            local.clusterName(),
            token,
            pending.csrPem(),
            ownAuthUrl == null ? null : ownAuthUrl.toString(),
            peeringToken);
    IssuedIdentity issued;
    try {
      issued = auth.requestIdentity(authUrl, request);
    } catch (AuthenticationException e) {
      if (minted) {
        tokens.deletePeeringToken(providerClusterId); // leave nothing behind
      }
      throw e;
    }
    if (!issued.clusterId().equals(providerClusterId)) {
      throw new AuthenticationException(
          Reason.WRONG_CLUSTER,
          "the authentication service at "
              + authUrl
              + " issued an identity of cluster "
              + issued.clusterId()
              + ", not "
              + providerClusterId
              + ": check the --auth-url and --cluster-id");
    }
    store(pending, issued);
    return issued;
  }

  /**
   * Obtains an identity from a provider whose {@link IdentityIssuer} this process holds (its admin
   * credentials, as in {@code liqoctl peer --remote-kubeconfig}), without HTTP and without token,
   * and stores it.
   *
   * @return what the provider issued
   * @throws AuthenticationException when the provider refuses ({@link Reason#NAME_CONFLICT}, {@link
   *     Reason#REJECTED}); nothing is stored then
   */
  public IssuedIdentity establish(IdentityIssuer providerIssuer) {
    PendingIdentity pending = PendingIdentity.generate(local.clusterId());
    IssuedIdentity issued =
        providerIssuer.issue(
            new IdentityRequest(
                local.clusterId(), local.clusterName(), null, pending.csrPem(), null, null));
    store(pending, issued);
    return issued;
  }

  /**
   * Stores the identity {@code issued} for {@code pending} as the Secret {@value #SECRET} in the
   * tenant namespace of the provider, creating the namespace if needed, and replacing a previous
   * identity.
   *
   * @return the stored Secret
   * @throws AuthenticationException ({@link Reason#PROTOCOL_ERROR}) when the certificate does not
   *     certify the pending key
   */
  public Secret store(PendingIdentity pending, IssuedIdentity issued) {
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(issued, "issued");
    ClusterIdentity.checkDnsLabel("provider cluster ID", issued.clusterId());
    boolean matches;
    try {
      matches = pending.matches(issued.certificate());
    } catch (IllegalArgumentException e) {
      matches = false;
    }
    if (!matches) {
      throw new AuthenticationException(
          Reason.PROTOCOL_ERROR,
          "the certificate issued by cluster "
              + issued.clusterId()
              + " does not certify the key this cluster sent: authenticate again");
    }
    String tenant = TenantNamespaces.ensure(client, issued.clusterId());
    Map<String, String> data = new LinkedHashMap<>();
    data.put(KUBECONFIG_KEY, base64(kubeconfig(pending, issued)));
    data.put(CLUSTER_ID_KEY, base64(issued.clusterId()));
    return ServerSideApply.apply(
        client,
        new SecretBuilder()
            .withNewMetadata()
            .withName(SECRET)
            .withNamespace(tenant)
            .addToLabels(Labels.REMOTE_CLUSTER_ID, issued.clusterId())
            .addToLabels(LiqoNamespace.MANAGED_BY_LABEL, LiqoNamespace.MANAGED_BY_VALUE)
            .endMetadata()
            .withType("Opaque")
            .withData(data)
            .build());
  }

  /** The kubeconfig of this cluster's identity in {@code providerClusterId}, if it has one. */
  public Optional<String> kubeconfig(String providerClusterId) {
    Secret secret =
        client
            .secrets()
            .inNamespace(TenantNamespaces.nameFor(providerClusterId))
            .withName(SECRET)
            .get();
    if (secret == null || secret.getData() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(secret.getData().get(KUBECONFIG_KEY))
        .map(value -> new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8));
  }

  /** The fabric8 configuration of this cluster's identity in {@code providerClusterId}, if any. */
  public Optional<Config> config(String providerClusterId) {
    return kubeconfig(providerClusterId).map(Config::fromKubeconfig);
  }

  /**
   * A new client to the provider {@code providerClusterId}, acting as this cluster's identity
   * there; the caller closes it.
   *
   * @throws IllegalStateException when this cluster has no identity in that provider
   */
  public KubernetesClient client(String providerClusterId) {
    Config config =
        config(providerClusterId)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "this cluster has no identity in cluster "
                            + providerClusterId
                            + " (no Secret "
                            + TenantNamespaces.nameFor(providerClusterId)
                            + "/"
                            + SECRET
                            + "): peer with it first"));
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** When the client certificate of the identity in {@code providerClusterId} expires, if any. */
  public Optional<Instant> certificateExpiry(String providerClusterId) {
    return config(providerClusterId)
        .map(Config::getClientCertData)
        .map(data -> new String(Base64.getMimeDecoder().decode(data), StandardCharsets.US_ASCII))
        .map(pem -> Pki.parseCertificate(pem).getNotAfter().toInstant());
  }

  /**
   * Deletes this cluster's identity in {@code providerClusterId}. Idempotent.
   *
   * @return whether there was one
   */
  public boolean delete(String providerClusterId) {
    return !client
        .secrets()
        .inNamespace(TenantNamespaces.nameFor(providerClusterId))
        .withName(SECRET)
        .delete()
        .isEmpty();
  }

  private String kubeconfig(PendingIdentity pending, IssuedIdentity issued) {
    String cluster = issued.clusterName() == null ? issued.clusterId() : issued.clusterName();
    String user = local.clusterId();
    io.fabric8.kubernetes.api.model.Config kubeconfig =
        new ConfigBuilder()
            .withApiVersion("v1")
            .withKind("Config")
            .addNewCluster()
            .withName(cluster)
            .withNewCluster()
            .withServer(issued.apiServerUrl())
            .withCertificateAuthorityData(base64(issued.apiServerCa()))
            .endCluster()
            .endCluster()
            .addNewUser()
            .withName(user)
            .withNewUser()
            .withClientCertificateData(base64(issued.certificate()))
            .withClientKeyData(base64(pending.privateKeyPem()))
            .endUser()
            .endUser()
            .addNewContext()
            .withName(cluster)
            .withNewContext()
            .withCluster(cluster)
            .withUser(user)
            .withNamespace(issued.tenantNamespace())
            .endContext()
            .endContext()
            .withCurrentContext(cluster)
            .build();
    return client.getKubernetesSerialization().asYaml(kubeconfig);
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }
}
