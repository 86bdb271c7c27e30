package io.liqojava.reflectors.builtin;

import static io.liqojava.reflectors.builtin.ForgedMetadataAssert.assertOnlyForgedFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngressReflectorTest {

  private final IngressReflector reflector = new IngressReflector(Fixtures.context().build());

  private static Ingress ingress() {
    return new IngressBuilder()
        .withMetadata(
            Fixtures.served(
                "web",
                Map.of("app", "web"),
                Map.of("nginx.ingress.kubernetes.io/rewrite-target", "/")))
        .withNewSpec()
        .withIngressClassName("nginx-internal")
        .addNewTl()
        .withHosts("shop.example.com")
        .withSecretName("shop-tls")
        .endTl()
        .addNewRule()
        .withHost("shop.example.com")
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

  @Test
  void reflectsVerbatimButForTheIngressClass() {
    Ingress source = ingress();

    Ingress target = reflector.forge(source).orElseThrow();

    assertThat(target.getSpec().getIngressClassName()).isNull();
    assertThat(target.getSpec().getRules()).isEqualTo(source.getSpec().getRules());
    assertThat(target.getSpec().getTls()).isEqualTo(source.getSpec().getTls());
    assertThat(target.getMetadata().getName()).isEqualTo("web");
    assertThat(target.getMetadata().getLabels()).isEqualTo(Map.of("app", "web"));
    assertThat(target.getMetadata().getAnnotations())
        .isEqualTo(Map.of("nginx.ingress.kubernetes.io/rewrite-target", "/"));
    assertOnlyForgedFields(target.getMetadata());
  }

  @Test
  void sourceIsNeitherChangedNorShared() {
    Ingress source = ingress();
    Ingress before = new IngressBuilder(source).build();

    Ingress target = reflector.forge(source).orElseThrow();
    target.getSpec().getRules().get(0).setHost("other.example.com");

    assertThat(source).isEqualTo(before);
  }
}
