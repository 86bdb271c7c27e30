package io.liqojava.reflectors.builtin;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressSpecBuilder;
import io.liqojava.reflection.spi.Reflector;
import io.liqojava.reflection.spi.ReflectorContext;
import java.util.Optional;

/** Forges the remote Ingress of a local one; see {@link IngressReflectorProvider}. */
final class IngressReflector implements Reflector<Ingress, Ingress> {

  private final ReflectorContext context;

  IngressReflector(ReflectorContext context) {
    this.context = context;
  }

  @Override
  public Class<Ingress> sourceType() {
    return Ingress.class;
  }

  @Override
  public Class<Ingress> targetType() {
    return Ingress.class;
  }

  @Override
  public Optional<Ingress> forge(Ingress source) {
    return Optional.of(
        new IngressBuilder()
            .withMetadata(
                ReflectedMetadata.of(source, source.getMetadata().getName(), context.policy()))
            .withSpec(new IngressSpecBuilder(source.getSpec()).withIngressClassName(null).build())
            .build());
  }
}
