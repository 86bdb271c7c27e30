package io.liqojava.core.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Objects;

/**
 * The key of a Kubernetes object: its namespace (null for cluster-scoped objects) and name. It is
 * what controllers queue and reconcile, never the object itself, so that a reconcile always reads
 * the latest state.
 *
 * @param namespace the namespace, or null for a cluster-scoped object
 * @param name the name
 */
public record ObjectKey(String namespace, String name) {

  /** Checks that the name is present. */
  public ObjectKey {
    Objects.requireNonNull(name, "name");
  }

  /** The key of a cluster-scoped object. */
  public static ObjectKey of(String name) {
    return new ObjectKey(null, name);
  }

  /** The key of a namespaced object. */
  public static ObjectKey of(String namespace, String name) {
    return new ObjectKey(namespace, name);
  }

  /** The key of {@code object}. */
  public static ObjectKey of(HasMetadata object) {
    return new ObjectKey(object.getMetadata().getNamespace(), object.getMetadata().getName());
  }

  /**
   * {@code namespace/name}, or {@code name} for a cluster-scoped object, as informer caches key.
   */
  @Override
  public String toString() {
    return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
  }
}
