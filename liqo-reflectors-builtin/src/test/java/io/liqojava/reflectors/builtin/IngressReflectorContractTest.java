package io.liqojava.reflectors.builtin;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.liqojava.reflection.spi.ReflectorProvider;
import io.liqojava.testing.reflection.ReflectorContractTest;

class IngressReflectorContractTest extends ReflectorContractTest<Ingress> {

  @Override
  protected ReflectorProvider provider() {
    return new IngressReflectorProvider();
  }

  @Override
  protected Ingress newSource(String name) {
    return new IngressBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .addNewRule()
        .withHost(name + ".example.com")
        .withNewHttp()
        .addNewPath()
        .withPath("/")
        .withPathType("Prefix")
        .withNewBackend()
        .withNewService()
        .withName("web")
        .withNewPort()
        .withNumber(80)
        .endPort()
        .endService()
        .endBackend()
        .endPath()
        .endHttp()
        .endRule()
        .endSpec()
        .build();
  }

  @Override
  protected void change(Ingress source) {
    source.getSpec().getRules().get(0).setHost("changed.example.com");
  }
}
