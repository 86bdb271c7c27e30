package io.liqojava.reflectors.builtin;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.liqojava.reflection.spi.ReflectionPolicy;

/** The metadata of a forged object: a name, and the labels and annotations the policy reflects. */
final class ReflectedMetadata {

  private ReflectedMetadata() {}

  /**
   * Fresh metadata named {@code name}, with the labels and annotations of {@code source} that
   * {@code policy} reflects; nothing else (no namespace, UID, owners or managed fields).
   */
  static ObjectMeta of(HasMetadata source, String name, ReflectionPolicy policy) {
    ObjectMeta metadata = source.getMetadata();
    return new ObjectMetaBuilder()
        .withName(name)
        .withLabels(policy.reflectedLabels(metadata.getLabels()))
        .withAnnotations(policy.reflectedAnnotations(metadata.getAnnotations()))
        .build();
  }
}
