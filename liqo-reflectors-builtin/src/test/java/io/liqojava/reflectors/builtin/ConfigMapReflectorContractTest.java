package io.liqojava.reflectors.builtin;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.liqojava.reflection.spi.ReflectorProvider;
import io.liqojava.testing.reflection.ReflectorContractTest;

class ConfigMapReflectorContractTest extends ReflectorContractTest<ConfigMap> {

  @Override
  protected ReflectorProvider provider() {
    return new ConfigMapReflectorProvider();
  }

  @Override
  protected ConfigMap newSource(String name) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("app", "contract")
        .endMetadata()
        .addToData("key", "value")
        .build();
  }

  @Override
  protected void change(ConfigMap source) {
    source.getData().put("key", "changed");
  }
}
