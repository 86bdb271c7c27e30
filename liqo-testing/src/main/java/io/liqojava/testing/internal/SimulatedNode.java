package io.liqojava.testing.internal;

import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.liqojava.core.runtime.UidPreconditionDelete;
import io.liqojava.testing.NodeSpec;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A kubelet stand-in for one worker node. It registers the Node as Ready with its capacity, labels
 * and pod CIDR, renews the node's Lease, and drives the pods bound to it: each becomes Running and
 * Ready with an IP from the node's pod CIDR and filled container statuses, and a pod being deleted
 * is removed once its graceful deletion starts, as a kubelet does after its containers stop.
 *
 * <p>Pods are watched through one informer restricted to {@code spec.nodeName=<node>} (as a real
 * kubelet does) and reconciled level-triggered on the cluster's single kubelet worker thread, one
 * pending reconcile per pod.
 */
public final class SimulatedNode implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedNode.class);
  private static final String LEASE_NAMESPACE = "kube-node-lease";
  private static final int LEASE_DURATION_SECONDS = 40;
  private static final Duration LEASE_RENEW_INTERVAL = Duration.ofSeconds(10);
  private static final Duration RETRY_DELAY = Duration.ofSeconds(1);
  private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_INSTANT;

  private final KubernetesClient client;
  private final String name;
  private final NodeSpec spec;
  private final Cidr podCidr;
  private final String kubeletVersion;
  private final ScheduledExecutorService worker;
  private final PodAddresses addresses;
  private final Set<String> pending = ConcurrentHashMap.newKeySet();
  private SharedIndexInformer<Pod> pods;
  private ScheduledFuture<?> leaseRenewal;
  private volatile boolean closed;

  /**
   * @param worker the cluster's kubelet thread; it runs lease renewals and pod reconciles
   */
  public SimulatedNode(
      KubernetesClient client,
      String name,
      NodeSpec spec,
      Cidr podCidr,
      String kubeletVersion,
      ScheduledExecutorService worker) {
    this.client = client;
    this.name = name;
    this.spec = spec;
    this.podCidr = podCidr;
    this.kubeletVersion = kubeletVersion;
    this.worker = worker;
    this.addresses = new PodAddresses(podCidr);
  }

  /** The node name. */
  public String name() {
    return name;
  }

  /** Registers the Node and its Lease, then starts serving the pods bound to it. */
  public void start() {
    register();
    renewLease();
    leaseRenewal =
        worker.scheduleWithFixedDelay(
            this::renewLease,
            LEASE_RENEW_INTERVAL.toMillis(),
            LEASE_RENEW_INTERVAL.toMillis(),
            TimeUnit.MILLISECONDS);
    pods =
        client
            .pods()
            .inAnyNamespace()
            .withField("spec.nodeName", name)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Pod pod) {
                    enqueue(Cache.metaNamespaceKeyFunc(pod));
                  }

                  @Override
                  public void onUpdate(Pod oldPod, Pod newPod) {
                    enqueue(Cache.metaNamespaceKeyFunc(newPod));
                  }

                  @Override
                  public void onDelete(Pod pod, boolean deletedFinalStateUnknown) {
                    enqueue(Cache.metaNamespaceKeyFunc(pod));
                  }
                });
  }

  @Override
  public void close() {
    closed = true;
    if (leaseRenewal != null) {
      leaseRenewal.cancel(false);
    }
    if (pods != null) {
      pods.close();
    }
  }

  private void register() {
    Node desired = desiredNode();
    try {
      client.nodes().resource(desired).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
      client
          .nodes()
          .withName(name)
          .editStatus(
              existing -> new NodeBuilder(existing).withStatus(desired.getStatus()).build());
    }
  }

  private Node desiredNode() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("kubernetes.io/hostname", name);
    labels.put("kubernetes.io/os", "linux");
    labels.put("kubernetes.io/arch", "amd64");
    labels.put("beta.kubernetes.io/os", "linux");
    labels.put("beta.kubernetes.io/arch", "amd64");
    labels.putAll(spec.labels());
    Map<String, Quantity> capacity = new LinkedHashMap<>();
    capacity.put("cpu", new Quantity(spec.cpu()));
    capacity.put("memory", new Quantity(spec.memory()));
    capacity.put("pods", new Quantity(Integer.toString(spec.pods())));
    capacity.put("ephemeral-storage", new Quantity("100Gi"));
    spec.extendedResources()
        .forEach((resource, amount) -> capacity.put(resource, new Quantity(amount)));
    String now = now();
    return new NodeBuilder()
        .withNewMetadata()
        .withName(name)
        .withLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withPodCIDR(podCidr.toString())
        .withPodCIDRs(podCidr.toString())
        .withProviderID("liqo-testing://" + name)
        .endSpec()
        .withNewStatus()
        .withCapacity(capacity)
        .withAllocatable(capacity)
        .withConditions(
            condition(
                "MemoryPressure",
                "False",
                "KubeletHasSufficientMemory",
                "kubelet has sufficient memory available",
                now),
            condition(
                "DiskPressure",
                "False",
                "KubeletHasNoDiskPressure",
                "kubelet has no disk pressure",
                now),
            condition(
                "PIDPressure",
                "False",
                "KubeletHasSufficientPID",
                "kubelet has sufficient PID available",
                now),
            condition(
                "Ready", "True", "KubeletReady", "simulated kubelet is posting ready status", now))
        .addNewAddress()
        .withType("InternalIP")
        .withAddress(spec.address())
        .endAddress()
        .addNewAddress()
        .withType("Hostname")
        .withAddress(name)
        .endAddress()
        .withNewDaemonEndpoints()
        .withNewKubeletEndpoint(10250)
        .endDaemonEndpoints()
        .withNewNodeInfo()
        .withArchitecture("amd64")
        .withOperatingSystem("linux")
        .withOsImage("liqo-testing simulated node")
        .withKernelVersion("simulated")
        .withContainerRuntimeVersion("simulated://1.0.0")
        .withKubeletVersion("v" + kubeletVersion)
        .withKubeProxyVersion("v" + kubeletVersion)
        .withMachineID(UUID.nameUUIDFromBytes(name.getBytes()).toString().replace("-", ""))
        .withSystemUUID(UUID.nameUUIDFromBytes(name.getBytes()).toString())
        .withBootID(UUID.randomUUID().toString())
        .endNodeInfo()
        .endStatus()
        .build();
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

  private void renewLease() {
    if (closed) {
      return;
    }
    try {
      Lease lease =
          new LeaseBuilder()
              .withNewMetadata()
              .withName(name)
              .withNamespace(LEASE_NAMESPACE)
              .endMetadata()
              .withNewSpec()
              .withHolderIdentity(name)
              .withLeaseDurationSeconds(LEASE_DURATION_SECONDS)
              .withRenewTime(ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))
              .endSpec()
              .build();
      client
          .resource(lease)
          .fieldManager("liqo-testing-kubelet")
          .forceConflicts()
          .serverSideApply();
    } catch (KubernetesClientException e) {
      LOG.debug(
          "node {}: cannot renew its lease ({}); retrying in {}",
          name,
          e.getMessage(),
          LEASE_RENEW_INTERVAL);
    }
  }

  private void enqueue(String key) {
    if (!closed && pending.add(key)) {
      worker.execute(
          () -> {
            pending.remove(key);
            try {
              reconcile(key);
            } catch (KubernetesClientException e) {
              if (!closed) {
                LOG.debug(
                    "node {}: pod {} not reconciled ({}); retrying", name, key, e.getMessage());
                worker.schedule(() -> enqueue(key), RETRY_DELAY.toMillis(), TimeUnit.MILLISECONDS);
              }
            }
          });
    }
  }

  private void reconcile(String key) {
    Pod pod = pods.getIndexer().getByKey(key);
    if (pod == null) {
      addresses.release(key);
      return;
    }
    String namespace = pod.getMetadata().getNamespace();
    String podName = pod.getMetadata().getName();
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      // Containers "stop" at once; then the kubelet finishes the graceful deletion, of this pod
      // only: the cache may still hold it after a pod of the same name replaced it.
      try {
        UidPreconditionDelete.delete(client, pod, 0L);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      addresses.release(key);
      return;
    }
    PodStatus status = pod.getStatus();
    String phase = status == null ? null : status.getPhase();
    if ("Succeeded".equals(phase) || "Failed".equals(phase) || isRunningAndReady(pod)) {
      if (status != null && status.getPodIP() != null) {
        addresses.remember(key, pod.getMetadata().getUid(), status.getPodIP());
      }
      return;
    }
    String ip =
        Boolean.TRUE.equals(pod.getSpec().getHostNetwork())
            ? spec.address()
            : addresses.assign(key, pod.getMetadata().getUid());
    client.pods().inNamespace(namespace).resource(running(pod, ip)).updateStatus();
  }

  private static boolean isRunningAndReady(Pod pod) {
    PodStatus status = pod.getStatus();
    return status != null
        && "Running".equals(status.getPhase())
        && status.getPodIP() != null
        && status.getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private Pod running(Pod pod, String ip) {
    String now = now();
    PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
    String startTime = status.getStartTime() == null ? now : status.getStartTime();
    List<PodCondition> conditions = new ArrayList<>();
    status.getConditions().stream()
        .filter(c -> "PodScheduled".equals(c.getType()))
        .forEach(conditions::add);
    for (String type : List.of("Initialized", "Ready", "ContainersReady")) {
      conditions.add(
          new PodConditionBuilder()
              .withType(type)
              .withStatus("True")
              .withLastTransitionTime(now)
              .build());
    }
    List<ContainerStatus> initContainers = new ArrayList<>();
    pod.getSpec()
        .getInitContainers()
        .forEach(
            c ->
                initContainers.add(
                    containerStatus(
                        pod,
                        c.getName(),
                        c.getImage(),
                        false,
                        new ContainerStateBuilder()
                            .withNewTerminated()
                            .withExitCode(0)
                            .withReason("Completed")
                            .withStartedAt(startTime)
                            .withFinishedAt(now)
                            .endTerminated()
                            .build())));
    List<ContainerStatus> containers = new ArrayList<>();
    pod.getSpec()
        .getContainers()
        .forEach(
            c ->
                containers.add(
                    containerStatus(
                        pod,
                        c.getName(),
                        c.getImage(),
                        true,
                        new ContainerStateBuilder()
                            .withNewRunning()
                            .withStartedAt(now)
                            .endRunning()
                            .build())));
    status.setPhase("Running");
    status.setHostIP(spec.address());
    status.setPodIP(ip);
    status.setPodIPs(List.of(new PodIP(ip)));
    status.setStartTime(startTime);
    status.setConditions(conditions);
    status.setInitContainerStatuses(initContainers);
    status.setContainerStatuses(containers);
    pod.setStatus(status);
    return pod;
  }

  private static ContainerStatus containerStatus(
      Pod pod, String container, String image, boolean ready, ContainerState state) {
    String id =
        UUID.nameUUIDFromBytes((pod.getMetadata().getUid() + "/" + container).getBytes())
            .toString();
    return new ContainerStatusBuilder()
        .withName(container)
        .withImage(image)
        .withImageID("simulated://" + image)
        .withContainerID("simulated://" + id.replace("-", ""))
        .withReady(ready)
        .withStarted(ready)
        .withRestartCount(0)
        .withState(state)
        .build();
  }

  private static String now() {
    return RFC3339.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }
}
