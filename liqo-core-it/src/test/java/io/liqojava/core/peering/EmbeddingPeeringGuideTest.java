package io.liqojava.core.peering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.core.v1beta1.PeeringConditionStatus;
import io.liqojava.api.core.v1beta1.PeeringConditionType;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloading;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingSpec;
import io.liqojava.api.offloading.v1beta1.OffloadingPhase;
import io.liqojava.api.offloading.v1beta1.PodOffloadingStrategy;
import io.liqojava.core.agent.AgentConfig;
import io.liqojava.core.agent.LiqoAgent;
import io.liqojava.core.identity.LiqoNamespace;
import io.liqojava.core.install.AgentRbac;
import io.liqojava.core.install.LiqoInstaller;
import io.liqojava.core.install.LiqoStatus;
import io.liqojava.core.install.PeerStatus;
import io.liqojava.core.install.PeeringInfo;
import io.liqojava.core.reflection.ReflectorRegistry;
import io.liqojava.core.runtime.ServerSideApply;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.junit.Cluster;
import io.liqojava.testing.junit.LocalClusters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worked example of {@code docs/embedding-peering.md}: an operator that embeds peering, run on
 * two real clusters. Rome is the consumer, milan the provider; in each, the agent runs in-process
 * as the least-privilege ServiceAccount {@code liqo/liqo-agent}, as it would in the operator's pod.
 *
 * <p>The guide quotes the regions between {@code // tag::NAME[]} and {@code // end::NAME[]}
 * verbatim; {@link EmbeddingPeeringGuideSnippetsTest} fails when the two drift apart. Change them
 * together.
 */
@LocalClusters({"rome", "milan"})
class EmbeddingPeeringGuideTest {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddingPeeringGuideTest.class);

  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeEverything() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  @Test
  void anOperatorInstallsRunsPeersWatchesOffloadsAndUnpeers(
      @Cluster("rome") LocalCluster romeCluster, @Cluster("milan") LocalCluster milanCluster) {
    KubernetesClient romeAdmin = romeCluster.client(); // cluster administrators
    KubernetesClient milanAdmin = milanCluster.client();

    KubernetesClient admin = milanAdmin;
    // tag::install[]
    LiqoInstaller installer = new LiqoInstaller(admin, Duration.ofMinutes(2), LOG::info);
    ClusterIdentity identity =
        installer.install("milan", Map.of("topology.liqo.io/region", "north"));
    // end::install[]
    assertThat(identity.clusterId()).startsWith("milan-");
    new LiqoInstaller(romeAdmin).install("rome", Map.of());

    // From here on, each cluster's operator acts as the ServiceAccount liqo/liqo-agent that
    // install created: the agent and the peering calls share its client.
    KubernetesClient rome = agentClient(romeCluster);
    toClose.add(rome);
    KubernetesClient milan = agentClient(milanCluster);
    toClose.add(milan);
    MeterRegistry meterRegistry = new SimpleMeterRegistry();
    LiqoAgent romeAgent = startAgent(rome, meterRegistry);
    toClose.add(romeAgent);
    LiqoAgent milanAgent = startAgent(milan, new SimpleMeterRegistry());
    toClose.add(milanAgent);
    assertThat(milanAgent.identity().clusterName()).isEqualTo("milan");

    Map<String, PeeringConditionStatus> outgoing = new ConcurrentHashMap<>();
    SharedIndexInformer<ForeignCluster> informer = watchForeignClusters(rome, outgoing);
    toClose.add(informer);

    // tag::peering-info[]
    PeeringInfo info = new LiqoInstaller(milan).peeringInfo();
    // end::peering-info[]
    assertThat(info.authUrl()).isEqualTo(milanAgent.authUrl());
    assertThat(info.toString()).doesNotContain(info.token());

    // tag::peer[]
    Peering peering = new Peering(rome);
    peering.peerOutOfBand(
        info.clusterName(), URI.create(info.authUrl()), info.clusterId(), info.token());
    ForeignCluster peered =
        peering.awaitOutgoing(info.clusterName(), Duration.ofMinutes(2), LOG::info);
    // end::peer[]
    assertThat(ForeignClusterConditions.statusOf(peered, PeeringConditionType.OUTGOING_PEERING))
        .isEqualTo(PeeringConditionStatus.ESTABLISHED);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> outgoing.get("milan") == PeeringConditionStatus.ESTABLISHED);

    // tag::virtual-node[]
    Node virtualNode =
        rome.nodes()
            .withLabel(Labels.TYPE, Labels.TYPE_VIRTUAL_NODE)
            .withLabel(Labels.REMOTE_CLUSTER_ID, info.clusterId())
            .list()
            .getItems()
            .get(0);
    Quantity cpu = virtualNode.getStatus().getCapacity().get("cpu"); // milan's share
    // end::virtual-node[]
    assertThat(virtualNode.getMetadata().getName()).isEqualTo("liqo-milan");
    assertThat(virtualNode.getMetadata().getLabels())
        .containsEntry("topology.liqo.io/region", "north");
    // 30% of the simulated node's 4 cpus, as milan's agent was configured.
    assertThat(cpu.getNumericalAmount()).isEqualByComparingTo("1.2");

    // tag::status[]
    LiqoStatus status = new LiqoInstaller(romeAdmin).status(); // lists CRDs: administrators only
    for (PeerStatus peer : status.peers()) {
      LOG.info(
          "{} ({}): outgoing {}, incoming {}, API server {}",
          peer.name(),
          peer.role(),
          peer.status(PeeringConditionType.OUTGOING_PEERING),
          peer.status(PeeringConditionType.INCOMING_PEERING),
          peer.status(PeeringConditionType.API_SERVER_STATUS));
    }
    // end::status[]
    assertThat(status.agentAlive()).isTrue();
    assertThat(status.peers())
        .singleElement()
        .satisfies(
            peer ->
                assertThat(peer.status(PeeringConditionType.OUTGOING_PEERING))
                    .isEqualTo(PeeringConditionStatus.ESTABLISHED));
    // The in-process agent publishes its reflection metrics to the operator's registry.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !meterRegistry.find("liqo.reflection.queue.depth").gauges().isEmpty());

    rome.namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build())
        .create();
    // tag::offload[]
    NamespaceOffloading offloading = new NamespaceOffloading();
    offloading.getMetadata().setName(NamespaceOffloading.DEFAULT_NAME); // "offloading"
    offloading.getMetadata().setNamespace("shop");
    NamespaceOffloadingSpec spec = new NamespaceOffloadingSpec();
    spec.setPodOffloadingStrategy(PodOffloadingStrategy.LOCAL_AND_REMOTE);
    offloading.setSpec(spec);
    ServerSideApply.apply(rome, offloading);
    // end::offload[]
    NamespaceOffloading ready =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> rome.resource(offloading).get(),
                current ->
                    current.getStatus() != null
                        && current.getStatus().getOffloadingPhase() == OffloadingPhase.READY);
    String twin = ready.getStatus().getRemoteNamespaceName();
    assertThat(twin).startsWith("shop-rome-");
    assertThat(milan.namespaces().withName(twin).get()).isNotNull();

    // tag::unoffload[]
    rome.resource(offloading).delete(); // the agent removes the twins, then the finalizer
    // end::unoffload[]
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                rome.resource(offloading).get() == null
                    && milan.namespaces().withName(twin).get() == null);

    // tag::unpeer[]
    peering.unpeer(info.clusterName());
    UnpeerReport report =
        peering.awaitUnpeered(info.clusterName(), Duration.ofMinutes(2), LOG::info);
    if (!report.complete()) {
      report.leftovers().forEach(LOG::warn); // what an unreachable provider still holds
    }
    // end::unpeer[]
    assertThat(report.complete()).isTrue();
    assertThat(rome.nodes().withName("liqo-milan").get()).isNull();
    // awaitUnpeered returns once the ForeignCluster is gone, its finalizer released.
    assertThat(rome.resources(ForeignCluster.class).withName("milan").get()).isNull();
    await().atMost(Duration.ofSeconds(30)).until(() -> !outgoing.containsKey("milan"));

    // peerWithKubeconfig waits while milan still deletes rome's tenant namespace of the earlier
    // peering, so peering again at once works.
    // tag::peer-with-kubeconfig[]
    Peering.peerWithKubeconfig(romeAdmin, milanAdmin, Map.of("cpu", new Quantity("1")), LOG::info);
    new Peering(romeAdmin).awaitOutgoing("milan", Duration.ofMinutes(2), LOG::info);
    // end::peer-with-kubeconfig[]
    assertThat(
            rome.nodes()
                .withName("liqo-milan")
                .get()
                .getStatus()
                .getCapacity()
                .get("cpu")
                .getNumericalAmount())
        .isEqualByComparingTo("1");

    // tag::unpeer-with-kubeconfig[]
    UnpeerReport unpeered =
        Peering.unpeerWithKubeconfig(romeAdmin, milanAdmin, Duration.ofMinutes(2), LOG::info);
    // end::unpeer-with-kubeconfig[]
    assertThat(unpeered.complete()).isTrue();
    assertThat(rome.nodes().withName("liqo-milan").get()).isNull();

    toClose.remove(informer);
    informer.close();
    toClose.remove(romeAgent);
    toClose.remove(rome);
    stop(romeAgent, rome);
  }

  /** What the operator runs in its own cluster: the test runs it in both. */
  private static LiqoAgent startAgent(KubernetesClient client, MeterRegistry meterRegistry) {
    // tag::agent[]
    AgentConfig config =
        AgentConfig.builder()
            .authBindAddress("127.0.0.1") // in a pod: "0.0.0.0", with authAdvertisedUrl
            .authPort(0) // 0 picks a free port
            .resourceSharingPercentage(30) // what consumers get unless they ask for amounts
            .build();
    LiqoAgent agent = LiqoAgent.start(client, config, ReflectorRegistry.discover(), meterRegistry);
    // end::agent[]
    return agent;
  }

  private static void stop(LiqoAgent agent, KubernetesClient client) {
    // tag::close[]
    agent.close(); // stops every component, the last started first
    client.close(); // the agent never closes the client it was given
    // end::close[]
  }

  /** Keeps, per remote cluster, the status of the outgoing peering, as an operator might. */
  private static SharedIndexInformer<ForeignCluster> watchForeignClusters(
      KubernetesClient client, Map<String, PeeringConditionStatus> outgoing) {
    // tag::watch[]
    SharedIndexInformer<ForeignCluster> informer =
        client
            .resources(ForeignCluster.class)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(ForeignCluster fc) {
                    onUpdate(null, fc);
                  }

                  @Override
                  public void onUpdate(ForeignCluster before, ForeignCluster fc) {
                    outgoing.put(
                        fc.getMetadata().getName(),
                        ForeignClusterConditions.statusOf(
                            fc, PeeringConditionType.OUTGOING_PEERING));
                  }

                  @Override
                  public void onDelete(ForeignCluster fc, boolean finalStateUnknown) {
                    outgoing.remove(fc.getMetadata().getName());
                  }
                });
    // end::watch[]
    return informer;
  }

  /**
   * A client that acts as the agent's ServiceAccount, with a token from the TokenRequest API: what
   * the operator's pod would get from its mounted service account.
   */
  private static KubernetesClient agentClient(LocalCluster cluster) {
    String token =
        cluster
            .client()
            .serviceAccounts()
            .inNamespace(LiqoNamespace.NAME)
            .withName(AgentRbac.NAME)
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(3600L)
                    .endSpec()
                    .build())
            .getStatus()
            .getToken();
    Config admin = cluster.clientConfig();
    Config config =
        new ConfigBuilder(admin)
            .withClientCertData(null)
            .withClientCertFile(null)
            .withClientKeyData(null)
            .withClientKeyFile(null)
            .withUsername(null)
            .withPassword(null)
            .withOauthToken(token)
            .build();
    return new KubernetesClientBuilder().withConfig(config).build();
  }
}
