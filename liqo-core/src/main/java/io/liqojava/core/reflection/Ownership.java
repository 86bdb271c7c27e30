package io.liqojava.core.reflection;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.liqojava.api.consts.Annotations;
import io.liqojava.api.consts.Labels;
import io.liqojava.reflection.spi.ReflectionPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The marks that make an object a reflection of one cluster into another: labels {@value
 * Labels#REFLECTION_ORIGIN}, {@value Labels#REFLECTION_DESTINATION} and {@value Labels#MANAGED_BY},
 * and the source name annotation. Only objects carrying them are ever written or deleted by
 * reflection.
 *
 * @param sourceClusterId the ID of the cluster the sources live in
 * @param targetClusterId the ID of the cluster the reflections live in
 */
record Ownership(String sourceClusterId, String targetClusterId) {

  /** Whether {@code target} is a reflection from the source cluster into the target cluster. */
  boolean owns(HasMetadata target) {
    Map<String, String> labels = target.getMetadata().getLabels();
    return labels != null
        && sourceClusterId.equals(labels.get(Labels.REFLECTION_ORIGIN))
        && targetClusterId.equals(labels.get(Labels.REFLECTION_DESTINATION))
        && Labels.MANAGED_BY_REFLECTION.equals(labels.get(Labels.MANAGED_BY));
  }

  /**
   * The name of the source that {@code target} reflects: from its annotation when it is one of
   * ours, else its own name (an object in the way of the source of the same name).
   */
  String sourceName(HasMetadata target) {
    ObjectMeta metadata = target.getMetadata();
    if (owns(target) && metadata.getAnnotations() != null) {
      return metadata
          .getAnnotations()
          .getOrDefault(Annotations.REFLECTION_SOURCE, metadata.getName());
    }
    return metadata.getName();
  }

  /** The source name of {@code target} when it is one of ours; none otherwise (for an index). */
  List<String> ownedSourceName(HasMetadata target) {
    return owns(target) ? List.of(sourceName(target)) : List.of();
  }

  /**
   * Turns a forged object into the reflection to write: in {@code namespace}, with the labels and
   * annotations the policy lets through plus the ownership marks, and without server-owned metadata
   * a forge may have copied.
   */
  <T extends HasMetadata> T stamp(
      T forged, String sourceName, String namespace, ReflectionPolicy policy) {
    ObjectMeta metadata = forged.getMetadata();
    Map<String, String> labels = new LinkedHashMap<>(policy.reflectedLabels(metadata.getLabels()));
    labels.put(Labels.REFLECTION_ORIGIN, sourceClusterId);
    labels.put(Labels.REFLECTION_DESTINATION, targetClusterId);
    labels.put(Labels.MANAGED_BY, Labels.MANAGED_BY_REFLECTION);
    Map<String, String> annotations =
        new LinkedHashMap<>(policy.reflectedAnnotations(metadata.getAnnotations()));
    annotations.put(Annotations.REFLECTION_SOURCE, sourceName);
    annotations.remove(Annotations.REFLECTION_DIGEST);
    metadata.setNamespace(namespace);
    metadata.setLabels(labels);
    metadata.setAnnotations(annotations);
    metadata.setResourceVersion(null);
    metadata.setUid(null);
    metadata.setManagedFields(null);
    metadata.setCreationTimestamp(null);
    metadata.setOwnerReferences(null);
    metadata.setGeneration(null);
    metadata.setGenerateName(null);
    return forged;
  }
}
