package io.liqojava.samples.plugin;

import io.liqojava.reflection.spi.ReflectorProvider;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.reflection.ReflectorContractTest;

/**
 * The reflector contract, run against two real clusters with the real reflection manager: every
 * test is inherited from {@link ReflectorContractTest}.
 */
class FeatureFlagReflectorContractTest extends ReflectorContractTest<FeatureFlag> {

  @Override
  protected ReflectorProvider provider() {
    return new FeatureFlagReflectorProvider();
  }

  @Override
  protected void prepare(LocalCluster cluster) {
    FeatureFlagCrd.install(cluster.client());
  }

  @Override
  protected FeatureFlag newSource(String name) {
    return TestFlags.flag(name, 25);
  }

  @Override
  protected void change(FeatureFlag source) {
    source.getSpec().setRolloutPercent(50);
  }
}
