package io.liqojava.core.virtualnode;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.NodeStatus;
import io.fabric8.kubernetes.api.model.NodeSystemInfo;
import io.fabric8.kubernetes.api.model.NodeSystemInfoBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.consts.Taints;
import io.liqojava.api.offloading.v1beta1.VirtualNode;
import io.liqojava.api.offloading.v1beta1.VirtualNodeSpec;
import io.liqojava.core.virtualnode.ProviderConnection.Health;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Node a VirtualNode stands for: its labels, annotations, taints and status, and how to bring
 * an existing Node in line with them without touching what others (users, the node lifecycle
 * controller) set on it.
 */
final class NodeTemplate {

  /** Reason of the Ready condition while the provider's API server does not answer. */
  static final String UNREACHABLE = "RemoteApiServerUnreachable";

  /** The keys of the labels the template set last time, comma-separated, to remove stale ones. */
  static final String MANAGED_LABELS_ANNOTATION = "offloading.liqo.io/managed-labels";

  private final VirtualNode virtualNode;
  private final String name;
  private final Health health;
  private final String apiServerUrl;
  private final String failure;
  private final String kubernetesVersion;
  private final VirtualNodesConfig config;

  NodeTemplate(VirtualNode virtualNode, ProviderConnection connection, VirtualNodesConfig config) {
    this.virtualNode = virtualNode;
    this.name = virtualNode.getMetadata().getName();
    this.health = connection.health();
    this.apiServerUrl = connection.apiServerUrl();
    this.failure = connection.failure();
    this.kubernetesVersion = connection.kubernetesVersion();
    this.config = config;
  }

  /** The Node to create, status included (the API server accepts a Node's status on create). */
  Node newNode() {
    Node node =
        new NodeBuilder()
            .withNewMetadata()
            .withName(name)
            .withLabels(new LinkedHashMap<>())
            .withAnnotations(new LinkedHashMap<>())
            .endMetadata()
            .withNewSpec()
            .endSpec()
            .withNewStatus()
            .endStatus()
            .build();
    applyMetadataAndSpec(node);
    applyStatus(node, now());
    return node;
  }

  /** The labels of the node: the provider's cluster labels, then the standard and Liqo ones. */
  Map<String, String> labels() {
    Map<String, String> labels = new TreeMap<>();
    if (spec().getLabels() != null) {
      labels.putAll(spec().getLabels());
    }
    labels.put("kubernetes.io/hostname", name);
    labels.put("kubernetes.io/os", "linux");
    labels.put("kubernetes.io/arch", "amd64");
    labels.put("kubernetes.io/role", "agent");
    labels.put("type", "virtual-kubelet");
    labels.put("node.kubernetes.io/exclude-from-external-load-balancers", "true");
    labels.put(Labels.TYPE, Labels.TYPE_VIRTUAL_NODE);
    labels.put(Labels.REMOTE_CLUSTER_ID, spec().getClusterID());
    return labels;
  }

  /** The taints of the node: the virtual-node taint and those of the spec. */
  List<Taint> taints() {
    List<Taint> taints = new ArrayList<>();
    taints.add(Taints.virtualNode());
    if (spec().getTaints() != null) {
      taints.addAll(spec().getTaints());
    }
    return taints;
  }

  /**
   * Brings the labels, annotations and taints of {@code node} in line; labels and taints others
   * added stay.
   *
   * @return whether anything changed
   */
  boolean applyMetadataAndSpec(Node node) {
    Node before = copyOfMetadataAndSpec(node);
    Map<String, String> labels =
        node.getMetadata().getLabels() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(node.getMetadata().getLabels());
    Map<String, String> annotations =
        node.getMetadata().getAnnotations() == null
            ? new LinkedHashMap<>()
            : new LinkedHashMap<>(node.getMetadata().getAnnotations());
    Map<String, String> desired = labels();
    String previous = annotations.get(MANAGED_LABELS_ANNOTATION);
    if (previous != null) {
      for (String key : previous.split(",")) {
        if (!key.isEmpty() && !desired.containsKey(key)) {
          labels.remove(key);
        }
      }
    }
    labels.putAll(desired);
    if (spec().getAnnotations() != null) {
      annotations.putAll(spec().getAnnotations());
    }
    annotations.put(VirtualNodes.OWNER_ANNOTATION, ownerKey());
    annotations.put(MANAGED_LABELS_ANNOTATION, String.join(",", new TreeSet<>(desired.keySet())));
    node.getMetadata().setLabels(labels);
    node.getMetadata().setAnnotations(annotations);

    List<Taint> taints =
        node.getSpec().getTaints() == null
            ? new ArrayList<>()
            : new ArrayList<>(node.getSpec().getTaints());
    for (Taint wanted : taints()) {
      taints.removeIf(
          t ->
              Objects.equals(t.getKey(), wanted.getKey())
                  && Objects.equals(t.getEffect(), wanted.getEffect()));
      taints.add(wanted);
    }
    node.getSpec().setTaints(taints);
    if (spec().getProviderID() != null && !spec().getProviderID().isEmpty()) {
      node.getSpec().setProviderID(spec().getProviderID());
    }
    return !sameMetadataAndSpec(before, node);
  }

