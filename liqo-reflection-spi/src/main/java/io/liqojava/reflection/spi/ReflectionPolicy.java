package io.liqojava.reflection.spi;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.liqojava.api.consts.Annotations;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Which objects of a resource are reflected, and which of their labels and annotations travel with
 * them. The reflection manager enforces it: a reflector sees only objects the policy {@linkplain
 * #selects selects}, and the keys listed here are dropped from every object it forges.
 */
@Value.Immutable
public abstract class ReflectionPolicy {

  ReflectionPolicy() {}

  /** A builder; unset attributes take their defaults. */
  public static ImmutableReflectionPolicy.Builder builder() {
    return ImmutableReflectionPolicy.builder();
  }

  /** The default policy: a deny list, every label and annotation reflected. */
  public static ReflectionPolicy defaults() {
    return builder().build();
  }

  /** Deny list (the default) or allow list. */
  @Value.Default
  public PolicyType type() {
    return PolicyType.DENY_LIST;
  }

  /** Label keys that are never copied to a reflection (for example those of a GitOps tool). */
  public abstract Set<String> labelsNotReflected();

  /** Annotation keys that are never copied to a reflection. */
  public abstract Set<String> annotationsNotReflected();

  /**
   * Whether {@code object} is reflected: with a deny list unless it is annotated {@value
   * Annotations#SKIP_REFLECTION}{@code =true}; with an allow list only if it is annotated {@value
   * Annotations#ALLOW_REFLECTION}{@code =true}.
   */
  public boolean selects(HasMetadata object) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    return switch (type()) {
      case DENY_LIST -> !isTrue(annotations, Annotations.SKIP_REFLECTION);
      case ALLOW_LIST -> isTrue(annotations, Annotations.ALLOW_REFLECTION);
    };
  }

  /** {@code labels} without the keys of {@link #labelsNotReflected()}; null counts as empty. */
  public Map<String, String> reflectedLabels(Map<String, String> labels) {
    return without(labels, labelsNotReflected());
  }

  /** {@code annotations} without those of {@link #annotationsNotReflected()}. */
  public Map<String, String> reflectedAnnotations(Map<String, String> annotations) {
    return without(annotations, annotationsNotReflected());
  }

  private static boolean isTrue(Map<String, String> annotations, String key) {
    return annotations != null && "true".equalsIgnoreCase(annotations.get(key));
  }

  private static Map<String, String> without(Map<String, String> map, Set<String> keys) {
    Map<String, String> kept = new LinkedHashMap<>();
    if (map != null) {
      map.forEach(
          (key, value) -> {
            if (!keys.contains(key)) {
              kept.put(key, value);
            }
          });
    }
    return kept;
  }
}
