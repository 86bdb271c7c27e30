package io.liqojava.reflectors.builtin;

import io.fabric8.kubernetes.api.model.Service;
import io.liqojava.api.consts.Annotations;
import io.liqojava.reflection.spi.ReflectedResource;
import io.liqojava.reflection.spi.Reflector;
import io.liqojava.reflection.spi.ReflectorContext;
import io.liqojava.reflection.spi.ReflectorProvider;

/**
 * Reflects Services verbatim (labels, annotations, type, selector, ports, policies) to the remote
 * namespace, leaving empty the fields that would likely conflict there, for the remote cluster to
 * allocate, as in Liqo:
 *
 * <ul>
 *   <li>{@code clusterIP} and {@code clusterIPs}, except that a headless Service ({@code clusterIP:
 *       None}) stays headless;
 *   <li>{@code loadBalancerIP};
 *   <li>every port's {@code nodePort} and {@code healthCheckNodePort}, unless the Service is
 *       annotated {@value Annotations#FORCE_REMOTE_NODE_PORT}{@code =true}, which keeps them.
 * </ul>
 */
public final class ServiceReflectorProvider implements ReflectorProvider {

  /** A provider; the reflection manager finds it with {@link java.util.ServiceLoader}. */
  public ServiceReflectorProvider() {}

  @Override
  public String name() {
    return "services";
  }

  @Override
  public ReflectedResource resource() {
    return ReflectedResource.of(Service.class);
  }

  @Override
  public Reflector<Service, Service> create(ReflectorContext context) {
    return new ServiceReflector(context);
  }
}