  /**
   * Whether the status of {@code node} says what this template would: capacity, allocatable,
   * addresses, system info and the condition statuses, reasons and messages (heartbeat times
   * aside). While the provider is unhealthy, a Ready condition the node lifecycle controller turned
   * Unknown is as good as False.
   */
  boolean statusMatches(Node node) {
    NodeStatus status = node.getStatus();
    if (status == null) {
      return false;
    }
    return sameQuantities(status.getCapacity(), resources())
        && sameQuantities(status.getAllocatable(), resources())
        && Objects.equals(status.getAddresses(), addresses())
        && Objects.equals(status.getNodeInfo(), nodeInfo(status))
        && conditions("").stream().allMatch(c -> matches(status.getConditions(), c));
  }

  /** Writes the template's status into {@code node}, keeping transition times that still hold. */
  void applyStatus(Node node, String now) {
    NodeStatus status = node.getStatus() == null ? new NodeStatus() : node.getStatus();
    status.setCapacity(new LinkedHashMap<>(resources()));
    status.setAllocatable(new LinkedHashMap<>(resources()));
    status.setAddresses(addresses());
    status.setNodeInfo(nodeInfo(status));
    List<NodeCondition> conditions =
        status.getConditions() == null
            ? new ArrayList<>()
            : new ArrayList<>(status.getConditions());
    for (NodeCondition wanted : conditions(now)) {
      NodeCondition existing =
          conditions.stream()
              .filter(c -> wanted.getType().equals(c.getType()))
              .findFirst()
              .orElse(null);
      if (existing != null
          && existing.getStatus().equals(wanted.getStatus())
          && existing.getLastTransitionTime() != null) {
        wanted.setLastTransitionTime(existing.getLastTransitionTime());
      }
      if (existing != null && "Ready".equals(wanted.getType()) && tolerated(existing, wanted)) {
        continue;
      }
      conditions.remove(existing);
      conditions.add(wanted);
    }
    status.setConditions(conditions);
    node.setStatus(status);
  }

