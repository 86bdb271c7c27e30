package io.liqojava.core.offloading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.api.offloading.v1beta1.NamespaceMappingStrategy;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingSpec;
import org.junit.jupiter.api.Test;

class RemoteNamespaceNamesTest {

  private static final String LOCAL_ID = "lively-voice-dd8531";

  @Test
  void defaultNameAppendsTheLocalClusterId() {
    assertThat(
            RemoteNamespaceNames.of(
                "foo", spec(NamespaceMappingStrategy.DEFAULT_NAME, null), LOCAL_ID))
        .isEqualTo("foo-lively-voice-dd8531");
    assertThat(RemoteNamespaceNames.of("foo", null, LOCAL_ID))
        .as("no strategy means DefaultName")
        .isEqualTo("foo-lively-voice-dd8531");
  }

  @Test
  void defaultNameIsCutTo63CharactersKeepingTheClusterIdAndAValidLabel() {
    String local = "a".repeat(40) + "-" + "b".repeat(20);
    String name = RemoteNamespaceNames.of(local, null, LOCAL_ID);
    assertThat(name).hasSize(63).endsWith("-" + LOCAL_ID);
    ClusterIdentity.checkDnsLabel("name", name);
    String dashAtCut = "a".repeat(43) + "-x";
    String cut = RemoteNamespaceNames.of(dashAtCut, null, LOCAL_ID);
    assertThat(cut).isEqualTo("a".repeat(43) + "-" + LOCAL_ID);
    ClusterIdentity.checkDnsLabel("name", cut);
  }

  @Test
  void enforceSameNameAndSelectedName() {
    assertThat(
            RemoteNamespaceNames.of(
                "liqo-demo", spec(NamespaceMappingStrategy.ENFORCE_SAME_NAME, "ignored"), LOCAL_ID))
        .isEqualTo("liqo-demo");
    assertThat(
            RemoteNamespaceNames.of(
                "liqo-demo", spec(NamespaceMappingStrategy.SELECTED_NAME, "elsewhere"), LOCAL_ID))
        .isEqualTo("elsewhere");
  }

  @Test
  void selectedNameNeedsAValidName() {
    assertThatThrownBy(
            () ->
                RemoteNamespaceNames.of(
                    "foo", spec(NamespaceMappingStrategy.SELECTED_NAME, null), LOCAL_ID))
        .hasMessageContaining("spec.remoteNamespaceName is missing");
    assertThatThrownBy(
            () ->
                RemoteNamespaceNames.of(
                    "foo", spec(NamespaceMappingStrategy.SELECTED_NAME, "Not_Valid"), LOCAL_ID))
        .hasMessageContaining("spec.remoteNamespaceName 'Not_Valid' is not valid");
  }

  private static NamespaceOffloadingSpec spec(NamespaceMappingStrategy strategy, String name) {
    NamespaceOffloadingSpec spec = new NamespaceOffloadingSpec();
    spec.setNamespaceMappingStrategy(strategy);
    spec.setRemoteNamespaceName(name);
    return spec;
  }
}
