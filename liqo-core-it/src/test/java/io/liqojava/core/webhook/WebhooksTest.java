package io.liqojava.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.consts.Taints;
import io.liqojava.api.offloading.v1beta1.NamespaceMappingStrategy;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloading;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingSpec;
import io.liqojava.api.offloading.v1beta1.PodOffloadingStrategy;
import io.liqojava.core.crd.CrdInstaller;
import io.liqojava.core.install.AgentRbac;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.junit.LocalClusters;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The webhooks, registered by URL at 127.0.0.1, are called by a real API server over HTTPS: pods
 * get the constraints of their namespace's offloading and the real scheduler honours them,
 * DaemonSets that tolerate every taint stay off virtual nodes, invalid NamespaceOffloadings are
 * refused with their fix.
 */
@LocalClusters("webhooks")
class WebhooksTest {

  private static final String VIRTUAL_NODE = "liqo-south";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final NodeSelectorRequirement VIRTUAL =
      requirement(Labels.TYPE, "In", "virtual-node");
  private static final NodeSelectorRequirement NOT_VIRTUAL =
      requirement(Labels.TYPE, "NotIn", "virtual-node");

  private static LocalCluster cluster;
  private static KubernetesClient client;
  private static Webhooks webhooks;
  private static ScheduledExecutorService heartbeat;