  /** Whether the node Ready condition says the node is ready. */
  static boolean isReady(Node node) {
    return node.getStatus() != null
        && node.getStatus().getConditions() != null
        && node.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /**
   * {@code namespace/name} of the VirtualNode, the value of {@link VirtualNodes#OWNER_ANNOTATION}.
   */
  String ownerKey() {
    return virtualNode.getMetadata().getNamespace() + "/" + name;
  }

  private Map<String, Quantity> resources() {
    if (spec().getResourceQuota() == null || spec().getResourceQuota().getHard() == null) {
      return Map.of();
    }
    return new TreeMap<>(spec().getResourceQuota().getHard());
  }

  private List<NodeAddress> addresses() {
    List<NodeAddress> addresses = new ArrayList<>();
    config.nodeAddress().ifPresent(ip -> addresses.add(new NodeAddress(ip, "InternalIP")));
    addresses.add(new NodeAddress(name, "Hostname"));
    return addresses;
  }

  /** The system info; the kubelet version stays what it was until the provider's is known. */
  private NodeSystemInfo nodeInfo(NodeStatus current) {
    String version = kubernetesVersion;
    if (version == null && current.getNodeInfo() != null) {
      version = current.getNodeInfo().getKubeletVersion();
    }
    if (version == null) {
      version = "";
    }
    return new NodeSystemInfoBuilder()
        .withArchitecture("amd64")
        .withOperatingSystem("linux")
        .withOsImage("Liqo virtual node of cluster " + spec().getClusterID())
        .withKernelVersion("")
        .withContainerRuntimeVersion("liqo://" + spec().getClusterID())
        .withKubeletVersion(version)
        .withKubeProxyVersion("")
        .withMachineID("")
        .withSystemUUID("")
        .withBootID("")
        .build();
  }

  /** The conditions this template sets; Ready only once the provider's health is known. */
  private List<NodeCondition> conditions(String now) {
    List<NodeCondition> conditions = new ArrayList<>();
    if (health == Health.HEALTHY) {
      conditions.add(
          condition(
              "Ready",
              "True",
              "KubeletReady",
              "the virtual node is ready: the API server of provider cluster "
                  + spec().getClusterID()
                  + " at "
                  + apiServerUrl
                  + " answers",
              now));
    } else if (health == Health.UNHEALTHY) {
      conditions.add(condition("Ready", "False", UNREACHABLE, failure, now));
    }
    conditions.add(
        condition(
            "MemoryPressure",
            "False",
            "KubeletHasSufficientMemory",
            "the provider cluster has sufficient memory available",
            now));
    conditions.add(
        condition(
            "DiskPressure",
            "False",
            "KubeletHasNoDiskPressure",
            "the provider cluster has no disk pressure",
            now));
    conditions.add(
        condition(
            "PIDPressure",
            "False",
            "KubeletHasSufficientPID",
            "the provider cluster has sufficient PID available",
            now));
    boolean networkChecked = !Boolean.TRUE.equals(spec().getDisableNetworkCheck());
    conditions.add(
        condition(
            "NetworkUnavailable",
            "False",
            networkChecked ? "LiqoNetworkingUp" : "LiqoNetworkCheckDisabled",
            networkChecked
                ? "the network to the provider cluster is not reported unavailable"
                : "the network check of this virtual node is disabled",
            now));
    return conditions;
  }

  private static NodeCondition condition(
      String type, String status, String reason, String message, String now) {
    return new NodeConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage(message)
        .withLastHeartbeatTime(now)
        .withLastTransitionTime(now)
        .build();
  }

  private static boolean matches(List<NodeCondition> actual, NodeCondition wanted) {
    if (actual == null) {
      return false;
    }
    return actual.stream()
        .anyMatch(
            c ->
                wanted.getType().equals(c.getType())
                    && (tolerated(c, wanted)
                        || (wanted.getStatus().equals(c.getStatus())
                            && Objects.equals(wanted.getReason(), c.getReason())
                            && Objects.equals(wanted.getMessage(), c.getMessage()))));
  }

  /**
   * Whether {@code actual} may stand in place of {@code wanted}: the node lifecycle controller
   * turns a Ready=False whose heartbeat stopped to Unknown; rewriting it would only fight it.
   */
  private static boolean tolerated(NodeCondition actual, NodeCondition wanted) {
    return "Ready".equals(wanted.getType())
        && "False".equals(wanted.getStatus())
        && "Unknown".equals(actual.getStatus());
  }

  private static boolean sameQuantities(
      Map<String, Quantity> actual, Map<String, Quantity> wanted) {
    Map<String, Quantity> present = actual == null ? Map.of() : actual;
    return present.size() == wanted.size()
        && wanted.entrySet().stream().allMatch(e -> e.getValue().equals(present.get(e.getKey())));
  }

  private static Node copyOfMetadataAndSpec(Node node) {
    Node copy = new Node();
    copy.setMetadata(new ObjectMeta());
    copy.getMetadata()
        .setLabels(
            node.getMetadata().getLabels() == null
                ? Map.of()
                : Map.copyOf(node.getMetadata().getLabels()));
    copy.getMetadata()
        .setAnnotations(
            node.getMetadata().getAnnotations() == null
                ? Map.of()
                : Map.copyOf(node.getMetadata().getAnnotations()));
    copy.setSpec(new NodeSpec());
    copy.getSpec()
        .setTaints(
            node.getSpec().getTaints() == null
                ? List.of()
                : List.copyOf(node.getSpec().getTaints()));
    copy.getSpec().setProviderID(node.getSpec().getProviderID());
    return copy;
  }

  private static boolean sameMetadataAndSpec(Node a, Node b) {
    return Objects.equals(a.getMetadata().getLabels(), Map.copyOf(b.getMetadata().getLabels()))
        && Objects.equals(
            a.getMetadata().getAnnotations(), Map.copyOf(b.getMetadata().getAnnotations()))
        && Set.copyOf(a.getSpec().getTaints()).equals(Set.copyOf(b.getSpec().getTaints()))
        && a.getSpec().getTaints().size() == b.getSpec().getTaints().size()
        && Objects.equals(a.getSpec().getProviderID(), b.getSpec().getProviderID());
  }

  private VirtualNodeSpec spec() {
    return virtualNode.getSpec();
  }

  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
