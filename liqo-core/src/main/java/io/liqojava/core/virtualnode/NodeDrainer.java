package io.liqojava.core.virtualnode;

import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.policy.v1.EvictionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.liqojava.core.runtime.OptimisticUpdate;
import java.net.HttpURLConnection;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Empties a virtual node as {@code kubectl drain} would: cordons it, evicts its pods through the
 * Eviction API (so that PodDisruptionBudgets hold and controllers reschedule the pods elsewhere),
 * deletes DaemonSet pods, and deletes what is still there once a deadline has passed.
 *
 * <p>A virtual node has no kubelet to finish a pod's graceful deletion, so a pod whose grace period
 * has run out is deleted for good.
 */
final class NodeDrainer {

  private static final Logger LOG = LoggerFactory.getLogger(NodeDrainer.class);

  private final KubernetesClient client;
  private volatile Boolean policyV1;

  NodeDrainer(KubernetesClient client) {
    this.client = client;
  }

  /** Marks the node {@code name} unschedulable; does nothing when it is already, or gone. */
  void cordon(String name) {
    Node node = client.nodes().withName(name).get();
    if (node == null) {
      return;
    }
    Node stored =
        OptimisticUpdate.update(
            client,
            node,
            latest -> {
              if (Boolean.TRUE.equals(latest.getSpec().getUnschedulable())) {
                return false;
              }
              latest.getSpec().setUnschedulable(true);
              return true;
            });
    if (stored != null && stored != node) {
      LOG.info("virtual node {}: cordoned", name);
    }
  }

  /**
   * Makes one pass over the pods bound to the node {@code name}: evicts the running ones (deletes
   * DaemonSet pods), and once {@code deadlinePassed}, or for pods whose grace period is over,
   * deletes them with no grace period.
   *
   * @return how many pods are still bound to the node
   */
  int drain(String name, boolean deadlinePassed) {
    List<Pod> pods =
        client.pods().inAnyNamespace().withField("spec.nodeName", name).list().getItems();
    Instant now = Instant.now();
    for (Pod pod : pods) {
      PodResource resource =
          client
              .pods()
              .inNamespace(pod.getMetadata().getNamespace())
              .withName(pod.getMetadata().getName());
      String id = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
      try {
        String deletion = pod.getMetadata().getDeletionTimestamp();
        if (deletion != null) {
          if (deadlinePassed || Instant.parse(deletion).isBefore(now)) {
            resource.withGracePeriod(0).delete();
            LOG.info(
                "virtual node {}: deleted pod {}, whose termination no kubelet finishes", name, id);
          }
        } else if (isTerminal(pod) || isDaemonSetPod(pod)) {
          resource.delete();
          LOG.info("virtual node {}: deleted pod {}", name, id);
        } else if (evict(resource, pod)) {
          LOG.info("virtual node {}: evicted pod {}", name, id);
        } else if (deadlinePassed) {
          resource.delete();
          LOG.info("virtual node {}: deleted pod {}, which could not be evicted in time", name, id);
        } else {
          LOG.debug("virtual node {}: pod {} cannot be evicted yet (disruption budget)", name, id);
        }
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
          throw e;
        }
      }
    }
    return pods.size();
  }

  private boolean evict(PodResource resource, Pod pod) {
    if (servesPolicyV1()) {
      return resource.evict(
          new EvictionBuilder()
              .withNewMetadata()
              .withName(pod.getMetadata().getName())
              .withNamespace(pod.getMetadata().getNamespace())
              .endMetadata()
              .build());
    }
    return resource.evict(); // policy/v1beta1, for API servers before 1.22
  }

  private boolean servesPolicyV1() {
    Boolean served = policyV1;
    if (served == null) {
      var group = client.getApiGroup("policy");
      served =
          group != null
              && group.getVersions().stream()
                  .map(GroupVersionForDiscovery::getVersion)
                  .anyMatch("v1"::equals);
      policyV1 = served;
    }
    return served;
  }

  private static boolean isTerminal(Pod pod) {
    String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
    return "Succeeded".equals(phase) || "Failed".equals(phase);
  }

  private static boolean isDaemonSetPod(Pod pod) {
    return pod.getMetadata().getOwnerReferences() != null
        && pod.getMetadata().getOwnerReferences().stream()
            .anyMatch(
                o -> "DaemonSet".equals(o.getKind()) && Boolean.TRUE.equals(o.getController()));
  }
}
