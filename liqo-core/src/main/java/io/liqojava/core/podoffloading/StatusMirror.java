package io.liqojava.core.podoffloading;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.liqojava.api.offloading.v1beta1.ShadowPod;
import io.liqojava.net.spi.AddressRemapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The status a local pod shows for the pod that runs it in a provider: the remote pod's phase,
 * conditions, container statuses, start time and QoS class, with its IPs remapped into the local
 * address space, the virtual node's address as host IP, and restart counts that include the times
 * the provider re-created the pod.
 */
final class StatusMirror {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private final AddressRemapper remapper;

  StatusMirror(AddressRemapper remapper) {
    this.remapper = remapper;
  }

  /**
   * The local status {@code current} turned into what {@code remote} reports.
   *
   * @param current the local pod's status; not modified
   * @param remote the pod running in the provider
   * @param shadow its ShadowPod, for the re-creation count; may be null
   * @param hostIp the virtual node's InternalIP, or null
   */
  PodStatus mirror(PodStatus current, Pod remote, ShadowPod shadow, String hostIp) {
    PodStatus desired = current == null ? new PodStatus() : SERIALIZATION.clone(current);
    PodStatus source = remote.getStatus() == null ? new PodStatus() : remote.getStatus();
    int recreations = recreations(shadow);
    desired.setPhase(source.getPhase());
    desired.setReason(source.getReason());
    desired.setMessage(source.getMessage());
    desired.setConditions(copy(source.getConditions()));
    desired.setContainerStatuses(restarts(source.getContainerStatuses(), recreations));
    desired.setInitContainerStatuses(restarts(source.getInitContainerStatuses(), recreations));
    desired.setStartTime(source.getStartTime());
    desired.setQosClass(source.getQosClass());
    desired.setHostIP(hostIp);
    String podIp = source.getPodIP() == null ? null : remapper.remoteToLocal(source.getPodIP());
    desired.setPodIP(podIp);
    List<PodIP> podIps = new ArrayList<>();
    for (PodIP ip : source.getPodIPs()) {
      if (ip.getIp() != null) {
        podIps.add(new PodIP(remapper.remoteToLocal(ip.getIp())));
      }
    }
    if (podIps.isEmpty() && podIp != null) {
      podIps.add(new PodIP(podIp));
    }
    desired.setPodIPs(podIps);
    return desired;
  }

  private static int recreations(ShadowPod shadow) {
    if (shadow == null || shadow.getStatus() == null) {
      return 0;
    }
    Integer count = shadow.getStatus().getPodRecreations();
    return count == null ? 0 : count;
  }

  private static List<ContainerStatus> restarts(List<ContainerStatus> statuses, int recreations) {
    List<ContainerStatus> copies = copy(statuses);
    for (ContainerStatus status : copies) {
      int restarts = status.getRestartCount() == null ? 0 : status.getRestartCount();
      status.setRestartCount(restarts + recreations);
    }
    return copies;
  }

  private static <T> List<T> copy(List<T> items) {
    List<T> copies = new ArrayList<>();
    if (items != null) {
      items.forEach(item -> copies.add(SERIALIZATION.clone(item)));
    }
    return copies;
  }
}
