package io.liqojava.core.reflection;

import io.liqojava.reflection.spi.ReflectedResource;
import io.liqojava.reflection.spi.ReflectorProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The reflector providers available to the agent, normally those found on the classpath by {@link
 * ServiceLoader}, and the choice of one provider per resource.
 */
public final class ReflectorRegistry {

  private final List<ReflectorProvider> providers;

  private ReflectorRegistry(List<ReflectorProvider> providers) {
    Map<String, ReflectorProvider> byName = new HashMap<>();
    for (ReflectorProvider provider : providers) {
      ReflectorProvider other = byName.putIfAbsent(provider.name(), provider);
      if (other != null) {
        throw new IllegalStateException(
            "two reflector providers are named '"
                + provider.name()
                + "': "
                + other.getClass().getName()
                + " and "
                + provider.getClass().getName()
                + "; remove one of their jars from the classpath or rename one");
      }
    }
    this.providers = List.copyOf(providers);
  }

  /** The providers registered with {@link ServiceLoader} on this class's class loader. */
  public static ReflectorRegistry discover() {
    return discover(ReflectorRegistry.class.getClassLoader());
  }

  /**
   * The providers registered with {@link ServiceLoader} on {@code classLoader}.
   *
   * @throws IllegalStateException naming the provider that could not be loaded
   */
  public static ReflectorRegistry discover(ClassLoader classLoader) {
    List<ReflectorProvider> found = new ArrayList<>();
    try {
      ServiceLoader.load(ReflectorProvider.class, classLoader).forEach(found::add);
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException(
          "a reflector provider listed in META-INF/services/"
              + ReflectorProvider.class.getName()
              + " could not be loaded (it needs a public no-argument constructor): "
              + e.getMessage(),
          e);
    }
    return new ReflectorRegistry(found);
  }

  /** Exactly {@code providers}: for embedding without classpath scanning, and for tests. */
  public static ReflectorRegistry of(List<? extends ReflectorProvider> providers) {
    return new ReflectorRegistry(List.copyOf(providers));
  }

  /** Every provider, whether selected or not. */
  public List<ReflectorProvider> providers() {
    return providers;
  }

  /**
   * One provider per resource: the one {@code config} names, else the highest priority (ties go to
   * the first name in alphabetical order).
   *
   * @throws IllegalArgumentException when {@code config} names a provider that is not available for
   *     that resource, listing those that are
   */
  public List<ReflectorProvider> select(ReflectionConfig config) {
    Map<ReflectedResource, List<ReflectorProvider>> byResource = new LinkedHashMap<>();
    for (ReflectorProvider provider : providers) {
      byResource.computeIfAbsent(provider.resource(), r -> new ArrayList<>()).add(provider);
    }
    config
        .providers()
        .forEach(
            (resource, name) -> {
              List<ReflectorProvider> candidates = byResource.getOrDefault(resource, List.of());
              if (candidates.stream().noneMatch(p -> p.name().equals(name))) {
                throw new IllegalArgumentException(
                    "no reflector provider named '"
                        + name
                        + "' for "
                        + resource
                        + "; available: "
                        + (candidates.isEmpty()
                            ? "none (is the plugin jar on the classpath?)"
                            : names(candidates)));
              }
            });
    List<ReflectorProvider> selected = new ArrayList<>();
    byResource.forEach(
        (resource, candidates) -> {
          String wanted = config.providers().get(resource);
          selected.add(
              candidates.stream()
                  .filter(p -> wanted == null || p.name().equals(wanted))
                  .min(
                      Comparator.comparingInt(ReflectorProvider::priority)
                          .reversed()
                          .thenComparing(ReflectorProvider::name))
                  .orElseThrow());
        });
    return selected;
  }

  private static String names(List<ReflectorProvider> providers) {
    return providers.stream()
        .map(ReflectorProvider::name)
        .sorted()
        .collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return "ReflectorRegistry"
        + providers.stream().map(p -> p.name() + "(" + p.resource() + ")").toList();
  }
}
