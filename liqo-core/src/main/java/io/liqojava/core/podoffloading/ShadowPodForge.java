package io.liqojava.core.podoffloading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.liqojava.api.consts.Annotations;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.offloading.v1beta1.ShadowPod;
import io.liqojava.api.offloading.v1beta1.ShadowPodSpec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Turns a local pod into the ShadowPod that runs it in a provider: the pod's spec without what
 * refers to the local cluster (scheduling constraints, host namespaces, service account), with the
 * service account token replaced by one of the origin cluster.
 */
final class ShadowPodForge {

  /** Where Kubernetes mounts a pod's service account token, CA and namespace. */
  static final String SERVICE_ACCOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";

  /** The projected volume that carries the origin's token and root CA in an offloaded pod. */
  static final String TOKEN_VOLUME = "liqo-kube-api-access";

  /** The local root CA ConfigMap, reflected to providers with the origin ID as a suffix. */
  static final String ROOT_CA_CONFIG_MAP = "kube-root-ca.crt";

  private static final String PROJECTED_TOKEN_VOLUME_PREFIX = "kube-api-access-";
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final ObjectMapper DIGEST_MAPPER =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final String originClusterId;
  private final String destinationClusterId;
  private final OriginApiServer apiServer;

  ShadowPodForge(String originClusterId, String destinationClusterId, OriginApiServer apiServer) {
    this.originClusterId = originClusterId;
    this.destinationClusterId = destinationClusterId;
    this.apiServer = apiServer;
  }

  /**
   * Whether {@code pod} has its service account token mounted, so its offloaded twin gets one of
   * the origin. A pod, or a ServiceAccount, that opted out of automounting has no token volume.
   */
  static boolean mountsServiceAccountToken(Pod pod) {
    return !Boolean.FALSE.equals(pod.getSpec().getAutomountServiceAccountToken())
        && !tokenVolumes(pod.getSpec()).isEmpty();
  }

  /** The name of the reflected root CA ConfigMap of the origin in the provider. */
  String rootCaConfigMap() {
    return ROOT_CA_CONFIG_MAP + "." + originClusterId;
  }

  /**
   * The ShadowPod of {@code pod} in {@code remoteNamespace}, carrying the digest of its content in
   * {@link Annotations#REFLECTION_DIGEST}.
   */
  ShadowPod forge(Pod pod, String remoteNamespace) {
    Map<String, String> labels = new LinkedHashMap<>(orEmpty(pod.getMetadata().getLabels()));
    labels.put(Labels.REFLECTION_ORIGIN, originClusterId);
    labels.put(Labels.REFLECTION_DESTINATION, destinationClusterId);
    Map<String, String> annotations =
        new LinkedHashMap<>(orEmpty(pod.getMetadata().getAnnotations()));
    annotations.remove(Annotations.REFLECTION_DIGEST);
    annotations.put(Annotations.REFLECTION_SOURCE, pod.getMetadata().getName());

    ShadowPod shadow = new ShadowPod();
    shadow.getMetadata().setName(pod.getMetadata().getName());
    shadow.getMetadata().setNamespace(remoteNamespace);
    shadow.getMetadata().setLabels(labels);
    shadow.getMetadata().setAnnotations(annotations);
    ShadowPodSpec spec = new ShadowPodSpec();
    spec.setPod(forgeSpec(pod));
    shadow.setSpec(spec);
    annotations.put(Annotations.REFLECTION_DIGEST, digest(shadow));
    return shadow;
  }

  /** The digest {@link #forge} recorded on {@code shadow}, or null. */
  static String recordedDigest(ShadowPod shadow) {
    Map<String, String> annotations = shadow.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(Annotations.REFLECTION_DIGEST);
  }

