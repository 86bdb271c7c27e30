package io.liqojava.reflectors.builtin;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.ServiceSpecBuilder;
import io.liqojava.api.consts.Annotations;
import io.liqojava.reflection.spi.Reflector;
import io.liqojava.reflection.spi.ReflectorContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Forges the remote Service of a local one; see {@link ServiceReflectorProvider}. */
final class ServiceReflector implements Reflector<Service, Service> {

  private static final String HEADLESS = "None";

  private final ReflectorContext context;

  ServiceReflector(ReflectorContext context) {
    this.context = context;
  }

  @Override
  public Class<Service> sourceType() {
    return Service.class;
  }

  @Override
  public Class<Service> targetType() {
    return Service.class;
  }

  @Override
  public Optional<Service> forge(Service source) {
    return Optional.of(
        new ServiceBuilder()
            .withMetadata(
                ReflectedMetadata.of(source, source.getMetadata().getName(), context.policy()))
            .withSpec(remoteSpec(source.getSpec(), keepsNodePorts(source)))
            .build());
  }

  private static ServiceSpec remoteSpec(ServiceSpec local, boolean keepNodePorts) {
    ServiceSpecBuilder remote =
        new ServiceSpecBuilder(local)
            .withLoadBalancerIP(null)
            .withClusterIP(null)
            .withClusterIPs(List.of());
    if (HEADLESS.equals(local.getClusterIP())) {
      remote.withClusterIP(HEADLESS).withClusterIPs(HEADLESS);
    }
    if (!keepNodePorts) {
      remote
          .withHealthCheckNodePort(null)
          .withPorts(
              local.getPorts().stream()
                  .map(port -> new ServicePortBuilder(port).withNodePort(null).build())
                  .toList());
    }
    return remote.build();
  }

  private static boolean keepsNodePorts(Service source) {
    Map<String, String> annotations = source.getMetadata().getAnnotations();
    return annotations != null
        && Boolean.parseBoolean(annotations.get(Annotations.FORCE_REMOTE_NODE_PORT));
  }
}
