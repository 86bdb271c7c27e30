package io.liqojava.reflectors.builtin;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.liqojava.reflection.spi.ReflectorProvider;
import io.liqojava.testing.reflection.ReflectorContractTest;

class ServiceReflectorContractTest extends ReflectorContractTest<Service> {

  @Override
  protected ReflectorProvider provider() {
    return new ServiceReflectorProvider();
  }

  @Override
  protected Service newSource(String name) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .addToSelector("app", name)
        .addNewPort()
        .withName("http")
        .withPort(80)
        .withProtocol("TCP")
        .endPort()
        .endSpec()
        .build();
  }

  @Override
  protected void change(Service source) {
    source.getSpec().getPorts().get(0).setPort(8080);
  }
}
