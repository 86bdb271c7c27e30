package io.liqojava.samples.plugin;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.liqojava.reflection.spi.ReflectionException;
import io.liqojava.reflection.spi.ReflectionPolicy;
import io.liqojava.reflection.spi.Reflector;
import java.util.Optional;

/**
 * Forges the remote {@link FeatureFlag} of a local one; see {@link FeatureFlagReflectorProvider}
 * for the rules.
 *
 * <p>Like every reflector, it only says what the reflection must look like, and leaves the
 * namespace, the ownership labels and the write to the reflection manager. {@link #forge} depends
 * on nothing but its argument and the values given at construction, and builds a new object without
 * touching the source, which is the informer's cached copy.
 */
final class FeatureFlagReflector implements Reflector<FeatureFlag, FeatureFlag> {

  private final ReflectionPolicy policy;
  private final String originCluster;

  /**
   * A reflector that copies the labels and annotations {@code policy} lets through, and marks its
   * reflections as coming from the cluster named {@code originCluster}.
   */
  FeatureFlagReflector(ReflectionPolicy policy, String originCluster) {
    this.policy = policy;
    this.originCluster = originCluster;
  }

  @Override
  public Class<FeatureFlag> sourceType() {
    return FeatureFlag.class;
  }

  @Override
  public Class<FeatureFlag> targetType() {
    return FeatureFlag.class;
  }

  /**
   * The reflection of {@code source}.
   *
   * @throws ReflectionException when {@code spec.rolloutPercent} is not between 0 and 100; a
   *     rejection, not retried until the flag changes
   */
  @Override
  public Optional<FeatureFlag> forge(FeatureFlag source) {
    FeatureFlag target = new FeatureFlag();
    target.setMetadata(metadataOf(source.getMetadata()));
    target.setSpec(source.getSpec() == null ? null : specOf(source.getSpec()));
    return Optional.of(target); // without status: each cluster observes its own flags
  }

  private ObjectMeta metadataOf(ObjectMeta source) {
    return new ObjectMetaBuilder()
        .withName(source.getName())
        .withLabels(policy.reflectedLabels(source.getLabels()))
        .withAnnotations(policy.reflectedAnnotations(source.getAnnotations()))
        .addToAnnotations(FeatureFlagReflectorProvider.ORIGIN_CLUSTER_ANNOTATION, originCluster)
        .build();
  }

  /** A copy of {@code source}, a new object, after checking that it can be reflected. */
  private static FeatureFlagSpec specOf(FeatureFlagSpec source) {
    int rolloutPercent = source.getRolloutPercent();
    if (rolloutPercent < 0 || rolloutPercent > 100) {
      throw ReflectionException.rejected(
          "spec.rolloutPercent is " + rolloutPercent + "; set it between 0 and 100");
    }
    return new FeatureFlagSpec(source.isEnabled(), rolloutPercent, source.getDescription());
  }
}
