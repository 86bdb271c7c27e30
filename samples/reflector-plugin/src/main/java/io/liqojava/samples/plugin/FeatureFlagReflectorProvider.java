package io.liqojava.samples.plugin;

import io.liqojava.reflection.spi.ReflectedResource;
import io.liqojava.reflection.spi.Reflector;
import io.liqojava.reflection.spi.ReflectorContext;
import io.liqojava.reflection.spi.ReflectorProvider;

/**
 * Reflects {@link FeatureFlag}s from a local namespace into its twin in a peered cluster: the
 * sample reflector plugin. The reflection manager finds it with {@link java.util.ServiceLoader}
 * through {@code META-INF/services/io.liqojava.reflection.spi.ReflectorProvider}.
 *
 * <p>The reflection of a flag has the same name, the labels and annotations that the reflection
 * policy lets through, and a copy of the spec. It has no status: each cluster observes its own
 * flags. It also carries the annotation {@value #ORIGIN_CLUSTER_ANNOTATION} with the name of the
 * cluster it comes from, so that whoever reads the flag in the remote cluster knows where to change
 * it.
 *
 * <p>A flag whose {@code spec.rolloutPercent} is not between 0 and 100 is not reflected: a Warning
 * event {@code FailedReflection} on the local flag says so, and reflection tries again once the
 * flag is changed.
 */
public final class FeatureFlagReflectorProvider implements ReflectorProvider {

  /** The annotation on a reflected flag that names the cluster the flag comes from. */
  public static final String ORIGIN_CLUSTER_ANNOTATION = "samples.liqojava.io/origin-cluster";

  /** A provider; the reflection manager finds it with {@link java.util.ServiceLoader}. */
  public FeatureFlagReflectorProvider() {}

  @Override
  public String name() {
    return "featureflags";
  }

  @Override
  public ReflectedResource resource() {
    return ReflectedResource.of(FeatureFlag.class);
  }

  /** Two workers per peer, one less than the default: flags change seldom. */
  @Override
  public int defaultWorkers() {
    return 2;
  }

  @Override
  public Reflector<FeatureFlag, FeatureFlag> create(ReflectorContext context) {
    return new FeatureFlagReflector(context.policy(), context.localCluster().clusterName());
  }
}
