package io.liqojava.reflectors.builtin;

import static io.liqojava.reflectors.builtin.ForgedMetadataAssert.assertOnlyForgedFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.liqojava.reflection.spi.ReflectionPolicy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigMapReflectorTest {

  private final ConfigMapReflector reflector = new ConfigMapReflector(Fixtures.context().build());

  private static ConfigMap configMap(String name) {
    return new ConfigMapBuilder()
        .withMetadata(
            Fixtures.served(
                name, Map.of("app", "web"), Map.of("team.example.com/owner", "payments")))
        .withData(Map.of("greeting", "ciao"))
        .withBinaryData(Map.of("logo", "iVBORw0KGgo="))
        .withImmutable(true)
        .build();
  }

  @Test
  void reflectsNameLabelsAnnotationsAndDataVerbatim() {
    ConfigMap source = configMap("settings");

    ConfigMap target = reflector.forge(source).orElseThrow();

    assertThat(target.getMetadata().getName()).isEqualTo("settings");
    assertThat(target.getMetadata().getLabels()).isEqualTo(Map.of("app", "web"));
    assertThat(target.getMetadata().getAnnotations())
        .isEqualTo(Map.of("team.example.com/owner", "payments"));
    assertThat(target.getData()).isEqualTo(Map.of("greeting", "ciao"));
    assertThat(target.getBinaryData()).isEqualTo(Map.of("logo", "iVBORw0KGgo="));
    assertOnlyForgedFields(target.getMetadata());
  }

  @Test
  void reflectionOfAnImmutableConfigMapStaysUpdatable() {
    ConfigMap target = reflector.forge(configMap("settings")).orElseThrow();

    assertThat(target.getImmutable()).isNull();
  }

  @Test
  void rootCaIsReflectedUnderANameOfTheOriginCluster() {
    ConfigMap target = reflector.forge(configMap("kube-root-ca.crt")).orElseThrow();

    assertThat(target.getMetadata().getName()).isEqualTo("kube-root-ca.crt.rome-1a2b3c");
    assertThat(target.getData()).isEqualTo(Map.of("greeting", "ciao"));
  }

  @Test
  void remoteNameRenamesOnlyTheRootCa() {
    assertThat(ConfigMapReflectorProvider.remoteName("kube-root-ca.crt", Fixtures.ROME))
        .isEqualTo("kube-root-ca.crt.rome-1a2b3c");
    assertThat(ConfigMapReflectorProvider.remoteName("settings", Fixtures.ROME))
        .isEqualTo("settings");
  }

  @Test
  void labelsAndAnnotationsThePolicyExcludesAreNotReflected() {
    ReflectionPolicy policy =
        ReflectionPolicy.builder()
            .addLabelsNotReflected("app")
            .addAnnotationsNotReflected("team.example.com/owner")
            .build();
    ConfigMap source =
        new ConfigMapBuilder(configMap("settings"))
            .editMetadata()
            .addToLabels("tier", "backend")
            .addToAnnotations("description", "web settings")
            .endMetadata()
            .build();

    ConfigMap target =
        new ConfigMapReflector(Fixtures.context().policy(policy).build())
            .forge(source)
            .orElseThrow();

    assertThat(target.getMetadata().getLabels()).isEqualTo(Map.of("tier", "backend"));
    assertThat(target.getMetadata().getAnnotations())
        .isEqualTo(Map.of("description", "web settings"));
  }

  @Test
  void sourceIsNeitherChangedNorShared() {
    ConfigMap source = configMap("kube-root-ca.crt");
    ConfigMap before = new ConfigMapBuilder(source).build();

    ConfigMap target = reflector.forge(source).orElseThrow();
    target.getData().put("greeting", "hello");
    target.getMetadata().getLabels().put("liqo.io/managed-by", "reflection");

    assertThat(source).isEqualTo(before);
  }
}