  private PodSpec forgeSpec(Pod pod) {
    PodSpec spec = SERIALIZATION.clone(pod.getSpec());
    boolean mountToken = mountsServiceAccountToken(pod);
    Set<String> tokenVolumes = tokenVolumes(spec);

    spec.setNodeName(null);
    spec.setNodeSelector(null);
    spec.setAffinity(null);
    spec.setSchedulerName(null);
    spec.setTolerations(null);
    spec.setTopologySpreadConstraints(null);
    spec.setPriority(null);
    spec.setPriorityClassName(null);
    spec.setPreemptionPolicy(null);
    spec.setHostNetwork(false);
    spec.setHostPID(false);
    spec.setHostIPC(false);
    spec.setServiceAccountName(null);
    spec.setServiceAccount(null);
    spec.setAutomountServiceAccountToken(false);
    spec.setEphemeralContainers(null);

    spec.setVolumes(
        new ArrayList<>(
            spec.getVolumes().stream().filter(v -> !tokenVolumes.contains(v.getName())).toList()));
    for (Container container : containers(spec)) {
      container.setVolumeMounts(
          new ArrayList<>(
              container.getVolumeMounts().stream()
                  .filter(
                      m ->
                          !tokenVolumes.contains(m.getName())
                              && !SERVICE_ACCOUNT_PATH.equals(trimSlash(m.getMountPath())))
                  .toList()));
    }
    if (mountToken) {
      spec.getVolumes().add(tokenVolume(pod.getMetadata().getName()));
      for (Container container : containers(spec)) {
        container.getVolumeMounts().add(tokenMount());
        setEnv(container, "KUBERNETES_SERVICE_HOST", apiServer.host());
        setEnv(container, "KUBERNETES_SERVICE_PORT", Integer.toString(apiServer.port()));
      }
    }
    return spec;
  }

  private Volume tokenVolume(String podName) {
    return new VolumeBuilder()
        .withName(TOKEN_VOLUME)
        .withNewProjected()
        .withDefaultMode(0644)
        .addNewSource()
        .withNewSecret()
        .withName(TokenSecrets.secretName(podName))
        .addNewItem()
        .withKey(TokenSecrets.TOKEN_KEY)
        .withPath(TokenSecrets.TOKEN_KEY)
        .endItem()
        .addNewItem()
        .withKey(TokenSecrets.NAMESPACE_KEY)
        .withPath(TokenSecrets.NAMESPACE_KEY)
        .endItem()
        .endSecret()
        .endSource()
        .addNewSource()
        .withNewConfigMap()
        .withName(rootCaConfigMap())
        .withOptional(true)
        .addNewItem()
        .withKey("ca.crt")
        .withPath("ca.crt")
        .endItem()
        .endConfigMap()
        .endSource()
        .endProjected()
        .build();
  }

  private static VolumeMount tokenMount() {
    return new VolumeMountBuilder()
        .withName(TOKEN_VOLUME)
        .withMountPath(SERVICE_ACCOUNT_PATH)
        .withReadOnly(true)
        .build();
  }

  private static void setEnv(Container container, String name, String value) {
    List<EnvVar> env = new ArrayList<>(container.getEnv());
    env.removeIf(e -> name.equals(e.getName()));
    env.add(new EnvVar(name, value, null));
    container.setEnv(env);
  }

  /**
   * The volumes holding the pod's service account token: the projected {@code kube-api-access-*}
   * volume of Kubernetes 1.21+, the {@code <sa>-token-*} Secret volume of older clusters, and any
   * volume mounted where the token goes.
   */
  static Set<String> tokenVolumes(PodSpec spec) {
    Set<String> names = new LinkedHashSet<>();
    String account =
        spec.getServiceAccountName() != null
            ? spec.getServiceAccountName()
            : spec.getServiceAccount();
    for (Volume volume : spec.getVolumes()) {
      if (volume.getProjected() != null
          && volume.getName().startsWith(PROJECTED_TOKEN_VOLUME_PREFIX)) {
        names.add(volume.getName());
      }
      if (volume.getSecret() != null
          && account != null
          && volume.getSecret().getSecretName() != null
          && volume.getSecret().getSecretName().startsWith(account + "-token-")) {
        names.add(volume.getName());
      }
    }
    for (Container container : containers(spec)) {
      for (VolumeMount mount : container.getVolumeMounts()) {
        if (SERVICE_ACCOUNT_PATH.equals(trimSlash(mount.getMountPath()))) {
          names.add(mount.getName());
        }
      }
    }
    return names;
  }

  private static List<Container> containers(PodSpec spec) {
    return Stream.concat(spec.getInitContainers().stream(), spec.getContainers().stream()).toList();
  }

  private static String trimSlash(String path) {
    return path != null && path.length() > 1 && path.endsWith("/")
        ? path.substring(0, path.length() - 1)
        : path;
  }

  private static Map<String, String> orEmpty(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }

  private static String digest(ShadowPod shadow) {
    try {
      byte[] json = DIGEST_MAPPER.writeValueAsBytes(shadow);
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(json);
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException("cannot digest ShadowPod " + shadow.getMetadata(), e);
    }
  }
}
