package io.liqojava.samples.plugin;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/** Feature flags for the tests. */
final class TestFlags {

  private TestFlags() {}

  /**
   * An enabled flag called {@code name}, labelled {@code app=shop}, rolled out to {@code
   * rolloutPercent}, without namespace.
   */
  static FeatureFlag flag(String name, int rolloutPercent) {
    FeatureFlag flag = new FeatureFlag();
    flag.setMetadata(new ObjectMetaBuilder().withName(name).addToLabels("app", "shop").build());
    flag.setSpec(new FeatureFlagSpec(true, rolloutPercent, "The checkout on a single page"));
    return flag;
  }
}
