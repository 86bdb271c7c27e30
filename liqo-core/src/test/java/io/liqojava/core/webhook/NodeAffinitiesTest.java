package io.liqojava.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.NodeSelectorTermBuilder;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingSpec;
import io.liqojava.api.offloading.v1beta1.PodOffloadingStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeAffinitiesTest {

  private static final NodeSelectorRequirement VIRTUAL =
      NodeAffinities.virtualNodeRequirement("In");
  private static final NodeSelectorRequirement LOCAL =
      NodeAffinities.virtualNodeRequirement("NotIn");

  @Test
  void requiringBothIsEveryPairOfTermsConcatenated() {
    NodeSelectorTerm p1 = term(req("zone", "a"));
    NodeSelectorTerm p2 =
        new NodeSelectorTermBuilder()
            .addNewMatchField()
            .withKey("metadata.name")
            .withOperator("In")
            .withValues("n1")
            .endMatchField()
            .build();
    NodeSelectorTerm t1 = term(req("region", "south"), VIRTUAL);
    NodeSelectorTerm t2 = term(LOCAL);

    List<NodeSelectorTerm> merged = NodeAffinities.merge(List.of(p1, p2), List.of(t1, t2));

    assertThat(merged)
        .containsExactly(
            term(req("zone", "a"), req("region", "south"), VIRTUAL),
            term(req("zone", "a"), LOCAL),
            new NodeSelectorTermBuilder(p2)
                .withMatchExpressions(req("region", "south"), VIRTUAL)
                .build(),
            new NodeSelectorTermBuilder(p2).withMatchExpressions(LOCAL).build());
  }

  @Test
  void withoutOwnTermsTheRequiredTermsAreTaken() {
    assertThat(NodeAffinities.merge(List.of(), List.of(term(VIRTUAL))))
        .containsExactly(term(VIRTUAL));
  }

  @Test
  void nothingRequiredLeavesTheOwnTerms() {
    List<NodeSelectorTerm> own = List.of(term(req("zone", "a")));
    assertThat(NodeAffinities.merge(own, List.of())).isSameAs(own);
  }

  @Test
  void mergingTwiceGivesWhatMergingOnceGave() {
    List<NodeSelectorTerm> required = List.of(term(req("region", "south"), VIRTUAL), term(LOCAL));
    List<NodeSelectorTerm> once =
        NodeAffinities.merge(List.of(term(req("zone", "a")), term(req("zone", "b"))), required);
    assertThat(NodeAffinities.merge(once, required)).isEqualTo(once);
    List<NodeSelectorTerm> fromNothing = NodeAffinities.merge(List.of(), required);
    assertThat(NodeAffinities.merge(fromNothing, required)).isEqualTo(fromNothing);
  }

  @Test
  void aRequirementThePodAlreadyHasIsNotRepeated() {
    assertThat(NodeAffinities.merge(List.of(term(LOCAL)), List.of(term(LOCAL))))
        .containsExactly(term(LOCAL));
  }

  @Test
  void anEmptyOwnTermStillMatchesNoNode() {
    NodeSelectorTerm empty = new NodeSelectorTerm();
    assertThat(NodeAffinities.merge(List.of(empty, term(req("zone", "a"))), List.of(term(LOCAL))))
        .containsExactly(empty, term(req("zone", "a"), LOCAL));
  }

  @Test
  void placementPerStrategy() {
    NamespaceOffloadingSpec spec = new NamespaceOffloadingSpec();
    assertThat(OffloadingPlacement.of(spec)).isEqualTo(new OffloadingPlacement(true, List.of()));
    spec.setPodOffloadingStrategy(PodOffloadingStrategy.REMOTE);
    assertThat(OffloadingPlacement.of(spec))
        .isEqualTo(new OffloadingPlacement(true, List.of(term(VIRTUAL))));
    spec.setPodOffloadingStrategy(PodOffloadingStrategy.LOCAL);
    assertThat(OffloadingPlacement.of(spec)).isEqualTo(new OffloadingPlacement(false, List.of()));

    spec.setClusterSelector(
        new NodeSelector(List.of(term(req("region", "south")), term(req("region", "north")))));
    spec.setPodOffloadingStrategy(PodOffloadingStrategy.LOCAL_AND_REMOTE);
    assertThat(OffloadingPlacement.of(spec).requiredTerms())
        .containsExactly(
            term(req("region", "south"), VIRTUAL),
            term(req("region", "north"), VIRTUAL),
            term(LOCAL));
    spec.setPodOffloadingStrategy(PodOffloadingStrategy.REMOTE);
    assertThat(OffloadingPlacement.of(spec).requiredTerms())
        .containsExactly(
            term(req("region", "south"), VIRTUAL), term(req("region", "north"), VIRTUAL));
  }

  static NodeSelectorTerm term(NodeSelectorRequirement... requirements) {
    return new NodeSelectorTermBuilder().withMatchExpressions(requirements).build();
  }

  static NodeSelectorRequirement req(String key, String value) {
    return new NodeSelectorRequirementBuilder()
        .withKey(key)
        .withOperator("In")
        .withValues(value)
        .build();
  }
}