  @BeforeAll
  static void startWebhooks(LocalCluster localCluster) {
    cluster = localCluster;
    client = cluster.client();
    new CrdInstaller(client).install();
    webhooks = Webhooks.start(client, WebhookSettings.defaults());
    client.resource(virtualNode()).create();
    heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "virtual-node-lease");
              thread.setDaemon(true);
              return thread;
            });
    heartbeat.scheduleWithFixedDelay(WebhooksTest::renewLease, 0, 5, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() {
    if (heartbeat != null) {
      heartbeat.shutdownNow();
    }
    if (webhooks != null) {
      webhooks.close();
      assertThat(Webhooks.unregister(client)).isTrue();
      assertThat(
              client
                  .admissionRegistration()
                  .v1()
                  .mutatingWebhookConfigurations()
                  .withName(AgentRbac.WEBHOOK_CONFIGURATION)
                  .get())
          .isNull();
    }
  }

  @Test
  void registersBothConfigurationsWithTheServerCertificate() {
    var mutating =
        client
            .admissionRegistration()
            .v1()
            .mutatingWebhookConfigurations()
            .withName(AgentRbac.WEBHOOK_CONFIGURATION)
            .get();
    assertThat(mutating.getWebhooks())
        .extracting(w -> w.getName(), w -> w.getFailurePolicy(), w -> w.getClientConfig().getUrl())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                WebhookRegistration.POD_WEBHOOK, "Fail", webhooks.url() + WebhookPaths.POD),
            org.assertj.core.groups.Tuple.tuple(
                WebhookRegistration.DAEMONSET_WEBHOOK,
                "Ignore",
                webhooks.url() + WebhookPaths.DAEMONSET));
    var validating =
        client
            .admissionRegistration()
            .v1()
            .validatingWebhookConfigurations()
            .withName(AgentRbac.WEBHOOK_CONFIGURATION)
            .get();
    assertThat(validating.getWebhooks().get(0).getName())
        .isEqualTo(WebhookRegistration.NAMESPACE_OFFLOADING_WEBHOOK);
    assertThat(validating.getWebhooks().get(0).getSideEffects()).isEqualTo("None");
  }

  @Test
  void podsGetTheTolerationAndAffinityOfTheirNamespacesStrategy() {
    String both = offloadedNamespace("both", spec -> {});
    Pod pod = createPod(both, "app", null);
    assertThat(pod.getSpec().getTolerations()).contains(Taints.virtualNodeToleration());
    assertThat(pod.getSpec().getAffinity()).isNull();

    String remote =
        offloadedNamespace(
            "remote", spec -> spec.setPodOffloadingStrategy(PodOffloadingStrategy.REMOTE));
    pod = createPod(remote, "app", null);
    assertThat(pod.getSpec().getTolerations()).contains(Taints.virtualNodeToleration());
    assertThat(requiredTerms(pod)).containsExactly(term(VIRTUAL));

    String local =
        offloadedNamespace(
            "local", spec -> spec.setPodOffloadingStrategy(PodOffloadingStrategy.LOCAL));
    pod = createPod(local, "app", null);
    assertThat(pod.getSpec().getTolerations()).doesNotContain(Taints.virtualNodeToleration());
    assertThat(pod.getSpec().getAffinity()).isNull();
  }

  @Test
  void thePodsOwnRequiredAffinityIsMergedAndCanLeaveItUnschedulable() {
    // The seed's example: offloaded to region=south, a pod requiring region=center fits nowhere.
    String namespace =
        offloadedNamespace(
            "south",
            spec ->
                spec.setClusterSelector(
                    new NodeSelector(List.of(term(requirement("region", "In", "south"))))));
    NodeSelectorRequirement center = requirement("region", "In", "center");
    Affinity own =
        new AffinityBuilder()
            .withNewNodeAffinity()
            .withNewRequiredDuringSchedulingIgnoredDuringExecution()
            .withNodeSelectorTerms(term(center))
            .endRequiredDuringSchedulingIgnoredDuringExecution()
            .addNewPreferredDuringSchedulingIgnoredDuringExecution()
            .withWeight(1)
            .withNewPreference()
            .withMatchExpressions(requirement("disk", "In", "ssd"))
            .endPreference()
            .endPreferredDuringSchedulingIgnoredDuringExecution()
            .endNodeAffinity()
            .build();

    Pod pod = createPod(namespace, "centre", own);

    assertThat(requiredTerms(pod))
        .containsExactly(
            term(center, requirement("region", "In", "south"), VIRTUAL), term(center, NOT_VIRTUAL));
    assertThat(
            pod.getSpec()
                .getAffinity()
                .getNodeAffinity()
                .getPreferredDuringSchedulingIgnoredDuringExecution())
        .isEqualTo(own.getNodeAffinity().getPreferredDuringSchedulingIgnoredDuringExecution());
    PodCondition scheduled =
        await()
            .atMost(TIMEOUT)
            .until(() -> condition(namespace, "centre", "PodScheduled"), c -> c != null);
    assertThat(scheduled.getStatus()).isEqualTo("False");
    assertThat(scheduled.getReason()).isEqualTo("Unschedulable");
  }

  @Test
  void theSchedulerPutsRemotePodsOnTheVirtualNodeAndLocalOnesOnThePhysicalNode() {
    String remote =
        offloadedNamespace(
            "sched-remote", spec -> spec.setPodOffloadingStrategy(PodOffloadingStrategy.REMOTE));
    String local =
        offloadedNamespace(
            "sched-local", spec -> spec.setPodOffloadingStrategy(PodOffloadingStrategy.LOCAL));
    createPod(remote, "away", null);
    createPod(local, "home", null);

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(
                        client
                            .pods()
                            .inNamespace(remote)
                            .withName("away")
                            .get()
                            .getSpec()
                            .getNodeName())
                    .isEqualTo(VIRTUAL_NODE));
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              Pod home = client.pods().inNamespace(local).withName("home").get();
              assertThat(home.getSpec().getNodeName()).isEqualTo(cluster.nodeNames().get(0));
              assertThat(home.getStatus().getPhase()).isEqualTo("Running");
            });
  }

  @Test
  void aPodOfALabelledNamespaceWithoutNamespaceOffloadingIsRefused() {
    String namespace = namespace("not-yet", true);
    assertThatThrownBy(() -> createPod(namespace, "early", null))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining(WebhookRegistration.POD_WEBHOOK)
        .hasMessageContaining(
            "namespace "
                + namespace
                + " is labelled liqo.io/scheduling-enabled=true but has no NamespaceOffloading"
                + " 'offloading' yet: offload it with liqoctl offload namespace "
                + namespace
                + ", or retry once it is processed");
    assertThat(client.pods().inNamespace(namespace).list().getItems()).isEmpty();
  }

  @Test
  void podsOfUnlabelledNamespacesAreUntouched() {
    String namespace = namespace("plain", false);
    Pod pod = createPod(namespace, "app", null);
    assertThat(pod.getSpec().getTolerations()).doesNotContain(Taints.virtualNodeToleration());
    assertThat(pod.getSpec().getAffinity()).isNull();
  }

  @Test
  void aDaemonSetToleratingEveryTaintStaysOffVirtualNodes() {
    String namespace = namespace("daemons", false);
    Toleration wildcard = new TolerationBuilder().withOperator("Exists").build();
    client.resource(daemonSet(namespace, "cni", wildcard)).create();
    DaemonSet stored = client.apps().daemonSets().inNamespace(namespace).withName("cni").get();
    assertThat(templateTerms(stored)).containsExactly(term(NOT_VIRTUAL));

    // An update of the template keeps a single requirement: the mutation is idempotent.
    stored =
        client
            .apps()
            .daemonSets()
            .inNamespace(namespace)
            .withName("cni")
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"edited\":\"yes\"}}}}}");
    assertThat(templateTerms(stored)).containsExactly(term(NOT_VIRTUAL));

    Toleration explicit =
        new TolerationBuilder().withKey(Taints.VIRTUAL_NODE_KEY).withOperator("Exists").build();
    client.resource(daemonSet(namespace, "everywhere", wildcard, explicit)).create();
    DaemonSet everywhere =
        client.apps().daemonSets().inNamespace(namespace).withName("everywhere").get();
    assertThat(everywhere.getSpec().getTemplate().getSpec().getAffinity()).isNull();

    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              assertThat(desiredPods(namespace, "cni")).isEqualTo(1);
              assertThat(desiredPods(namespace, "everywhere")).isEqualTo(2);
            });
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(
                        client
                            .pods()
                            .inNamespace(namespace)
                            .withLabel("app", "cni")
                            .list()
                            .getItems())
                    .hasSize(1)
                    .allSatisfy(
                        p ->
                            assertThat(p.getSpec().getNodeName())
                                .isEqualTo(cluster.nodeNames().get(0))));
  }

  @Test
  void invalidNamespaceOffloadingsAreRefusedWithTheFix() {
    String namespace = namespace("invalid", false);
    assertRefused(
        namespace, "other", spec -> {}, "metadata.name must be 'offloading', not 'other'");
    assertRefused(
        namespace,
        "offloading",
        spec -> spec.setNamespaceMappingStrategy(NamespaceMappingStrategy.SELECTED_NAME),
        "spec.remoteNamespaceName is required by namespaceMappingStrategy SelectedName");
    assertRefused(
        namespace,
        "offloading",
        spec -> {
          spec.setNamespaceMappingStrategy(NamespaceMappingStrategy.SELECTED_NAME);
          spec.setRemoteNamespaceName("Not_A_Label");
        },
        "spec.remoteNamespaceName 'Not_A_Label' is not a valid DNS-1123 label");
    assertRefused(
        namespace,
        "offloading",
        spec -> spec.setRemoteNamespaceName("elsewhere"),
        "spec.remoteNamespaceName is only used with namespaceMappingStrategy SelectedName");
    assertRefused(
        namespace,
        "offloading",
        spec -> spec.setClusterSelector(new NodeSelector(List.of(new NodeSelectorTerm()))),
        "spec.clusterSelector.nodeSelectorTerms[0] has no requirement");
    assertRefused(
        namespace,
        "offloading",
        selector(requirement("bad key!", "In", "x")),
        "spec.clusterSelector.nodeSelectorTerms[0].matchExpressions[0].key 'bad key!' is not a"
            + " valid label key");
    assertRefused(
        namespace,
        "offloading",
        selector(new NodeSelectorRequirementBuilder().withKey("region").withOperator("In").build()),
        "matchExpressions[0].values must not be empty with operator In");
    assertRefused(
        namespace,
        "offloading",
        selector(requirement("region", "Exists", "south")),
        "matchExpressions[0].values must be empty with operator Exists");
    assertRefused(
        namespace,
        "offloading",
        selector(requirement("cores", "Gt", "many")),
        "matchExpressions[0].values must hold exactly one integer with operator Gt");
    assertRefused(
        namespace,
        "offloading",
        spec ->
            spec.setClusterSelector(
                new NodeSelector(
                    List.of(
                        new NodeSelectorTermBuilder()
                            .withMatchFields(requirement("metadata.name", "In", "n1"))
                            .build()))),
        "clusterSelector matches the labels of virtual nodes: use matchExpressions");
  }

  @Test
  void theMappingStrategyIsImmutableWhileOtherChangesAreAccepted() {
    String namespace = namespace("immutable", false);
    client
        .resource(
            offloading(
                namespace,
                "offloading",
                spec ->
                    spec.setNamespaceMappingStrategy(NamespaceMappingStrategy.ENFORCE_SAME_NAME)))
        .create();
    var resource =
        client.resources(NamespaceOffloading.class).inNamespace(namespace).withName("offloading");

    assertThatThrownBy(
            () ->
                resource.edit(
                    o -> {
                      o.getSpec()
                          .setNamespaceMappingStrategy(NamespaceMappingStrategy.DEFAULT_NAME);
                      return o;
                    }))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining(
            "spec.namespaceMappingStrategy is immutable (EnforceSameName cannot become"
                + " DefaultName): unoffload the namespace (liqoctl unoffload namespace "
                + namespace
                + ") and offload it again with the new strategy");

    NamespaceOffloading updated =
        resource.edit(
            o -> {
              o.getSpec().setPodOffloadingStrategy(PodOffloadingStrategy.REMOTE);
              o.getSpec()
                  .setClusterSelector(
                      new NodeSelector(List.of(term(requirement("region", "In", "south")))));
              return o;
            });
    assertThat(updated.getSpec().getPodOffloadingStrategy())
        .isEqualTo(PodOffloadingStrategy.REMOTE);
    assertThat(resource.get().getSpec().getNamespaceMappingStrategy())
        .isEqualTo(NamespaceMappingStrategy.ENFORCE_SAME_NAME);
  }

  private static void assertRefused(
      String namespace, String name, Consumer<NamespaceOffloadingSpec> spec, String message) {
    assertThatThrownBy(() -> client.resource(offloading(namespace, name, spec)).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining(WebhookRegistration.NAMESPACE_OFFLOADING_WEBHOOK)
        .hasMessageContaining(message);
    assertThat(client.resources(NamespaceOffloading.class).inNamespace(namespace).list().getItems())
        .isEmpty();
  }

  private static Consumer<NamespaceOffloadingSpec> selector(NodeSelectorRequirement requirement) {
    return spec -> spec.setClusterSelector(new NodeSelector(List.of(term(requirement))));
  }

  private static String offloadedNamespace(String name, Consumer<NamespaceOffloadingSpec> spec) {
    String namespace = namespace(name, true);
    client.resource(offloading(namespace, NamespaceOffloading.DEFAULT_NAME, spec)).create();
    return namespace;
  }

  private static String namespace(String name, boolean schedulingEnabled) {
    var builder = new NamespaceBuilder().withNewMetadata().withName(name).endMetadata();
    if (schedulingEnabled) {
      builder.editMetadata().addToLabels(Labels.SCHEDULING_ENABLED, Labels.TRUE).endMetadata();
    }
    client.resource(builder.build()).create();
    return name;
  }

  private static NamespaceOffloading offloading(
      String namespace, String name, Consumer<NamespaceOffloadingSpec> customize) {
    NamespaceOffloading offloading = new NamespaceOffloading();
    offloading.getMetadata().setName(name);
    offloading.getMetadata().setNamespace(namespace);
    NamespaceOffloadingSpec spec = new NamespaceOffloadingSpec();
    customize.accept(spec);
    offloading.setSpec(spec);
    return offloading;
  }

  private static Pod createPod(String namespace, String name, Affinity affinity) {
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .endMetadata()
            .withNewSpec()
            .withAffinity(affinity)
            .addNewContainer()
            .withName("app")
            .withImage("nginx")
            .endContainer()
            .endSpec()
            .build();
    client.resource(pod).create();
    return client.pods().inNamespace(namespace).withName(name).get();
  }

  private static DaemonSet daemonSet(String namespace, String name, Toleration... tolerations) {
    return new DaemonSetBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withNewSpec()
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .withTolerations(tolerations)
        .addNewContainer()
        .withName("agent")
        .withImage("cni")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private static Integer desiredPods(String namespace, String name) {
    DaemonSet daemonSet = client.apps().daemonSets().inNamespace(namespace).withName(name).get();
    return daemonSet.getStatus() == null ? null : daemonSet.getStatus().getDesiredNumberScheduled();
  }

  private static List<NodeSelectorTerm> requiredTerms(Pod pod) {
    return pod.getSpec()
        .getAffinity()
        .getNodeAffinity()
        .getRequiredDuringSchedulingIgnoredDuringExecution()
        .getNodeSelectorTerms();
  }

  private static List<NodeSelectorTerm> templateTerms(DaemonSet daemonSet) {
    return daemonSet
        .getSpec()
        .getTemplate()
        .getSpec()
        .getAffinity()
        .getNodeAffinity()
        .getRequiredDuringSchedulingIgnoredDuringExecution()
        .getNodeSelectorTerms();
  }

  private static PodCondition condition(String namespace, String name, String type) {
    Pod pod = client.pods().inNamespace(namespace).withName(name).get();
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return null;
    }
    return pod.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElse(null);
  }

  private static NodeSelectorTerm term(NodeSelectorRequirement... requirements) {
    return new NodeSelectorTermBuilder().withMatchExpressions(requirements).build();
  }

  private static NodeSelectorRequirement requirement(
      String key, String operator, String... values) {
    return new NodeSelectorRequirementBuilder()
        .withKey(key)
        .withOperator(operator)
        .withValues(values)
        .build();
  }

  /** A Ready virtual Node in region south, tainted like those of the virtual kubelet. */
  private static Node virtualNode() {
    String now = now();
    Map<String, Quantity> capacity =
        Map.of(
            "cpu", new Quantity("4"), "memory", new Quantity("8Gi"), "pods", new Quantity("110"));
    return new NodeBuilder()
        .withNewMetadata()
        .withName(VIRTUAL_NODE)
        .addToLabels(Labels.TYPE, Labels.TYPE_VIRTUAL_NODE)
        .addToLabels("region", "south")
        .addToLabels("kubernetes.io/hostname", VIRTUAL_NODE)
        .addToLabels("kubernetes.io/os", "linux")
        .endMetadata()
        .withNewSpec()
        .withTaints(Taints.virtualNode())
        .endSpec()
        .withNewStatus()
        .withCapacity(capacity)
        .withAllocatable(capacity)
        .addNewCondition()
        .withType("Ready")
        .withStatus("True")
        .withReason("KubeletReady")
        .withMessage("virtual node for the webhook tests")
        .withLastHeartbeatTime(now)
        .withLastTransitionTime(now)
        .endCondition()
        .endStatus()
        .build();
  }

  private static void renewLease() {
    try {
      client
          .resource(
              new LeaseBuilder()
                  .withNewMetadata()
                  .withName(VIRTUAL_NODE)
                  .withNamespace("kube-node-lease")
                  .endMetadata()
                  .withNewSpec()
                  .withHolderIdentity(VIRTUAL_NODE)
                  .withLeaseDurationSeconds(40)
                  .withRenewTime(ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))
                  .endSpec()
                  .build())
          .fieldManager("webhooks-test")
          .forceConflicts()
          .serverSideApply();
    } catch (KubernetesClientException e) {
      // retried at the next beat
    }
  }

  private static String now() {
    return ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
