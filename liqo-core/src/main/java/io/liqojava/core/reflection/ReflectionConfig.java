package io.liqojava.core.reflection;

import io.liqojava.reflection.spi.ReflectedResource;
import io.liqojava.reflection.spi.ReflectionPolicy;
import io.liqojava.reflection.spi.ReflectorProvider;
import java.time.Duration;
import java.util.Map;
import org.immutables.value.Value;

/**
 * How a {@link ReflectionManager} reflects: workers, policy and provider per resource. Everything
 * has a default; the defaults are Liqo's.
 *
 * <pre>{@code
 * ReflectionConfig config = ReflectionConfig.builder()
 *     .putWorkers(ReflectedResource.of("", "Secret"), 0)            // do not reflect Secrets
 *     .putPolicies(ReflectedResource.of("", "ConfigMap"),
 *         ReflectionPolicy.builder().type(PolicyType.ALLOW_LIST).build())
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class ReflectionConfig {

  ReflectionConfig() {}

  /** A builder; unset attributes take their defaults. */
  public static ImmutableReflectionConfig.Builder builder() {
    return ImmutableReflectionConfig.builder();
  }

  /** Every default: all discovered resources, their providers' worker counts, deny lists. */
  public static ReflectionConfig defaults() {
    return builder().build();
  }

  /**
   * Workers per resource and peer, overriding the provider's {@link
   * io.liqojava.reflection.spi.ReflectorProvider#defaultWorkers()}; 0 turns reflection of the
   * resource off.
   */
  public abstract Map<ReflectedResource, Integer> workers();

  /** The policy of each resource listed; the others use {@link #defaultPolicy()}. */
  public abstract Map<ReflectedResource, ReflectionPolicy> policies();

  /** The policy of resources not listed in {@link #policies()}: a deny list. */
  @Value.Default
  public ReflectionPolicy defaultPolicy() {
    return ReflectionPolicy.defaults();
  }

  /**
   * The provider to use for a resource, by {@linkplain
   * io.liqojava.reflection.spi.ReflectorProvider#name() name}, where more than one is on the
   * classpath; otherwise the one with the highest priority.
   */
  public abstract Map<ReflectedResource, String> providers();

  /** The longest delay between retries of a failing object; default 30 seconds. */
  @Value.Default
  public Duration maxRetryDelay() {
    return Duration.ofSeconds(30);
  }

  /** The workers of {@code provider}'s resource. */
  public int workersOf(ReflectorProvider provider) {
    return workers().getOrDefault(provider.resource(), provider.defaultWorkers());
  }

  /** The policy of {@code resource}. */
  public ReflectionPolicy policyOf(ReflectedResource resource) {
    return policies().getOrDefault(resource, defaultPolicy());
  }

  @Value.Check
  void check() {
    workers()
        .forEach(
            (resource, count) -> {
              if (count < 0) {
                throw new IllegalArgumentException(
                    "workers for " + resource + " must be 0 (off) or more, got " + count);
              }
            });
    if (maxRetryDelay().isNegative() || maxRetryDelay().isZero()) {
      throw new IllegalArgumentException("maxRetryDelay must be positive, got " + maxRetryDelay());
    }
  }
}
