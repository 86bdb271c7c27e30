package io.liqojava.reflection.spi;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.immutables.value.Value;

/**
 * A kind of Kubernetes resource, by API group and kind, independent of the version a cluster
 * serves: {@code ConfigMap}, {@code EndpointSlice.discovery.k8s.io}.
 */
@Value.Immutable
public abstract class ReflectedResource {

  ReflectedResource() {}

  /** The resource of {@code group} (empty for the core group) and {@code kind}. */
  public static ReflectedResource of(String group, String kind) {
    return ImmutableReflectedResource.builder().group(group).kind(kind).build();
  }

  /** The resource of the model class {@code type}, read from its {@code @Group}/{@code @Kind}. */
  public static ReflectedResource of(Class<? extends HasMetadata> type) {
    return of(HasMetadata.getGroup(type), HasMetadata.getKind(type));
  }

  /** The API group; empty for the core group. */
  public abstract String group();

  /** The kind, for example {@code ConfigMap}. */
  public abstract String kind();

  @Value.Check
  void check() {
    if (kind().isBlank()) {
      throw new IllegalArgumentException("a reflected resource needs a kind, e.g. 'ConfigMap'");
    }
  }

  /** {@code Kind} for the core group, {@code Kind.group} otherwise, as kubectl writes it. */
  @Override
  public String toString() {
    return group().isEmpty() ? kind() : kind() + "." + group();
  }
}
