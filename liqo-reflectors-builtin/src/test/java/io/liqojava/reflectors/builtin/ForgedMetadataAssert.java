package io.liqojava.reflectors.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/** Checks shared by the forge tests. */
final class ForgedMetadataAssert {

  private ForgedMetadataAssert() {}

  /** {@code metadata} carries nothing that the API server or the reflection manager sets. */
  static void assertOnlyForgedFields(ObjectMeta metadata) {
    assertThat(metadata.getNamespace()).isNull();
    assertThat(metadata.getUid()).isNull();
    assertThat(metadata.getResourceVersion()).isNull();
    assertThat(metadata.getGeneration()).isNull();
    assertThat(metadata.getCreationTimestamp()).isNull();
    assertThat(metadata.getOwnerReferences()).isNullOrEmpty();
    assertThat(metadata.getManagedFields()).isNullOrEmpty();
  }
}
