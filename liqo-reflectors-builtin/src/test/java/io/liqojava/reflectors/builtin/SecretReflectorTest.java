package io.liqojava.reflectors.builtin;

import static io.liqojava.reflectors.builtin.ForgedMetadataAssert.assertOnlyForgedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.liqojava.reflection.spi.ReflectionException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretReflectorTest {

  private final SecretReflector reflector = new SecretReflector(Fixtures.context().build());

  private static Secret tokenOf(String serviceAccount) {
    return new SecretBuilder()
        .withMetadata(
            Fixtures.served(
                serviceAccount + "-token-x7k2p",
                Map.of("app", "web"),
                Map.of(
                    "kubernetes.io/service-account.name", serviceAccount,
                    "kubernetes.io/service-account.uid", "5c3e2c55-0000-4d2d-9b3f-000000000001",
                    "team.example.com/owner", "payments")))
        .withType("kubernetes.io/service-account-token")
        .withData(
            Map.of("token", "ZXlKaGJHY2k=", "ca.crt", "LS0tLS1CRUdJTg==", "namespace", "c2hvcA=="))
        .build();
  }

  @Test
  void reflectsTypeDataLabelsAndAnnotationsVerbatim() {
    Secret source =
        new SecretBuilder()
            .withMetadata(Fixtures.served("db", Map.of("app", "web"), Map.of("rotated", "daily")))
            .withType("kubernetes.io/basic-auth")
            .withData(Map.of("username", "YWRtaW4=", "password", "czNjcjN0"))
            .withImmutable(true)
            .build();

    Secret target = reflector.forge(source).orElseThrow();

    assertThat(target.getMetadata().getName()).isEqualTo("db");
    assertThat(target.getMetadata().getLabels()).isEqualTo(Map.of("app", "web"));
    assertThat(target.getMetadata().getAnnotations()).isEqualTo(Map.of("rotated", "daily"));
    assertThat(target.getType()).isEqualTo("kubernetes.io/basic-auth");
    assertThat(target.getData()).isEqualTo(source.getData());
    assertThat(target.getImmutable()).isNull();
    assertOnlyForgedFields(target.getMetadata());
  }

  @Test
  void serviceAccountTokenBecomesAnOpaqueSecretLabelledWithItsServiceAccount() {
    Secret source = tokenOf("web");

    Secret target = reflector.forge(source).orElseThrow();

    assertThat(target.getType()).isEqualTo("Opaque");
    assertThat(target.getData()).isEqualTo(source.getData());
    assertThat(target.getMetadata().getAnnotations())
        .isEqualTo(Map.of("team.example.com/owner", "payments"));
    assertThat(target.getMetadata().getLabels())
        .isEqualTo(Map.of("app", "web", SecretReflectorProvider.SERVICE_ACCOUNT_NAME_LABEL, "web"));
  }

  @Test
  void serviceAccountTooLongForALabelIsRejectedWithTheFix() {
    String serviceAccount = "a".repeat(64);

    ReflectionException rejected =
        catchThrowableOfType(
            ReflectionException.class, () -> reflector.forge(tokenOf(serviceAccount)));

    assertThat(rejected.isRetryable()).isFalse();
    assertThat(rejected)
        .hasMessageContaining(serviceAccount + "-token-x7k2p")
        .hasMessageContaining("63 characters")
        .hasMessageContaining("liqo.io/skip-reflection=true");
  }

  @Test
  void sourceIsNeitherChangedNorShared() {
    Secret source = tokenOf("web");
    Secret before = new SecretBuilder(source).build();

    Secret target = reflector.forge(source).orElseThrow();
    target.getData().put("token", "b3RoZXI=");

    assertThat(source).isEqualTo(before);
  }
}
