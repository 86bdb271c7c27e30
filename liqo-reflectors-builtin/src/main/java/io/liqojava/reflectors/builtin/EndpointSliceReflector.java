package io.liqojava.reflectors.builtin;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.liqojava.api.consts.Annotations;
import io.liqojava.reflection.spi.ReflectionException;
import io.liqojava.reflection.spi.Reflector;
import io.liqojava.reflection.spi.ReflectorContext;
import java.util.List;
import java.util.Optional;

/**
 * Forges the remote EndpointSlice of a local one; see {@link EndpointSliceReflectorProvider}.
 *
 * @param <S> the model class of the version the local cluster serves
 * @param <T> the model class of the version the remote cluster serves
 */
final class EndpointSliceReflector<S extends HasMetadata, T extends HasMetadata>
    implements Reflector<S, T> {

  private static final String IPV4 = "IPv4";
  private static final String IPV6 = "IPv6";

  private final SliceCodec<S> source;
  private final SliceCodec<T> target;
  private final ReflectorContext context;

  EndpointSliceReflector(SliceCodec<S> source, SliceCodec<T> target, ReflectorContext context) {
    this.source = source;
    this.target = target;
    this.context = context;
  }

  @Override
  public Class<S> sourceType() {
    return source.type();
  }

  @Override
  public Class<T> targetType() {
    return target.type();
  }

  @Override
  public Optional<T> forge(S local) {
    String name = local.getMetadata().getName();
    Slice slice = source.read(local);
    List<Slice.Endpoint> endpoints =
        slice.endpoints().stream()
            .filter(endpoint -> !isOnVirtualNode(endpoint))
            .map(endpoint -> endpoint.withAddresses(toRemote(endpoint.addresses(), slice, name)))
            .toList();
    ObjectMeta metadata =
        new ObjectMetaBuilder(ReflectedMetadata.of(local, name, context.policy()))
            .addToLabels(
                EndpointSliceReflectorProvider.MANAGED_BY_LABEL,
                EndpointSliceReflectorProvider.MANAGER)
            .build();
    return Optional.of(
        target.write(metadata, new Slice(slice.addressType(), slice.ports(), endpoints)));
  }

  /** Whether the endpoint is an offloaded pod, which the remote control plane already lists. */
  private boolean isOnVirtualNode(Slice.Endpoint endpoint) {
    return endpoint.nodeName() != null && context.virtualNodeNames().contains(endpoint.nodeName());
  }

  /** {@code addresses} as the remote cluster reaches them; FQDNs stay as they are. */
  private List<String> toRemote(List<String> addresses, Slice slice, String name) {
    boolean ip = IPV4.equals(slice.addressType()) || IPV6.equals(slice.addressType());
    if (!ip) {
      return addresses;
    }
    try {
      return addresses.stream().map(context.remapper()::localToRemote).toList();
    } catch (IllegalArgumentException e) {
      throw ReflectionException.rejected(
          "EndpointSlice "
              + name
              + " has address type "
              + slice.addressType()
              + " but an endpoint address that is not an IP address ("
              + e.getMessage()
              + "): correct the endpoint addresses, or annotate the slice "
              + Annotations.SKIP_REFLECTION
              + "=true");
    }
  }
}
