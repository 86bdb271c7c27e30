package io.liqojava.reflection.spi;

import org.immutables.value.Value;

/**
 * A namespace of the local cluster and its twin in the remote cluster, between which objects are
 * reflected.
 */
@Value.Immutable
public abstract class NamespacePair {

  NamespacePair() {}

  /** The pair of local namespace {@code local} and remote namespace {@code remote}. */
  public static NamespacePair of(String local, String remote) {
    return ImmutableNamespacePair.builder().local(local).remote(remote).build();
  }

  /** The namespace in the local (origin) cluster. */
  public abstract String local();

  /** The namespace in the remote (provider) cluster. */
  public abstract String remote();

  @Value.Check
  void check() {
    if (local().isBlank() || remote().isBlank()) {
      throw new IllegalArgumentException(
          "a namespace pair needs both namespaces, got '" + local() + "' -> '" + remote() + "'");
    }
  }

  @Override
  public String toString() {
    return local() + "->" + remote();
  }
}
