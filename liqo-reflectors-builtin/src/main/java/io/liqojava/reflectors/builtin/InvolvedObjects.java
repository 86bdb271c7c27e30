package io.liqojava.reflectors.builtin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.liqojava.api.consts.Annotations;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.offloading.v1beta1.ShadowPod;
import io.liqojava.reflection.spi.ReflectionException;
import io.liqojava.reflection.spi.ReflectorContext;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the local object that an object of the remote namespace reflects: the object an Event is
 * about. Answers, including negative ones, are remembered for a minute per remote object (kind,
 * name and UID), as the Events of an object come in bursts; thread safe.
 */
final class InvolvedObjects {

  private static final String POD_API_VERSION = HasMetadata.getApiVersion(Pod.class);
  private static final String POD_KIND = HasMetadata.getKind(Pod.class);
  private static final String SHADOW_POD_API_VERSION = HasMetadata.getApiVersion(ShadowPod.class);
  private static final String SHADOW_POD_KIND = HasMetadata.getKind(ShadowPod.class);

  /** A local object an Event can refer to. */
  record LocalObject(String apiVersion, String kind, String name, String uid) {}

  private record RemoteObject(String apiVersion, String kind, String name, String uid) {}

  private final ReflectorContext context;
  private final Cache<RemoteObject, Optional<LocalObject>> twins =
      Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(Duration.ofMinutes(1)).build();

  InvolvedObjects(ReflectorContext context) {
    this.context = context;
  }

  /**
   * The local object that {@code remote} reflects, or empty when {@code remote} is not in the
   * remote namespace, is not a reflection from the local cluster, or its local object is gone.
   *
   * @throws ReflectionException when an object cannot be read for another reason than its absence
   *     or a lack of permission
   */
  Optional<LocalObject> localTwin(ObjectReference remote) {
    if (remote == null
        || remote.getApiVersion() == null
        || remote.getKind() == null
        || remote.getName() == null
        || !context.namespaces().remote().equals(remote.getNamespace())) {
      return Optional.empty();
    }
    return twins.get(
        new RemoteObject(
            remote.getApiVersion(), remote.getKind(), remote.getName(), remote.getUid()),
        this::find);
  }

  private Optional<LocalObject> find(RemoteObject remote) {
    return get(
            context.remoteClient(),
            "remote",
            remote.apiVersion(),
            remote.kind(),
            context.namespaces().remote(),
            remote.name())
        .filter(this::isReflectedFromHere)
        .flatMap(reflection -> findLocal(remote, sourceName(reflection)));
  }

  /** The local object named {@code name}: of the same kind, or the Pod of a ShadowPod. */
  private Optional<LocalObject> findLocal(RemoteObject remote, String name) {
    boolean shadowPod =
        SHADOW_POD_API_VERSION.equals(remote.apiVersion()) && SHADOW_POD_KIND.equals(remote.kind());
    String apiVersion = shadowPod ? POD_API_VERSION : remote.apiVersion();
    String kind = shadowPod ? POD_KIND : remote.kind();
    return get(context.localClient(), "local", apiVersion, kind, context.namespaces().local(), name)
        .map(local -> new LocalObject(apiVersion, kind, name, local.getMetadata().getUid()));
  }

  private boolean isReflectedFromHere(GenericKubernetesResource object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels != null
        && context.localCluster().clusterId().equals(labels.get(Labels.REFLECTION_ORIGIN));
  }

  private static String sourceName(GenericKubernetesResource reflection) {
    Map<String, String> annotations = reflection.getMetadata().getAnnotations();
    String source = annotations == null ? null : annotations.get(Annotations.REFLECTION_SOURCE);
    return source == null ? reflection.getMetadata().getName() : source;
  }

  private static Optional<GenericKubernetesResource> get(
      KubernetesClient client,
      String cluster,
      String apiVersion,
      String kind,
      String namespace,
      String name) {
    try {
      return Optional.ofNullable(
          client
              .genericKubernetesResources(apiVersion, kind)
              .inNamespace(namespace)
              .withName(name)
              .get());
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_FORBIDDEN) {
        return Optional.empty();
      }
      throw new ReflectionException(
          "could not read "
              + kind
              + " "
              + namespace
              + "/"
              + name
              + " ("
              + apiVersion
              + ") in the "
              + cluster
              + " cluster to reflect its events: "
              + e.getMessage(),
          e);
    }
  }
}
