package io.liqojava.core.reflection;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.liqojava.reflection.spi.ReflectedResource;
import io.liqojava.reflection.spi.Reflector;
import io.liqojava.reflection.spi.ReflectorContext;
import io.liqojava.reflection.spi.ReflectorProvider;
import java.util.Optional;
import java.util.function.BiFunction;

/** Test providers that copy ConfigMaps and Secrets as they are: the manager's behaviour alone. */
final class VerbatimProvider<T extends HasMetadata> implements ReflectorProvider {

  private final String name;
  private final Class<T> type;
  private final BiFunction<T, ReflectorContext, T> copy;

  private VerbatimProvider(String name, Class<T> type, BiFunction<T, ReflectorContext, T> copy) {
    this.name = name;
    this.type = type;
    this.copy = copy;
  }

  static VerbatimProvider<ConfigMap> configMaps() {
    return new VerbatimProvider<>(
        "test-configmaps",
        ConfigMap.class,
        (source, context) ->
            new ConfigMapBuilder()
                .withMetadata(metadata(source, context))
                .withData(source.getData())
                .build());
  }

  static VerbatimProvider<Secret> secrets() {
    return new VerbatimProvider<>(
        "test-secrets",
        Secret.class,
        (source, context) ->
            new SecretBuilder()
                .withMetadata(metadata(source, context))
                .withType(source.getType())
                .withData(source.getData())
                .build());
  }

  private static io.fabric8.kubernetes.api.model.ObjectMeta metadata(
      HasMetadata source, ReflectorContext context) {
    return new ObjectMetaBuilder()
        .withName(source.getMetadata().getName())
        .withLabels(context.policy().reflectedLabels(source.getMetadata().getLabels()))
        .withAnnotations(
            context.policy().reflectedAnnotations(source.getMetadata().getAnnotations()))
        .build();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ReflectedResource resource() {
    return ReflectedResource.of(type);
  }

  @Override
  public Reflector<?, ?> create(ReflectorContext context) {
    return new Reflector<T, T>() {
      @Override
      public Class<T> sourceType() {
        return type;
      }

      @Override
      public Class<T> targetType() {
        return type;
      }

      @Override
      public Optional<T> forge(T source) {
        return Optional.of(copy.apply(source, context));
      }
    };
  }
}
