package io.liqojava.reflection.spi;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Optional;

/**
 * Reflects the objects of one resource kind from a source namespace into a target namespace: the
 * pure part of reflection. A reflector only says what the target object must look like; the
 * reflection manager does everything else: it watches both namespaces, queues and retries, checks
 * policy and ownership, adds the ownership labels, writes with server-side apply, deletes targets
 * whose source is gone, records events and metrics.
 *
 * <p>{@link #forge} must be a function of the source object (and of the {@link ReflectorContext}
 * the reflector was created with): the manager calls it again whenever either side changes, after a
 * restart, and after lost connections, and writes only when the result differs from the target.
 *
 * @param <S> the source type (a local object for {@link ReflectionDirection#LOCAL_TO_REMOTE})
 * @param <T> the target type, usually the same as the source type
 */
public interface Reflector<S extends HasMetadata, T extends HasMetadata> {

  /** Which way objects flow; default from the local cluster to the remote one. */
  default ReflectionDirection direction() {
    return ReflectionDirection.LOCAL_TO_REMOTE;
  }

  /** The class of source objects, as the Kubernetes client deserializes them. */
  Class<S> sourceType();

  /** The class of target objects. */
  Class<T> targetType();

  /**
   * Forges the target object of {@code source}: its name, labels, annotations and content. Leave
   * the namespace, resource version, UID and status unset. An empty result means that no target
   * must exist: one reflected before is deleted.
   *
   * @param source a source object that the reflection policy selects; never a reflection itself
   * @throws ReflectionException when {@code source} cannot be reflected; its message is recorded as
   *     a {@code FailedReflection} event on the local object
   */
  Optional<T> forge(S source);
}
