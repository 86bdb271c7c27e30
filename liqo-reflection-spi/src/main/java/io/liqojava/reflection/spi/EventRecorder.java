package io.liqojava.reflection.spi;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Records Kubernetes events on objects of the local cluster, where the user who owns them looks
 * ({@code kubectl describe}, {@code kubectl get events}). Repeated events of the same object,
 * reason and message are aggregated into one with a count. Never put secret values into a message.
 */
public interface EventRecorder {

  /** Records a {@code Normal} event with {@code reason} (CamelCase) and {@code message}. */
  void normal(HasMetadata object, String reason, String message);

  /** Records a {@code Warning} event with {@code reason} (CamelCase) and {@code message}. */
  void warning(HasMetadata object, String reason, String message);
}
