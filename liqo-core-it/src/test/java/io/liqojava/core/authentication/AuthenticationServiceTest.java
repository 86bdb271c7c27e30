package io.liqojava.core.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.liqojava.api.authentication.v1beta1.ResourceSlice;
import io.liqojava.api.authentication.v1beta1.ResourceSliceSpec;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.core.v1beta1.ForeignClusterSpec;
import io.liqojava.api.core.v1beta1.PeeringConditionStatus;
import io.liqojava.api.core.v1beta1.PeeringConditionType;
import io.liqojava.api.core.v1beta1.PeeringEnabled;
import io.liqojava.api.core.v1beta1.PeeringType;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.authentication.AuthenticationException.Reason;
import io.liqojava.core.crd.CrdInstaller;
import io.liqojava.core.identity.ClusterIdentityStore;
import io.liqojava.core.identity.LiqoNamespace;
import io.liqojava.core.peering.ForeignClusterConditions;
import io.liqojava.core.tenant.TenantNamespaces;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.junit.LocalClusters;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Out-of-band authentication over real HTTPS between real clusters, and the identity it yields
 * checked against the provider's real API server and RBAC.
 */
@LocalClusters({"consumer", "provider", "other"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationServiceTest {

  private final LocalCluster consumer;
  private final LocalCluster provider;
  private final LocalCluster other;
  private final ClusterIdentity consumerIdentity;
  private final ClusterIdentity providerIdentity;
  private final ClusterIdentity otherIdentity;
  private final AuthTokens providerTokens;
  private final IdentityIssuer issuer;
  private final AuthenticationServer server;
  private final AuthenticationClient auth = new AuthenticationClient();
  private final String token;

  AuthenticationServiceTest(LocalCluster consumer, LocalCluster provider, LocalCluster other) {
    this.consumer = consumer;
    this.provider = provider;
    this.other = other;
    // Only the provider needs the CRDs: consumers keep their identities in Secrets.
    new CrdInstaller(provider.client()).install();
    consumerIdentity = new ClusterIdentityStore(consumer.client()).install("consumer", Map.of());
    providerIdentity =
        new ClusterIdentityStore(provider.client())
            .install("provider", Map.of("topology.liqo.io/region", "south"));
    otherIdentity = new ClusterIdentityStore(other.client()).install("other", Map.of());
    providerTokens = new AuthTokens(provider.client());
    token = providerTokens.ensureClusterToken();
    issuer = new IdentityIssuer(provider.client());
    // Several tests fail on purpose: only the rate-limiting test counts failures.
    server = serverOnProvider(100);
  }

  @AfterAll
  void stopServer() {
    server.close();
  }

  @Test
  void answersWhoItIs() {
    ClusterInfo info = auth.clusterIdentity(server.url());

    assertThat(info.clusterId()).isEqualTo(providerIdentity.clusterId());
    assertThat(info.clusterName()).isEqualTo("provider");
  }

  @Test
  void issuesALeastPrivilegeIdentityOverHttps() {
    RemoteIdentity identities = new RemoteIdentity(consumer.client(), consumerIdentity);
    URI consumerAuthUrl = URI.create("https://127.0.0.1:4443");

    IssuedIdentity issued =
        identities.authenticate(
            auth, server.url(), providerIdentity.clusterId(), token, consumerAuthUrl);

    String tenant = TenantNamespaces.nameFor(consumerIdentity.clusterId());
    assertThat(issued.clusterId()).isEqualTo(providerIdentity.clusterId());
    assertThat(issued.clusterName()).isEqualTo("provider");
    assertThat(issued.clusterLabels()).containsEntry("topology.liqo.io/region", "south");
    assertThat(issued.apiServerUrl()).isEqualTo(provider.apiServerUrl());
    assertThat(issued.tenantNamespace()).isEqualTo(tenant);
    assertThat(Pki.parseCertificate(issued.certificate()).getSubjectX500Principal().getName())
        .contains("CN=" + consumerIdentity.clusterId(), "O=liqo.io");

    // The consumer keeps the identity as a kubeconfig in its tenant namespace for the provider.
    Secret secret =
        consumer
            .client()
            .secrets()
            .inNamespace(TenantNamespaces.nameFor(providerIdentity.clusterId()))
            .withName(RemoteIdentity.SECRET)
            .get();
    assertThat(secret.getData()).containsOnlyKeys("kubeconfig", "clusterID");
    assertThat(decode(secret.getData().get("clusterID"))).isEqualTo(providerIdentity.clusterId());
    assertThat(identities.config(providerIdentity.clusterId()).orElseThrow().getNamespace())
        .isEqualTo(tenant);
    assertThat(
            decode(
                identities.config(providerIdentity.clusterId()).orElseThrow().getClientKeyData()))
        .startsWith("-----BEGIN EC PRIVATE KEY-----");
    assertThat(identities.certificateExpiry(providerIdentity.clusterId()))
        .hasValueSatisfying(expiry -> assertThat(expiry).isAfter(Instant.now()));

    // The provider knows the consumer: a ForeignCluster, a tenant namespace, its peering token.
    ForeignCluster fc =
        provider.client().resources(ForeignCluster.class).withName("consumer").get();
    ForeignClusterSpec spec = fc.getSpec();
    assertThat(spec.getClusterID()).isEqualTo(consumerIdentity.clusterId());
    assertThat(spec.getClusterName()).isEqualTo("consumer");
    assertThat(spec.getPeeringType()).isEqualTo(PeeringType.OUT_OF_BAND);
    assertThat(spec.getOutgoingPeeringEnabled()).isEqualTo(PeeringEnabled.NO);
    assertThat(spec.getIncomingPeeringEnabled()).isEqualTo(PeeringEnabled.AUTO);
    assertThat(spec.getForeignAuthUrl()).isEqualTo(consumerAuthUrl.toString());
    assertThat(ForeignClusterConditions.statusOf(fc, PeeringConditionType.AUTHENTICATION_STATUS))
        .isEqualTo(PeeringConditionStatus.ESTABLISHED);
    assertThat(fc.getStatus().getTenantNamespace().getLocal()).isEqualTo(tenant);
    assertThat(provider.client().namespaces().withName(tenant).get()).isNotNull();
    assertThat(providerTokens.remoteToken(consumerIdentity.clusterId()))
        .isEqualTo(new AuthTokens(consumer.client()).peeringToken(providerIdentity.clusterId()));

    // A second consumer, peered with the provider's admin credentials (no HTTP, no token).
    IssuedIdentity otherIssued =
        new RemoteIdentity(other.client(), otherIdentity).establish(issuer);
    String otherTenant = otherIssued.tenantNamespace();
    assertThat(otherTenant).isEqualTo(TenantNamespaces.nameFor(otherIdentity.clusterId()));

    // As the consumer, against the provider's API server and its RBAC.
    try (KubernetesClient remote = identities.client(providerIdentity.clusterId())) {
      ResourceSlice slice = slice(tenant, consumerIdentity.clusterId());
      remote.resource(slice).create();
      ResourceSlice stored =
          remote
              .resources(ResourceSlice.class)
              .inNamespace(tenant)
              .withName(slice.getMetadata().getName())
              .get();
      assertThat(stored.getSpec().getConsumerClusterID()).isEqualTo(consumerIdentity.clusterId());
      stored.getMetadata().setLabels(Map.of("updated", "true"));
      remote.resource(stored).update();
      remote
          .resources(ResourceSlice.class)
          .inNamespace(tenant)
          .withName(slice.getMetadata().getName())
          .edit(
              s -> {
                s.getSpec().setSliceClass("default");
                return s;
              });
      assertThat(remote.resources(ResourceSlice.class).inNamespace(tenant).list().getItems())
          .singleElement()
          .satisfies(
              s -> {
                assertThat(s.getMetadata().getLabels()).containsEntry("updated", "true");
                assertThat(s.getSpec().getSliceClass()).isEqualTo("default");
              });
      remote.resource(stored).delete();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> remote.resources(ResourceSlice.class).inNamespace(tenant).list().getItems(),
              List::isEmpty);

      assertForbidden(() -> remote.secrets().inNamespace("kube-system").list());
      assertForbidden(() -> remote.secrets().inNamespace(tenant).list());
      assertForbidden(() -> remote.secrets().inNamespace(otherTenant).list());
      assertForbidden(() -> remote.resources(ResourceSlice.class).inNamespace(otherTenant).list());
      assertForbidden(
          () -> remote.resource(slice(otherTenant, consumerIdentity.clusterId())).create());
      assertForbidden(() -> remote.namespaces().list());
      assertForbidden(() -> remote.pods().inNamespace(tenant).list());
    }
    // ... and the second consumer is confined the same way.
    RemoteIdentity otherIdentities = new RemoteIdentity(other.client(), otherIdentity);
    try (KubernetesClient remote = otherIdentities.client(providerIdentity.clusterId())) {
      assertThat(remote.resources(ResourceSlice.class).inNamespace(otherTenant).list().getItems())
          .isEmpty();
      assertForbidden(() -> remote.resources(ResourceSlice.class).inNamespace(tenant).list());
    }
  }

  @Test
  void aWrongTokenIsRefusedClearlyAndCreatesNothing() {
    ClusterIdentity intruder = syntheticConsumer("intruder-a1b2c3", "intruder");

    assertThatThrownBy(
            () ->
                new RemoteIdentity(consumer.client(), intruder)
                    .authenticate(
                        auth,
                        server.url(),
                        providerIdentity.clusterId(),
                        AuthTokens.newToken(),
                        null))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_TOKEN))
        .hasMessageContaining(server.url().toString())
        .hasMessageContaining(
            "the auth token is not valid: get a fresh command with 'liqoctl generate"
                + " peer-command' on the provider cluster");

    assertNothingIssuedTo(intruder);
  }

  @Test
  void rateLimitsAnAddressAfterFiveFailures() {
    ClusterIdentity guesser = syntheticConsumer("guesser-d4e5f6", "guesser");
    RemoteIdentity identities = new RemoteIdentity(consumer.client(), guesser);
    try (AuthenticationServer limited = serverOnProvider(5)) {
      for (int attempt = 1; attempt <= 5; attempt++) {
        assertThatThrownBy(
                () ->
                    identities.authenticate(
                        auth,
                        limited.url(),
                        providerIdentity.clusterId(),
                        AuthTokens.newToken(),
                        null))
            .isInstanceOfSatisfying(
                AuthenticationException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_TOKEN));
      }

      assertThatThrownBy(
              () ->
                  identities.authenticate(
                      auth, limited.url(), providerIdentity.clusterId(), token, null))
          .isInstanceOfSatisfying(
              AuthenticationException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(Reason.RATE_LIMITED);
                assertThat(e.retryAfter())
                    .hasValueSatisfying(
                        wait ->
                            assertThat(wait)
                                .isPositive()
                                .isLessThanOrEqualTo(Duration.ofMinutes(1)));
              })
          .hasMessageContaining(limited.url().toString())
          .hasMessageContaining("too many failed attempts");
      // The other server counts its own failures: the right token works there.
      assertThat(auth.clusterIdentity(server.url()).clusterId())
          .isEqualTo(providerIdentity.clusterId());
    }
    assertNothingIssuedTo(guesser);
  }

  @Test
  void aNameUsedByAnotherClusterIsAConflictAndCreatesNothing() {
    ForeignCluster existing = new ForeignCluster();
    existing.getMetadata().setName("clash");
    ForeignClusterSpec spec = new ForeignClusterSpec();
    spec.setClusterID("clash-000000");
    spec.setClusterName("clash");
    existing.setSpec(spec);
    String version =
        provider.client().resource(existing).create().getMetadata().getResourceVersion();
    ClusterIdentity newcomer = syntheticConsumer("clash-111111", "clash");

    assertThatThrownBy(
            () ->
                new RemoteIdentity(consumer.client(), newcomer)
                    .authenticate(auth, server.url(), providerIdentity.clusterId(), token, null))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NAME_CONFLICT))
        .hasMessageContaining("name clash is already used by cluster clash-000000");

    assertNothingIssuedTo(newcomer);
    assertThat(provider.client().resources(ForeignCluster.class).withName("clash").get())
        .satisfies(fc -> assertThat(fc.getMetadata().getResourceVersion()).isEqualTo(version));
  }

  @Test
  void anUnreachableUrlIsReportedWithTheUrl() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    URI nowhere = URI.create("https://127.0.0.1:" + port);

    assertThatThrownBy(() -> auth.clusterIdentity(nowhere))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNREACHABLE))
        .hasMessageContaining("cannot reach the authentication service at " + nowhere)
        .hasMessageContaining("check the --auth-url and that the provider's agent runs");
  }

  @Test
  void anAuthUrlOfAnotherClusterIsRefusedBeforeSendingAnything() {
    ClusterIdentity lost = syntheticConsumer("lost-0a0b0c", "lost");

    assertThatThrownBy(
            () ->
                new RemoteIdentity(consumer.client(), lost)
                    .authenticate(auth, server.url(), "somebody-else-123456", token, null))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_CLUSTER))
        .hasMessageContaining("belongs to cluster " + providerIdentity.clusterId())
        .hasMessageContaining("check the --auth-url and --cluster-id");
    assertNothingIssuedTo(lost);
  }

  @Test
  void malformedRequestsAreRefusedNamingTheFieldAndCreateNothing() throws Exception {
    String id = "malformed-987654";
    ThrowingCallable missingCsr =
        () ->
            auth.requestIdentity(
                server.url(), new IdentityRequest(id, "malformed", token, null, null, null));
    ThrowingCallable foreignCsr =
        () ->
            auth.requestIdentity(
                server.url(),
                new IdentityRequest(
                    id,
                    "malformed",
                    token,
                    PendingIdentity.generate("someone-else").csrPem(),
                    null,
                    null));
    ThrowingCallable badName =
        () ->
            auth.requestIdentity(
                server.url(),
                new IdentityRequest(
                    id, "Bad Name", token, PendingIdentity.generate(id).csrPem(), null, null));
    ThrowingCallable badAuthUrl =
        () ->
            auth.requestIdentity(
                server.url(),
                new IdentityRequest(
                    id,
                    "malformed",
                    token,
                    PendingIdentity.generate(id).csrPem(),
                    "ftp://somewhere",
                    null));

    assertRejected(missingCsr, "csr is missing");
    assertRejected(foreignCsr, "csr has the common name someone-else");
    assertRejected(badName, "clusterName 'Bad Name' is not valid");
    assertRejected(badAuthUrl, "authUrl 'ftp://somewhere' is not valid");
    assertNothingIssuedTo(syntheticConsumer(id, "malformed"));
  }

  @Test
  void revokingTakesThePermissionsAwayAndCanBeRepeated() {
    ClusterIdentity leaving = syntheticConsumer("leaving-abcdef", "leaving");
    RemoteIdentity identities = new RemoteIdentity(consumer.client(), leaving);
    IssuedIdentity issued = identities.establish(issuer);
    String tenant = issued.tenantNamespace();

    try (KubernetesClient remote = identities.client(providerIdentity.clusterId())) {
      remote.resource(slice(tenant, leaving.clusterId())).create();

      issuer.revoke(leaving.clusterId());

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertForbidden(
                      () -> remote.resources(ResourceSlice.class).inNamespace(tenant).list()));
      assertThatCode(() -> issuer.revoke(leaving.clusterId())).doesNotThrowAnyException();
      KubernetesClient admin = provider.client();
      assertThat(admin.rbac().roles().inNamespace(tenant).withName(IdentityIssuer.ROLE).get())
          .isNull();
      assertThat(
              admin.rbac().roleBindings().inNamespace(tenant).withName(IdentityIssuer.ROLE).get())
          .isNull();
      assertThat(
              admin
                  .certificates()
                  .v1()
                  .certificateSigningRequests()
                  .withName(IdentityIssuer.csrName(leaving.clusterId()))
                  .get())
          .isNull();
    }
    identities.delete(providerIdentity.clusterId());
    assertThat(identities.config(providerIdentity.clusterId())).isEmpty();
  }

  @Test
  void aPeeringTokenIsAcceptedFromTheClusterItWasMintedForOnly() {
    ClusterIdentity alpha = syntheticConsumer("alpha-111111", "alpha");
    ClusterIdentity beta = syntheticConsumer("beta-222222", "beta");
    String forAlpha = providerTokens.mintPeeringToken(alpha.clusterId());

    assertThatThrownBy(
            () ->
                new RemoteIdentity(consumer.client(), beta)
                    .authenticate(auth, server.url(), providerIdentity.clusterId(), forAlpha, null))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_TOKEN));
    assertNothingIssuedTo(beta);

    IssuedIdentity issued =
        new RemoteIdentity(consumer.client(), alpha)
            .authenticate(auth, server.url(), providerIdentity.clusterId(), forAlpha, null);

    assertThat(issued.tenantNamespace()).isEqualTo(TenantNamespaces.nameFor(alpha.clusterId()));
  }

  @Test
  void speaksJsonErrorsWithStatusCodes() throws Exception {
    HttpClient http = HttpClient.newBuilder().sslContext(trustingEverything()).build();
    URI identity = server.url().resolve("/identity");

    HttpResponse<String> missing =
        http.send(
            HttpRequest.newBuilder(identity)
                .POST(BodyPublishers.ofString("{\"clusterID\":\"json-123456\"}"))
                .build(),
            BodyHandlers.ofString());
    HttpResponse<String> wrongToken =
        http.send(
            HttpRequest.newBuilder(identity)
                .POST(
                    BodyPublishers.ofString(
                        "{\"clusterID\":\"json-123456\",\"clusterName\":\"json\","
                            + "\"token\":\"nope\",\"csr\":\"x\"}"))
                .build(),
            BodyHandlers.ofString());
    HttpResponse<String> notJson =
        http.send(
            HttpRequest.newBuilder(identity).POST(BodyPublishers.ofString("hello")).build(),
            BodyHandlers.ofString());
    HttpResponse<String> wrongMethod =
        http.send(HttpRequest.newBuilder(identity).GET().build(), BodyHandlers.ofString());

    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(Json.MAPPER.readTree(missing.body()).get("reason").asText()).isEqualTo("BadRequest");
    assertThat(Json.MAPPER.readTree(missing.body()).get("message").asText())
        .isEqualTo("clusterName is missing");
    assertThat(wrongToken.statusCode()).isEqualTo(401);
    assertThat(wrongToken.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(Json.MAPPER.readTree(wrongToken.body()).get("reason").asText())
        .isEqualTo("InvalidToken");
    assertThat(Json.MAPPER.readTree(wrongToken.body()).get("message").asText())
        .isEqualTo(AuthenticationServer.INVALID_TOKEN_MESSAGE);
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    assertNothingIssuedTo(syntheticConsumer("json-123456", "json"));
  }

  @Test
  void verifyingTheServerCertificateRefusesTheSelfSignedOne() {
    AuthenticationClient strict =
        new AuthenticationClient(true, Duration.ofSeconds(5), Duration.ofSeconds(10));

    assertThatThrownBy(() -> strict.clusterIdentity(server.url()))
        .isInstanceOfSatisfying(
            AuthenticationException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.PROTOCOL_ERROR))
        .hasMessageContaining("the TLS handshake with " + server.url() + " failed");
  }

  @Test
  void issuingAgainRenewsTheCertificateAndKeepsAForeignClusterThatExists() {
    ClusterIdentity known = syntheticConsumer("known-123456", "known");
    ForeignCluster existing = new ForeignCluster();
    existing.getMetadata().setName("known");
    ForeignClusterSpec spec = new ForeignClusterSpec();
    spec.setClusterID(known.clusterId());
    spec.setOutgoingPeeringEnabled(PeeringEnabled.YES);
    existing.setSpec(spec);
    provider.client().resource(existing).create();
    ForeignClusterConditions conditions = new ForeignClusterConditions(provider.client());
    conditions.set(
        "known",
        PeeringConditionType.AUTHENTICATION_STATUS,
        PeeringConditionStatus.PENDING,
        "Authenticating",
        "this cluster peers back with known");
    RemoteIdentity identities = new RemoteIdentity(consumer.client(), known);

    IssuedIdentity first = identities.establish(issuer);
    IssuedIdentity second = identities.establish(issuer);

    assertThat(second.certificate()).isNotEqualTo(first.certificate());
    ForeignCluster fc = provider.client().resources(ForeignCluster.class).withName("known").get();
    assertThat(fc.getSpec().getOutgoingPeeringEnabled()).isEqualTo(PeeringEnabled.YES);
    assertThat(ForeignClusterConditions.statusOf(fc, PeeringConditionType.AUTHENTICATION_STATUS))
        .isEqualTo(PeeringConditionStatus.PENDING);
    assertThat(fc.getStatus().getTenantNamespace().getLocal()).isEqualTo(second.tenantNamespace());
    assertThat(provider.client().resources(ForeignCluster.class).list().getItems())
        .filteredOn(f -> known.clusterId().equals(f.getSpec().getClusterID()))
        .hasSize(1);
    try (KubernetesClient remote = identities.client(providerIdentity.clusterId())) {
      assertThat(
              remote
                  .resources(ResourceSlice.class)
                  .inNamespace(second.tenantNamespace())
                  .list()
                  .getItems())
          .isEmpty();
    }
  }

  private static SSLContext trustingEverything() throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(
        null,
        new TrustManager[] {
          new X509ExtendedTrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkClientTrusted(X509Certificate[] c, String a, Socket s) {}

            @Override
            public void checkServerTrusted(X509Certificate[] c, String a, Socket s) {}

            @Override
            public void checkClientTrusted(X509Certificate[] c, String a, SSLEngine e) {}

            @Override
            public void checkServerTrusted(X509Certificate[] c, String a, SSLEngine e) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
              return new X509Certificate[0];
            }
          }
        },
        null);
    return context;
  }

  private AuthenticationServer serverOnProvider(int maxFailedAttempts) {
    return new AuthenticationServer(
            providerTokens,
            issuer,
            new ClusterIdentityStore(provider.client()),
            AuthenticationServerSettings.builder()
                .bindAddress("127.0.0.1")
                .maxFailedAttempts(maxFailedAttempts)
                .build())
        .start();
  }

  private static ClusterIdentity syntheticConsumer(String clusterId, String clusterName) {
    return ClusterIdentity.builder().clusterId(clusterId).clusterName(clusterName).build();
  }

  private void assertNothingIssuedTo(ClusterIdentity cluster) {
    KubernetesClient admin = provider.client();
    String id = cluster.clusterId();
    assertThat(admin.namespaces().withName(TenantNamespaces.nameFor(id)).get()).isNull();
    assertThat(admin.resources(ForeignCluster.class).list().getItems())
        .noneMatch(fc -> id.equals(fc.getSpec().getClusterID()));
    assertThat(
            admin
                .certificates()
                .v1()
                .certificateSigningRequests()
                .withName(IdentityIssuer.csrName(id))
                .get())
        .isNull();
    assertThat(
            admin
                .secrets()
                .inNamespace(LiqoNamespace.NAME)
                .withName(AuthTokens.remoteTokenSecret(id))
                .get())
        .isNull();
  }

  private static void assertRejected(ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            AuthenticationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REJECTED))
        .hasMessageContaining("HTTP 400")
        .hasMessageContaining(message);
  }

  private static void assertForbidden(ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
  }

  private static ResourceSlice slice(String namespace, String consumerId) {
    ResourceSlice slice = new ResourceSlice();
    slice.getMetadata().setName(consumerId);
    slice.getMetadata().setNamespace(namespace);
    ResourceSliceSpec spec = new ResourceSliceSpec();
    spec.setConsumerClusterID(consumerId);
    spec.setProviderClusterID("provider-000000");
    slice.setSpec(spec);
    return slice;
  }

  private static String decode(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
