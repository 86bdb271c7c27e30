package io.liqojava.reflectors.builtin;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.liqojava.reflection.spi.Reflector;
import io.liqojava.reflection.spi.ReflectorContext;
import java.util.Optional;

/** Forges the remote ConfigMap of a local one; see {@link ConfigMapReflectorProvider}. */
final class ConfigMapReflector implements Reflector<ConfigMap, ConfigMap> {

  private final ReflectorContext context;

  ConfigMapReflector(ReflectorContext context) {
    this.context = context;
  }

  @Override
  public Class<ConfigMap> sourceType() {
    return ConfigMap.class;
  }

  @Override
  public Class<ConfigMap> targetType() {
    return ConfigMap.class;
  }

  @Override
  public Optional<ConfigMap> forge(ConfigMap source) {
    String name =
        ConfigMapReflectorProvider.remoteName(
            source.getMetadata().getName(), context.localCluster());
    return Optional.of(
        new ConfigMapBuilder()
            .withMetadata(ReflectedMetadata.of(source, name, context.policy()))
            .withData(source.getData())
            .withBinaryData(source.getBinaryData())
            .build());
  }
}
