package io.liqojava.reflection.spi;

/**
 * The entry point of a reflector plugin, discovered with {@link java.util.ServiceLoader}: list the
 * implementation in {@code META-INF/services/io.liqojava.reflection.spi.ReflectorProvider} and put
 * the jar on the agent's classpath.
 *
 * <p>A provider declares the kind of resource it reflects. When several providers declare the same
 * resource, the reflection manager uses the one the configuration names, else the one with the
 * highest {@link #priority()}; the built-in providers have priority 0, so a plugin replaces one of
 * them by declaring the same resource with a higher priority.
 *
 * <p>Implementations need a public no-argument constructor and must be thread safe; {@link #create}
 * is called once per namespace pair, whenever reflection of a pair starts.
 */
public interface ReflectorProvider {

  /**
   * A unique, stable name such as {@code "configmaps"}: how configuration and logs refer to this
   * provider.
   */
  String name();

  /** The kind of resource this provider reflects. */
  ReflectedResource resource();

  /** Which provider wins among those of the same resource: the highest; default 0. */
  default int priority() {
    return 0;
  }

  /**
   * How many workers reflect this resource per peer when the configuration does not say; default 3.
   * High-churn resources (pods, EndpointSlices) want more.
   */
  default int defaultWorkers() {
    return 3;
  }

  /**
   * Creates the reflector of one namespace pair.
   *
   * @throws ReflectionException when the pair cannot be reflected with this provider (for example
   *     the resource is not served by one of the clusters); reflection of the other resources still
   *     starts
   */
  Reflector<?, ?> create(ReflectorContext context);
}
