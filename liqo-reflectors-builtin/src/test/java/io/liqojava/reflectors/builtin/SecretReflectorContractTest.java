package io.liqojava.reflectors.builtin;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.liqojava.reflection.spi.ReflectorProvider;
import io.liqojava.testing.reflection.ReflectorContractTest;

class SecretReflectorContractTest extends ReflectorContractTest<Secret> {

  @Override
  protected ReflectorProvider provider() {
    return new SecretReflectorProvider();
  }

  @Override
  protected Secret newSource(String name) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withType("Opaque")
        .addToData("password", "c2VjcmV0")
        .build();
  }

  @Override
  protected void change(Secret source) {
    source.getData().put("password", "Y2hhbmdlZA==");
  }
}
