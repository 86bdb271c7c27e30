package io.liqojava.core.peering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.consts.Taints;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.core.v1beta1.PeeringConditionStatus;
import io.liqojava.api.core.v1beta1.PeeringConditionType;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.agent.AgentConfig;
import io.liqojava.core.agent.AuthServiceEndpoint;
import io.liqojava.core.agent.LiqoAgent;
import io.liqojava.core.authentication.AuthTokens;
import io.liqojava.core.authentication.IdentityIssuer;
import io.liqojava.core.authentication.RemoteIdentity;
import io.liqojava.core.install.LiqoInstaller;
import io.liqojava.core.tenant.TenantNamespaces;
import io.liqojava.testing.ClusterSpec;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.TestBed;
import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Peering end to end on three real clusters, each with its agent: the origin peers with florence
 * out of band (its authentication service, over HTTPS, with the token from the peer command) and
 * with naples through both kubeconfigs. Steps build on each other, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PeeringTest {

  private static final Duration PEERING_TIMEOUT = Duration.ofSeconds(90);
  private static TestBed bed;
  private static final List<LiqoAgent> agents = new ArrayList<>();
  private static final List<KubernetesClient> agentClients = new ArrayList<>();
  private static ClusterIdentity florenceIdentity;
  private static ClusterIdentity naplesIdentity;
  private static ClusterIdentity originIdentity;

  @BeforeAll
  static void startClustersWithAgents() {
    bed =
        TestBed.builder()
            .cluster(ClusterSpec.named("origin"))
            .cluster(ClusterSpec.named("florence"))
            .cluster(ClusterSpec.named("naples"))
            .start();
    originIdentity = install(bed.cluster("origin"), Map.of());
    florenceIdentity =
        install(bed.cluster("florence"), Map.of("topology.liqo.io/region", "center"));
    naplesIdentity = install(bed.cluster("naples"), Map.of("topology.liqo.io/region", "south"));
    for (LocalCluster cluster : bed.clusters()) {
      KubernetesClient client = cluster.newClient();
      agentClients.add(client);
      agents.add(LiqoAgent.start(client, AgentConfig.defaults()));
    }
  }

  @AfterAll
  static void stop() {
    agents.forEach(LiqoAgent::close);
    agentClients.forEach(KubernetesClient::close);
    if (bed != null) {
      bed.close();
    }
  }

  private static ClusterIdentity install(LocalCluster cluster, Map<String, String> labels) {
    return new LiqoInstaller(cluster.client()).install(cluster.name(), labels);
  }

  @Test
  @Order(1)
  void aWrongTokenFailsClearlyAndLeavesNothing() {
    KubernetesClient origin = bed.cluster("origin").client();
    Peering peering = new Peering(origin);
    String authUrl = AuthServiceEndpoint.read(bed.cluster("naples").client()).orElseThrow();
    String wrong = "0".repeat(64);

    peering.peerOutOfBand("naples", URI.create(authUrl), naplesIdentity.clusterId(), wrong);
    assertThatThrownBy(() -> peering.awaitOutgoing("naples", PEERING_TIMEOUT, line -> {}))
        .isInstanceOf(PeeringException.class)
        .hasMessageContaining("auth token is not valid")
        .hasMessageContaining("liqoctl generate peer-command");
    peering.cancel("naples");

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> origin.resources(ForeignCluster.class).withName("naples").get() == null);
    assertThat(new AuthTokens(origin).remoteToken(naplesIdentity.clusterId())).isEmpty();
    KubernetesClient naples = bed.cluster("naples").client();
    assertThat(
            naples
                .namespaces()
                .withName(TenantNamespaces.nameFor(originIdentity.clusterId()))
                .get())
        .isNull();
    assertThat(naples.certificates().v1().certificateSigningRequests().list().getItems())
        .noneMatch(csr -> csr.getMetadata().getName().contains(originIdentity.clusterId()));
  }

  @Test
  @Order(2)
  void outOfBandPeeringCreatesAReadyVirtualNodeWithTheProvidersLabelsAndShare() {
    KubernetesClient origin = bed.cluster("origin").client();
    KubernetesClient florence = bed.cluster("florence").client();
    String authUrl = AuthServiceEndpoint.read(florence).orElseThrow();
    String token = new AuthTokens(florence).clusterToken().orElseThrow();
    Peering peering = new Peering(origin);

    long start = System.nanoTime();
    peering.peerOutOfBand("florence", URI.create(authUrl), florenceIdentity.clusterId(), token);
    ForeignCluster fc = peering.awaitOutgoing("florence", PEERING_TIMEOUT, line -> {});
    System.out.printf(
        "out-of-band peering to a Ready virtual node took %d ms%n",
        Duration.ofNanos(System.nanoTime() - start).toMillis());

    assertThat(ForeignClusterConditions.statusOf(fc, PeeringConditionType.AUTHENTICATION_STATUS))
        .isEqualTo(PeeringConditionStatus.ESTABLISHED);
    assertThat(ForeignClusterConditions.statusOf(fc, PeeringConditionType.OUTGOING_PEERING))
        .isEqualTo(PeeringConditionStatus.ESTABLISHED);
    Node node = origin.nodes().withName("liqo-florence").get();
    assertThat(node.getMetadata().getLabels())
        .containsEntry(Labels.TYPE, Labels.TYPE_VIRTUAL_NODE)
        .containsEntry(Labels.REMOTE_CLUSTER_ID, florenceIdentity.clusterId())
        .containsEntry("topology.liqo.io/region", "center");
    assertThat(node.getSpec().getTaints())
        .anyMatch(
            t -> t.getKey().equals(Taints.VIRTUAL_NODE_KEY) && t.getEffect().equals("NoExecute"));
    // Half of florence's single simulated node: 4 CPUs, 110 pods.
    assertThat(node.getStatus().getCapacity().get("cpu")).isEqualTo(new Quantity("2"));
    assertThat(node.getStatus().getCapacity().get("pods")).isEqualTo(new Quantity("55"));

    String table = bed.cluster("origin").kubectl("get", "foreignclusters");
    assertThat(table.lines().findFirst().orElseThrow())
        .containsPattern(
            "NAME\\s+TYPE\\s+OUTGOING PEERING\\s+INCOMING PEERING\\s+NETWORKING\\s+AUTHENTICATION\\s+AGE");
    assertThat(table)
        .containsPattern("florence\\s+OutOfBand\\s+Established\\s+None\\s+\\S+\\s+Established");

    // The provider sees the incoming peering.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                florence.resources(ForeignCluster.class).list().getItems().stream()
                    .anyMatch(
                        f ->
                            originIdentity.clusterId().equals(f.getSpec().getClusterID())
                                && ForeignClusterConditions.statusOf(
                                        f, PeeringConditionType.INCOMING_PEERING)
                                    == PeeringConditionStatus.ESTABLISHED));
  }

  @Test
  @Order(3)
  void kubeconfigPeeringReachesTheSameOutcome() {
    KubernetesClient origin = bed.cluster("origin").client();
    KubernetesClient naples = bed.cluster("naples").client();

    Peering.peerWithKubeconfig(origin, naples, Map.of("cpu", new Quantity("1")), line -> {});
    new Peering(origin).awaitOutgoing("naples", PEERING_TIMEOUT, line -> {});

    Node node = origin.nodes().withName("liqo-naples").get();
    assertThat(node.getMetadata().getLabels()).containsEntry("topology.liqo.io/region", "south");
    assertThat(node.getStatus().getCapacity().get("cpu")).isEqualTo(new Quantity("1"));
    assertThat(bed.cluster("origin").kubectl("get", "node", "--selector=liqo.io/type=virtual-node"))
        .contains("liqo-florence", "liqo-naples");
  }

  @Test
  @Order(4)
  void unpeerRemovesNodeIdentityAndTenantStateOnBothSidesAndPeeringAgainWorks() {
    KubernetesClient origin = bed.cluster("origin").client();
    KubernetesClient florence = bed.cluster("florence").client();
    Peering peering = new Peering(origin);

    peering.unpeer("florence");
    UnpeerReport report = peering.awaitUnpeered("florence", PEERING_TIMEOUT, line -> {});

    assertThat(report.complete()).as(report.leftovers().toString()).isTrue();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(origin.nodes().withName("liqo-florence").get()).isNull();
              assertThat(origin.resources(ForeignCluster.class).withName("florence").get())
                  .isNull();
              assertThat(
                      new RemoteIdentity(origin, originIdentity)
                          .kubeconfig(florenceIdentity.clusterId()))
                  .isEmpty();
              assertThat(
                      florence
                          .rbac()
                          .roleBindings()
                          .inNamespace(TenantNamespaces.nameFor(originIdentity.clusterId()))
                          .withName(IdentityIssuer.ROLE)
                          .get())
                  .isNull();
            });

    String authUrl = AuthServiceEndpoint.read(florence).orElseThrow();
    String token = new AuthTokens(florence).clusterToken().orElseThrow();
    peering.peerOutOfBand("florence", URI.create(authUrl), florenceIdentity.clusterId(), token);
    peering.awaitOutgoing("florence", PEERING_TIMEOUT, line -> {});
    assertThat(origin.nodes().withName("liqo-florence").get()).isNotNull();
  }

  @Test
  @Order(5)
  void anUnreachableProviderTurnsItsVirtualNodeNotReadyUntilItReturns() {
    KubernetesClient origin = bed.cluster("origin").client();
    LocalCluster naples = bed.cluster("naples");

    naples.stopApiServer();
    try {
      await("liqo-naples NotReady while naples is unreachable")
          .atMost(Duration.ofSeconds(40))
          .until(() -> !nodeReady(origin, "liqo-naples"));
      assertThat(
              ForeignClusterConditions.statusOf(
                  origin.resources(ForeignCluster.class).withName("naples").get(),
                  PeeringConditionType.API_SERVER_STATUS))
          .isEqualTo(PeeringConditionStatus.ERROR);
    } finally {
      naples.startApiServer();
    }

    await("liqo-naples Ready again once naples is back")
        .atMost(Duration.ofSeconds(40))
        .until(() -> nodeReady(origin, "liqo-naples"));
  }

  @Test
  @Order(6)
  void theProviderPeersBackWithoutAnotherTokenMakingThePeeringBidirectional() {
    KubernetesClient origin = bed.cluster("origin").client();
    KubernetesClient florence = bed.cluster("florence").client();
    String originName =
        florence.resources(ForeignCluster.class).list().getItems().stream()
            .filter(fc -> originIdentity.clusterId().equals(fc.getSpec().getClusterID()))
            .findFirst()
            .orElseThrow()
            .getMetadata()
            .getName();

    Peering back = new Peering(florence);
    back.peer(originName);
    back.awaitOutgoing(originName, PEERING_TIMEOUT, line -> {});

    assertThat(florence.nodes().withName("liqo-" + originName).get()).isNotNull();
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(bed.cluster("origin").kubectl("get", "foreignclusters", "-o", "wide"))
                    .containsPattern(
                        "florence\\s+OutOfBand\\s+Established\\s+Established\\s+None\\s+Established.*ConsumerAndProvider"));
    assertThat(origin.nodes().withName("liqo-florence").get()).isNotNull();
  }

  @Test
  @Order(7)
  void unpeeringCompletesWhenTheProviderIsGoneAndSaysWhatIsLeftThere() {
    KubernetesClient origin = bed.cluster("origin").client();
    LocalCluster naples = bed.cluster("naples");
    Peering peering = new Peering(origin);

    naples.stopApiServer();
    UnpeerReport report;
    try {
      peering.unpeer("naples");
      report = peering.awaitUnpeered("naples", PEERING_TIMEOUT, line -> {});
    } finally {
      naples.startApiServer();
    }

    assertThat(report.complete()).isFalse();
    assertThat(report.leftovers())
        .singleElement(InstanceOfAssertFactories.STRING)
        .contains("ResourceSlice", naplesIdentity.clusterId(), "liqoctl unpeer");
    assertThat(origin.nodes().withName("liqo-naples").get()).isNull();
    assertThat(new RemoteIdentity(origin, originIdentity).kubeconfig(naplesIdentity.clusterId()))
        .isEmpty();
  }

  @Test
  @Order(8)
  void anExpiredIdentityIsRenewedWithTheStoredTokenOrReportedWhenItCannotBe() throws Exception {
    KubernetesClient origin = bed.cluster("origin").client();
    RemoteIdentity identities = new RemoteIdentity(origin, originIdentity);
    Peering.peerWithKubeconfig(origin, bed.cluster("naples").client(), Map.of(), line -> {});
    new Peering(origin).awaitOutgoing("naples", PEERING_TIMEOUT, line -> {});

    expireIdentity(origin, florenceIdentity.clusterId());
    expireIdentity(origin, naplesIdentity.clusterId());
    touch(origin, "florence");
    touch(origin, "naples");

    // Peered out of band: the agent still holds florence's token and renews by itself.
    await("a renewed identity in florence")
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                identities
                    .certificateExpiry(florenceIdentity.clusterId())
                    .filter(expiry -> expiry.isAfter(Instant.now()))
                    .isPresent());
    new Peering(origin).awaitOutgoing("florence", PEERING_TIMEOUT, line -> {});
    // Peered with both kubeconfigs: only an administrator can issue a new identity.
    await("an IdentityExpired error for naples")
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(
                        ForeignClusterConditions.find(
                                origin.resources(ForeignCluster.class).withName("naples").get(),
                                PeeringConditionType.AUTHENTICATION_STATUS)
                            .orElseThrow()
                            .getMessage())
                    .contains("expires at", "liqoctl peer --remote-kubeconfig"));
  }

  /** Puts an expired client certificate into this cluster's identity in {@code providerId}. */
  private static void expireIdentity(KubernetesClient client, String providerId) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair keys = generator.generateKeyPair();
    Instant now = Instant.now();
    X500Name subject = new X500Name("CN=" + originIdentity.clusterId());
    X509Certificate expired =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        subject,
                        BigInteger.ONE,
                        Date.from(now.minus(Duration.ofDays(2))),
                        Date.from(now.minus(Duration.ofDays(1))),
                        subject,
                        keys.getPublic())
                    .build(
                        new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    String pem =
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(expired.getEncoded())
            + "\n-----END CERTIFICATE-----\n";
    String tenant = TenantNamespaces.nameFor(providerId);
    var secret = client.secrets().inNamespace(tenant).withName(RemoteIdentity.SECRET).get();
    String kubeconfig =
        new String(Base64.getDecoder().decode(secret.getData().get(RemoteIdentity.KUBECONFIG_KEY)));
    var config =
        client
            .getKubernetesSerialization()
            .unmarshal(kubeconfig, io.fabric8.kubernetes.api.model.Config.class);
    config
        .getUsers()
        .get(0)
        .getUser()
        .setClientCertificateData(Base64.getEncoder().encodeToString(pem.getBytes()));
    secret
        .getData()
        .put(
            RemoteIdentity.KUBECONFIG_KEY,
            Base64.getEncoder()
                .encodeToString(client.getKubernetesSerialization().asYaml(config).getBytes()));
    client.secrets().inNamespace(tenant).resource(secret).update();
  }

  /** Changes a ForeignCluster's metadata, which makes the agent reconcile it at once. */
  private static void touch(KubernetesClient client, String name) {
    client
        .resources(ForeignCluster.class)
        .withName(name)
        .edit(
            fc -> {
              fc.getMetadata().getAnnotations().put("test/touched", Instant.now().toString());
              return fc;
            });
  }

  private static boolean nodeReady(KubernetesClient client, String name) {
    Node node = client.nodes().withName(name).get();
    return node != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
