package io.liqojava.samples.liqoctl;

import static io.liqojava.samples.liqoctl.LiqoctlRunner.liqoctl;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.liqojava.api.offloading.v1beta1.NamespaceMappingStrategy;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloading;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingSpec;
import io.liqojava.api.offloading.v1beta1.PodOffloadingStrategy;
import io.liqojava.samples.liqoctl.LiqoctlRunner.Run;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code liqoctl offload namespace --output}: the manifest, printed without touching a cluster. */
class OffloadingManifestTest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  @TempDir Path home;

  @Test
  void yamlIsTheNamespaceOffloadingOfTheFlagsAndNeedsNoCluster() {
    Run run =
        liqoctl(
            Map.of("HOME", home.toString()),
            "offload",
            "namespace",
            "liqo-demo",
            "--namespace-mapping-strategy",
            "EnforceSameName",
            "--pod-offloading-strategy",
            "Remote",
            "--selector",
            "region in (europe,us-west), !staging",
            "--selector",
            "topology.liqo.io/region=south",
            "--output",
            "yaml");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("apiVersion: \"offloading.liqo.io/v1beta1\"", "kind: \"NamespaceOffloading\"")
        .doesNotContain("status");
    NamespaceOffloading parsed = SERIALIZATION.unmarshal(run.out(), NamespaceOffloading.class);
    assertThat(parsed.getMetadata().getName()).isEqualTo("offloading");
    assertThat(parsed.getMetadata().getNamespace()).isEqualTo("liqo-demo");
    assertThat(parsed.getSpec()).isEqualTo(expectedSpec());
  }

  @Test
  void jsonParsesBackToTheSameObjectWithTheDefaults() {
    Run run = liqoctl(Map.of("HOME", home.toString()), "offload", "namespace", "foo", "-o", "json");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.out()).startsWith("{").contains("\n  \"kind\" : \"NamespaceOffloading\"");
    NamespaceOffloading parsed = SERIALIZATION.unmarshal(run.out(), NamespaceOffloading.class);
    NamespaceOffloading expected =
        OffloadingManifest.build(
            "foo",
            NamespaceMappingStrategy.DEFAULT_NAME,
            null,
            PodOffloadingStrategy.LOCAL_AND_REMOTE,
            null);
    assertThat(parsed).isEqualTo(expected);
    assertThat(parsed.getSpec().getClusterSelector()).isNull();
  }

  @Test
  void selectedNameCarriesTheRemoteName() {
    Run run =
        liqoctl(
            Map.of("HOME", home.toString()),
            "offload",
            "namespace",
            "foo",
            "--namespace-mapping-strategy",
            "selectedname",
            "--remote-namespace-name",
            "bar",
            "-o",
            "yaml");

    assertThat(run.exitCode()).as(run.output()).isZero();
    NamespaceOffloadingSpec spec =
        SERIALIZATION.unmarshal(run.out(), NamespaceOffloading.class).getSpec();
    assertThat(spec.getNamespaceMappingStrategy())
        .isEqualTo(NamespaceMappingStrategy.SELECTED_NAME);
    assertThat(spec.getRemoteNamespaceName()).isEqualTo("bar");
  }

  private static NamespaceOffloadingSpec expectedSpec() {
    NamespaceOffloadingSpec spec = new NamespaceOffloadingSpec();
    spec.setNamespaceMappingStrategy(NamespaceMappingStrategy.ENFORCE_SAME_NAME);
    spec.setPodOffloadingStrategy(PodOffloadingStrategy.REMOTE);
    NodeSelectorTerm first = new NodeSelectorTerm();
    first.setMatchExpressions(
        List.of(
            new NodeSelectorRequirement("region", "In", List.of("europe", "us-west")),
            new NodeSelectorRequirement("staging", "DoesNotExist", List.of())));
    NodeSelectorTerm second = new NodeSelectorTerm();
    second.setMatchExpressions(
        List.of(new NodeSelectorRequirement("topology.liqo.io/region", "In", List.of("south"))));
    NodeSelector selector = new NodeSelector();
    selector.setNodeSelectorTerms(List.of(first, second));
    spec.setClusterSelector(selector);
    return spec;
  }
}
