package io.liqojava.reflectors.builtin;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.liqojava.reflection.spi.ReflectedResource;
import io.liqojava.reflection.spi.Reflector;
import io.liqojava.reflection.spi.ReflectorContext;
import io.liqojava.reflection.spi.ReflectorProvider;

/**
 * Reflects Ingresses ({@code networking.k8s.io/v1}) verbatim to the remote namespace, except that
 * {@code ingressClassName} is left empty: the local ingress class may not exist remotely, so the
 * remote cluster's default class serves the reflection, as in Liqo.
 */
public final class IngressReflectorProvider implements ReflectorProvider {

  /** A provider; the reflection manager finds it with {@link java.util.ServiceLoader}. */
  public IngressReflectorProvider() {}

  @Override
  public String name() {
    return "ingresses";
  }

  @Override
  public ReflectedResource resource() {
    return ReflectedResource.of(Ingress.class);
  }

  @Override
  public Reflector<Ingress, Ingress> create(ReflectorContext context) {
    return new IngressReflector(context);
  }
}
