package io.liqojava.samples.plugin;

import static io.liqojava.samples.plugin.FeatureFlagReflectorProvider.ORIGIN_CLUSTER_ANNOTATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liqojava.reflection.spi.ReflectionException;
import io.liqojava.reflection.spi.ReflectionPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The forge rules, without clusters: what the reflection of a flag looks like. */
class FeatureFlagReflectorTest {

  private final FeatureFlagReflector reflector =
      new FeatureFlagReflector(ReflectionPolicy.defaults(), "origin");

  @Test
  void copiesNameLabelsAnnotationsAndSpecAndNamesTheOriginCluster() {
    FeatureFlag source = TestFlags.flag("one-page-checkout", 25);
    source.getMetadata().setNamespace("shop");
    source.getMetadata().setResourceVersion("42");
    source.getMetadata().setAnnotations(Map.of("owner", "team-checkout"));
    source.setStatus(new FeatureFlagStatus(3L));

    FeatureFlag target = reflector.forge(source).orElseThrow();

    assertThat(target.getMetadata().getName()).isEqualTo("one-page-checkout");
    assertThat(target.getMetadata().getNamespace()).isNull();
    assertThat(target.getMetadata().getResourceVersion()).isNull();
    assertThat(target.getMetadata().getLabels()).isEqualTo(Map.of("app", "shop"));
    assertThat(target.getMetadata().getAnnotations())
        .isEqualTo(Map.of("owner", "team-checkout", ORIGIN_CLUSTER_ANNOTATION, "origin"));
    assertThat(target.getSpec()).isEqualTo(source.getSpec()).isNotSameAs(source.getSpec());
    assertThat(target.getStatus()).isNull();
  }

  @Test
  void leavesOutTheLabelsAndAnnotationsThePolicyExcludes() {
    FeatureFlagReflector reflector =
        new FeatureFlagReflector(
            ReflectionPolicy.builder()
                .addLabelsNotReflected("app")
                .addAnnotationsNotReflected("owner")
                .build(),
            "origin");
    FeatureFlag source = TestFlags.flag("one-page-checkout", 25);
    source.getMetadata().setAnnotations(Map.of("owner", "team-checkout"));

    FeatureFlag target = reflector.forge(source).orElseThrow();

    assertThat(target.getMetadata().getLabels()).isEmpty();
    assertThat(target.getMetadata().getAnnotations())
        .isEqualTo(Map.of(ORIGIN_CLUSTER_ANNOTATION, "origin"));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 100})
  void reflectsTheBoundsOfRolloutPercent(int rolloutPercent) {
    FeatureFlag target = reflector.forge(TestFlags.flag("bound", rolloutPercent)).orElseThrow();

    assertThat(target.getSpec().getRolloutPercent()).isEqualTo(rolloutPercent);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 101})
  void rejectsARolloutPercentOutsideTheBoundsUntilTheFlagChanges(int rolloutPercent) {
    FeatureFlag source = TestFlags.flag("out-of-bounds", rolloutPercent);

    assertThatThrownBy(() -> reflector.forge(source))
        .isInstanceOfSatisfying(
            ReflectionException.class, e -> assertThat(e.isRetryable()).isFalse())
        .hasMessage("spec.rolloutPercent is " + rolloutPercent + "; set it between 0 and 100");
  }

  @Test
  void reflectsAFlagWithoutSpecAsItIs() {
    FeatureFlag source = TestFlags.flag("bare", 0);
    source.setSpec(null);

    assertThat(reflector.forge(source).orElseThrow().getSpec()).isNull();
  }
}
