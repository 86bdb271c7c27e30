package io.liqojava.core.authentication;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestBuilder;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestCondition;
import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequestConditionBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.CertificateSigningRequestResource;
import io.liqojava.api.ApiGroups;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.core.v1beta1.ForeignClusterSpec;
import io.liqojava.api.core.v1beta1.PeeringConditionStatus;
import io.liqojava.api.core.v1beta1.PeeringConditionType;
import io.liqojava.api.core.v1beta1.PeeringEnabled;
import io.liqojava.api.core.v1beta1.PeeringType;
import io.liqojava.api.core.v1beta1.TenantNamespace;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.authentication.AuthenticationException.Reason;
import io.liqojava.core.identity.ClusterIdentityStore;
import io.liqojava.core.identity.LiqoNamespace;
import io.liqojava.core.peering.ForeignClusterConditions;
import io.liqojava.core.runtime.ServerSideApply;
import io.liqojava.core.tenant.TenantNamespaces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider side of authentication: turns an {@link IdentityRequest} into a least-privilege
 * identity on this cluster.
 *
 * <p>The caller has already checked the request's token (the {@link AuthenticationServer} does), or
 * there is none because an administrator holding both clusters' credentials drives the peering
 * ({@code liqoctl peer --remote-kubeconfig}, {@link RemoteIdentity#establish}). {@link
 * #issue(IdentityRequest)} then:
 *
 * <ol>
 *   <li>checks the request (cluster ID and name are DNS labels; the CSR is well formed, signed, for
 *       {@code CN=<cluster ID>} and asks for no group but {@code liqo.io}) and that no other
 *       cluster uses the consumer's name here; a failure changes nothing;
 *   <li>creates the consumer's tenant namespace and, if absent, a ForeignCluster for it (outgoing
 *       peering {@code No}, incoming {@code Auto}, the consumer's auth URL when given);
 *   <li>keeps the consumer's peering token as {@code liqo/remote-token-<consumer ID>};
 *   <li>has the certificate signed through the CertificateSigningRequest API (object {@code
 *       liqo-identity-<consumer ID>}, signer {@value #SIGNER}), approving it itself;
 *   <li>grants the Role {@value #ROLE} in the tenant namespace to User {@code <consumer ID>}: its
 *       ResourceSlices and NamespaceMaps (and reading their status), nothing cluster-wide;
 *   <li>marks the ForeignCluster's authentication {@code Established}.
 * </ol>
 *
 * <p>Issuing again for the same consumer replaces its certificate; {@link #revoke(String)} takes
 * the permissions away. Requests for one consumer are serialized; different consumers proceed in
 * parallel.
 */
public final class IdentityIssuer {

  /** The name of the Role and RoleBinding of a consumer in its tenant namespace. */
  public static final String ROLE = "liqo-tenant";

  /** Prefix of the CertificateSigningRequest of a consumer's identity. */
  public static final String CSR_PREFIX = "liqo-identity-";

  /** The signer of consumer identities: the API server's client CA. */
  public static final String SIGNER = "kubernetes.io/kube-apiserver-client";

  /** How long {@link #issue} waits for the certificate when no timeout is given. */
  public static final Duration DEFAULT_CERTIFICATE_TIMEOUT = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(IdentityIssuer.class);
  private static final String RBAC_GROUP = "rbac.authorization.k8s.io";

  private final KubernetesClient client;
  private final String apiServerUrl;
  private final String apiServerCa;
  private final Duration certificateTimeout;
  private final ClusterIdentityStore identities;
  private final AuthTokens tokens;
  private final ForeignClusterConditions conditions;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();

  /**
   * An issuer whose identities point at the API server {@code client} talks to, as its
   * configuration has it (master URL and CA certificate).
   *
   * @throws IllegalArgumentException when the configuration has no CA certificate
   */
  public IdentityIssuer(KubernetesClient client) {
    this(
        client,
        client.getConfiguration().getMasterUrl(),
        caPemOf(client.getConfiguration()),
        DEFAULT_CERTIFICATE_TIMEOUT);
  }

  /**
   * An issuer whose identities point at {@code apiServerUrl}, waiting at most {@link
   * #DEFAULT_CERTIFICATE_TIMEOUT} for certificates.
   *
   * @see #IdentityIssuer(KubernetesClient, String, String, Duration)
   */
  public IdentityIssuer(KubernetesClient client, String apiServerUrl, String apiServerCa) {
    this(client, apiServerUrl, apiServerCa, DEFAULT_CERTIFICATE_TIMEOUT);
  }

  /**
   * An issuer whose identities point at {@code apiServerUrl}, for when consumers reach the API
   * server at another address than this process does (a load balancer, a NodePort).
   *
   * @param client a client of this cluster allowed to manage namespaces, ForeignClusters, Secrets
   *     in {@code liqo}, Roles and RoleBindings, and to create and approve CSRs for {@value
   *     #SIGNER}
   * @param apiServerUrl the API server URL consumers use; https
   * @param apiServerCa the PEM CA certificate(s) consumers trust the API server with
   * @param certificateTimeout how long to wait for the CSR signer; positive
   */
  public IdentityIssuer(
      KubernetesClient client,
      String apiServerUrl,
      String apiServerCa,
      Duration certificateTimeout) {
    this.client = Objects.requireNonNull(client, "client");
    this.apiServerUrl = stripTrailingSlash(checkUrl(apiServerUrl));
    this.apiServerCa = checkCa(apiServerCa);
    this.certificateTimeout = Objects.requireNonNull(certificateTimeout, "certificateTimeout");
    if (certificateTimeout.isNegative() || certificateTimeout.isZero()) {
      throw new IllegalArgumentException("certificateTimeout must be positive");
    }
    this.identities = new ClusterIdentityStore(client);
    this.tokens = new AuthTokens(client);
    this.conditions = new ForeignClusterConditions(client);
  }

  /** The API server URL written into issued identities. */
  public String apiServerUrl() {
    return apiServerUrl;
  }

  /** The name of the CertificateSigningRequest for the identity of {@code consumerClusterId}. */
  public static String csrName(String consumerClusterId) {
    return CSR_PREFIX + consumerClusterId;
  }

  /**
   * Issues an identity to the consumer described by {@code request}; see the class description. The
   * request's token, if any, is ignored: check it before.
   *
   * @throws AuthenticationException {@link Reason#REJECTED} when the request is malformed (the
   *     message names the field), {@link Reason#NAME_CONFLICT} when another cluster uses the
   *     consumer's name here; nothing was changed in either case
   * @throws IllegalStateException when this cluster has no identity, or the certificate was not
   *     issued in time
   * @throws KubernetesClientException when the API server refuses a write
   */
  public IssuedIdentity issue(IdentityRequest request) {
    Objects.requireNonNull(request, "request");
    ClusterIdentity self = selfIdentity();
    checkRequest(request, self);
    String consumerId = request.clusterId();
    synchronized (locks.computeIfAbsent(consumerId, id -> new Object())) {
      Created created = new Created();
      try {
        return issueLocked(request, self, created);
      } catch (RuntimeException e) {
        undo(consumerId, created);
        throw e;
      }
    }
  }

  /** What one {@link #issue} call created, to be removed again if it fails half-way. */
  private static final class Created {
    String foreignCluster;
    boolean tenantNamespace;
    boolean csr;
    boolean remoteToken;
  }

  private IssuedIdentity issueLocked(
      IdentityRequest request, ClusterIdentity self, Created created) {
    String consumerId = request.clusterId();
    String foreignCluster = ensureForeignCluster(request, created);
    created.tenantNamespace = TenantNamespaces.find(client, consumerId).isEmpty();
    String tenant = TenantNamespaces.ensure(client, consumerId);
    if (request.peeringToken() != null) {
      created.remoteToken = tokens.remoteToken(consumerId).isEmpty();
      tokens.storeRemoteToken(consumerId, request.peeringToken());
    }
    created.csr = true;
    String certificate = signCertificate(consumerId, request.csr());
    grantTenantRole(consumerId, tenant);
    conditions.update(
        foreignCluster,
        status -> {
          TenantNamespace namespaces =
              status.getTenantNamespace() == null
                  ? new TenantNamespace()
                  : status.getTenantNamespace();
          namespaces.setLocal(tenant);
          status.setTenantNamespace(namespaces);
        });
    ForeignCluster fc = client.resources(ForeignCluster.class).withName(foreignCluster).get();
    // The outgoing direction's controller owns this condition when this cluster peers back.
    if (fc != null
        && ForeignClusterConditions.statusOf(fc, PeeringConditionType.AUTHENTICATION_STATUS)
            == PeeringConditionStatus.NONE) {
      conditions.set(
          foreignCluster,
          PeeringConditionType.AUTHENTICATION_STATUS,
          PeeringConditionStatus.ESTABLISHED,
          "IdentityIssued",
          "An identity was issued to " + request.clusterName() + " on this cluster");
    }
    LOG.info(
        "Issued an identity to cluster {} ({}) in tenant namespace {}",
        consumerId,
        request.clusterName(),
        tenant);
    return new IssuedIdentity(
        self.clusterId(),
        self.clusterName(),
        self.labels(),
        apiServerUrl,
        apiServerCa,
        certificate,
        tenant);
  }

  /**
   * Best effort: removes what a failed {@link #issue} created, so that it leaves nothing behind.
   * The RBAC of an earlier identity stays: a failed renewal does not break a working peering.
   */
  private void undo(String consumerId, Created created) {
    try {
      if (created.csr) {
        client
            .certificates()
            .v1()
            .certificateSigningRequests()
            .withName(csrName(consumerId))
            .delete();
      }
      if (created.remoteToken) {
        tokens.deleteRemoteToken(consumerId);
      }
      if (created.foreignCluster != null) {
        client.resources(ForeignCluster.class).withName(created.foreignCluster).delete();
      }
      if (created.tenantNamespace) {
        client.namespaces().withName(TenantNamespaces.nameFor(consumerId)).delete();
      }
    } catch (RuntimeException e) {
      LOG.warn(
          "Could not clean up after the failed identity request of cluster {}: {}",
          consumerId,
          e.getMessage());
    }
  }

  /**
   * Takes away the identity of {@code consumerClusterId}: deletes its RoleBinding and Role, so that
   * its certificate no longer grants anything, and its CSR object. Idempotent. (A Kubernetes client
   * certificate cannot be revoked; it keeps authenticating, but as a user with no rights.)
   */
  public void revoke(String consumerClusterId) {
    ClusterIdentity.checkDnsLabel("consumer cluster ID", consumerClusterId);
    synchronized (locks.computeIfAbsent(consumerClusterId, id -> new Object())) {
      String tenant = TenantNamespaces.nameFor(consumerClusterId);
      client.rbac().roleBindings().inNamespace(tenant).withName(ROLE).delete();
      client.rbac().roles().inNamespace(tenant).withName(ROLE).delete();
      client
          .certificates()
          .v1()
          .certificateSigningRequests()
          .withName(csrName(consumerClusterId))
          .delete();
      LOG.info("Revoked the identity of cluster {}", consumerClusterId);
    }
  }

  private ClusterIdentity selfIdentity() {
    return identities
        .read()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "this cluster has no Liqo identity (ConfigMap "
                        + LiqoNamespace.NAME
                        + "/"
                        + ClusterIdentityStore.CONFIG_MAP
                        + "): run 'liqoctl install' first"));
  }

  private static void checkRequest(IdentityRequest request, ClusterIdentity self) {
    try {
      ClusterIdentity.checkDnsLabel("clusterID", request.clusterId());
      ClusterIdentity.checkDnsLabel("clusterName", request.clusterName());
      Pki.parseCsr(request.csr(), request.clusterId());
      if (request.authUrl() != null) {
        checkAuthUrl(request.authUrl());
      }
      if (request.peeringToken() != null) {
        try {
          AuthTokens.checkTokenFormat(request.peeringToken());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "peeringToken is not valid: it must be 1 to 1024 printable ASCII characters");
        }
      }
    } catch (IllegalArgumentException e) {
      throw new AuthenticationException(Reason.REJECTED, e.getMessage(), e);
    }
    if (request.clusterId().equals(self.clusterId())) {
      throw new AuthenticationException(
          Reason.REJECTED,
          "clusterID '"
              + request.clusterId()
              + "' is the ID of this very cluster: a cluster cannot peer with itself");
    }
  }

  private static void checkAuthUrl(String authUrl) {
    try {
      URI uri = URI.create(authUrl);
      if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
        throw new IllegalArgumentException("not https");
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "authUrl '" + authUrl + "' is not valid: use https://<host>:<port>", e);
    }
  }

  /**
   * The name of the ForeignCluster for the consumer, created when there is none.
   *
   * @throws AuthenticationException when another cluster already uses the consumer's name
   */
  private String ensureForeignCluster(IdentityRequest request, Created created) {
    Optional<ForeignCluster> existing = foreignClusterOf(request.clusterId());
    if (existing.isPresent()) {
      ForeignCluster fc = existing.get();
      if (request.authUrl() != null && fc.getSpec().getForeignAuthUrl() == null) {
        client
            .resources(ForeignCluster.class)
            .withName(fc.getMetadata().getName())
            .edit(
                current -> {
                  current.getSpec().setForeignAuthUrl(request.authUrl());
                  return current;
                });
      }
      return fc.getMetadata().getName();
    }
    checkNameFree(request);
    ForeignCluster fc = new ForeignCluster();
    fc.getMetadata().setName(request.clusterName());
    fc.getMetadata()
        .setLabels(
            Map.of(
                Labels.REMOTE_CLUSTER_ID,
                request.clusterId(),
                LiqoNamespace.MANAGED_BY_LABEL,
                LiqoNamespace.MANAGED_BY_VALUE));
    ForeignClusterSpec spec = new ForeignClusterSpec();
    spec.setClusterID(request.clusterId());
    spec.setClusterName(request.clusterName());
    spec.setPeeringType(PeeringType.OUT_OF_BAND);
    spec.setOutgoingPeeringEnabled(PeeringEnabled.NO);
    spec.setIncomingPeeringEnabled(PeeringEnabled.AUTO);
    spec.setForeignAuthUrl(request.authUrl());
    fc.setSpec(spec);
    try {
      client.resources(ForeignCluster.class).resource(fc).create();
      created.foreignCluster = request.clusterName();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      // Created concurrently: by a request for the same cluster (fine) or another (a conflict).
      checkNameFree(request);
    }
    return request.clusterName();
  }

  private void checkNameFree(IdentityRequest request) {
    ForeignCluster sameName =
        client.resources(ForeignCluster.class).withName(request.clusterName()).get();
    if (sameName != null
        && sameName.getSpec() != null
        && !request.clusterId().equals(sameName.getSpec().getClusterID())) {
      throw new AuthenticationException(
          Reason.NAME_CONFLICT,
          "name "
              + request.clusterName()
              + " is already used by cluster "
              + sameName.getSpec().getClusterID()
              + " on this cluster: give the consumer another name ('liqoctl install"
              + " --cluster-name'), or delete the stale ForeignCluster "
              + request.clusterName()
              + " here if that cluster is gone");
    }
  }

  private Optional<ForeignCluster> foreignClusterOf(String clusterId) {
    return client.resources(ForeignCluster.class).list().getItems().stream()
        .filter(fc -> fc.getSpec() != null && clusterId.equals(fc.getSpec().getClusterID()))
        .findFirst();
  }

  /** Creates and approves the CSR, replacing a previous one, and returns the signed PEM. */
  private String signCertificate(String consumerId, String csrPem) {
    String name = csrName(consumerId);
    CertificateSigningRequestResource<CertificateSigningRequest> resource =
        client.certificates().v1().certificateSigningRequests().withName(name);
    if (resource.get() != null) {
      resource.delete();
      resource.waitUntilCondition(
          Objects::isNull, certificateTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    CertificateSigningRequest csr =
        new CertificateSigningRequestBuilder()
            .withNewMetadata()
            .withName(name)
            .addToLabels(Labels.REMOTE_CLUSTER_ID, consumerId)
            .addToLabels(LiqoNamespace.MANAGED_BY_LABEL, LiqoNamespace.MANAGED_BY_VALUE)
            .endMetadata()
            .withNewSpec()
            .withRequest(
                Base64.getEncoder().encodeToString(csrPem.getBytes(StandardCharsets.US_ASCII)))
            .withSignerName(SIGNER)
            .withUsages("digital signature", "key encipherment", "client auth")
            .endSpec()
            .build();
    client.certificates().v1().certificateSigningRequests().resource(csr).create();
    CertificateSigningRequestCondition approval =
        new CertificateSigningRequestConditionBuilder()
            .withType("Approved")
            .withStatus("True")
            .withReason("LiqoPeering")
            .withMessage("Identity of Liqo peer " + consumerId + ", approved by liqo-java")
            .build();
    try {
      resource.approve(approval);
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_FORBIDDEN) {
        throw new IllegalStateException(
            "this agent may not approve certificate requests for "
                + SIGNER
                + ": grant it 'update' on certificatesigningrequests/approval and 'approve' on"
                + " signers "
                + SIGNER
                + " (liqoctl install does)",
            e);
      }
      throw e;
    }
    CertificateSigningRequest signed;
    try {
      signed =
          resource.waitUntilCondition(
              c -> c == null || hasCertificate(c) || failed(c).isPresent(),
              certificateTimeout.toMillis(),
              TimeUnit.MILLISECONDS);
    } catch (KubernetesClientTimeoutException e) {
      throw new IllegalStateException(
          "the certificate of cluster "
              + consumerId
              + " was not issued within "
              + certificateTimeout.toSeconds()
              + "s although its CSR "
              + name
              + " was approved: check that the kube-controller-manager of this cluster signs"
              + " for "
              + SIGNER
              + " (--cluster-signing-cert-file and --cluster-signing-key-file)",
          e);
    }
    if (signed == null) {
      throw new IllegalStateException(
          "the CSR " + name + " was deleted before its certificate was issued: try again");
    }
    Optional<CertificateSigningRequestCondition> failure = failed(signed);
    if (failure.isPresent()) {
      throw new IllegalStateException(
          "the CSR "
              + name
              + " was "
              + failure.get().getType().toLowerCase(Locale.ROOT)
              + ": "
              + failure.get().getMessage());
    }
    return new String(
        Base64.getDecoder().decode(signed.getStatus().getCertificate()), StandardCharsets.US_ASCII);
  }

  private static boolean hasCertificate(CertificateSigningRequest csr) {
    return csr.getStatus() != null
        && csr.getStatus().getCertificate() != null
        && !csr.getStatus().getCertificate().isEmpty();
  }

  private static Optional<CertificateSigningRequestCondition> failed(
      CertificateSigningRequest csr) {
    if (csr.getStatus() == null || csr.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return csr.getStatus().getConditions().stream()
        .filter(c -> "Denied".equals(c.getType()) || "Failed".equals(c.getType()))
        .filter(c -> "True".equals(c.getStatus()))
        .findFirst();
  }

  /** The Role and RoleBinding that let the consumer work in its tenant namespace, and no more. */
  private void grantTenantRole(String consumerId, String tenant) {
    Role role =
        new RoleBuilder()
            .withNewMetadata()
            .withName(ROLE)
            .withNamespace(tenant)
            .addToLabels(Labels.REMOTE_CLUSTER_ID, consumerId)
            .addToLabels(LiqoNamespace.MANAGED_BY_LABEL, LiqoNamespace.MANAGED_BY_VALUE)
            .endMetadata()
            .withRules(
                new PolicyRuleBuilder()
                    .withApiGroups(ApiGroups.AUTHENTICATION)
                    .withResources("resourceslices")
                    .withVerbs("create", "get", "list", "watch", "update", "patch", "delete")
                    .build(),
                new PolicyRuleBuilder()
                    .withApiGroups(ApiGroups.AUTHENTICATION)
                    .withResources("resourceslices/status")
                    .withVerbs("get", "list", "watch")
                    .build(),
                new PolicyRuleBuilder()
                    .withApiGroups(ApiGroups.OFFLOADING)
                    .withResources("namespacemaps")
                    .withVerbs("create", "get", "list", "watch", "update", "patch", "delete")
                    .build(),
                new PolicyRuleBuilder()
                    .withApiGroups(ApiGroups.OFFLOADING)
                    .withResources("namespacemaps/status")
                    .withVerbs("get", "list", "watch")
                    .build())
            .build();
    RoleBinding binding =
        new RoleBindingBuilder()
            .withNewMetadata()
            .withName(ROLE)
            .withNamespace(tenant)
            .addToLabels(Labels.REMOTE_CLUSTER_ID, consumerId)
            .addToLabels(LiqoNamespace.MANAGED_BY_LABEL, LiqoNamespace.MANAGED_BY_VALUE)
            .endMetadata()
            .withNewRoleRef(RBAC_GROUP, "Role", ROLE)
            .addNewSubject()
            .withApiGroup(RBAC_GROUP)
            .withKind("User")
            .withName(consumerId)
            .endSubject()
            .build();
    ServerSideApply.apply(client, role);
    ServerSideApply.apply(client, binding);
  }

  /** The PEM CA certificate(s) of a fabric8 client configuration. */
  public static String caPemOf(Config config) {
    if (config.getCaCertData() != null && !config.getCaCertData().isBlank()) {
      String data = config.getCaCertData().trim();
      return data.startsWith("-----BEGIN")
          ? data
          : new String(Base64.getMimeDecoder().decode(data), StandardCharsets.US_ASCII);
    }
    if (config.getCaCertFile() != null && !config.getCaCertFile().isBlank()) {
      try {
        return Files.readString(Path.of(config.getCaCertFile()), StandardCharsets.US_ASCII);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot read the API server CA " + config.getCaCertFile(), e);
      }
    }
    throw new IllegalArgumentException(
        "the client configuration has no CA certificate of the API server (certificate-authority"
            + " or certificate-authority-data): pass the CA to IdentityIssuer explicitly");
  }

  private static String checkUrl(String url) {
    Objects.requireNonNull(url, "apiServerUrl");
    URI uri = URI.create(url);
    if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "the API server URL '" + url + "' is not valid: use https://<host>:<port>");
    }
    return url;
  }

  private static String checkCa(String pem) {
    Objects.requireNonNull(pem, "apiServerCa");
    Pki.parseCertificate(pem);
    return pem;
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
