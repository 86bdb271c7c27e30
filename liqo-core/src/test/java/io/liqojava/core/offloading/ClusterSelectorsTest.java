package io.liqojava.core.offloading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSelectorsTest {

  private static final Map<String, String> NAPLES =
      Map.of("topology.liqo.io/region", "south", "liqo.io/type", "virtual-node", "cores", "8");
  private static final Map<String, String> FLORENCE =
      Map.of("topology.liqo.io/region", "center", "liqo.io/type", "virtual-node", "staging", "");

  @Test
  void nullOrEmptySelectorSelectsEveryCluster() {
    assertThat(ClusterSelectors.matches(null, NAPLES)).isTrue();
    assertThat(ClusterSelectors.matches(new NodeSelector(), NAPLES)).isTrue();
    assertThat(ClusterSelectors.matches(new NodeSelector(List.of()), Map.of())).isTrue();
  }

  @Test
  void inSelectsOnlyTheListedValues() {
    NodeSelector south = selector(term(req("topology.liqo.io/region", "In", "south")));
    assertThat(ClusterSelectors.matches(south, NAPLES)).isTrue();
    assertThat(ClusterSelectors.matches(south, FLORENCE)).isFalse();
    assertThat(ClusterSelectors.matches(south, Map.of())).isFalse();
  }

  @Test
  void notInAndDoesNotExistAcceptMissingLabels() {
    NodeSelector notSouth = selector(term(req("topology.liqo.io/region", "NotIn", "south")));
    assertThat(ClusterSelectors.matches(notSouth, NAPLES)).isFalse();
    assertThat(ClusterSelectors.matches(notSouth, FLORENCE)).isTrue();
    assertThat(ClusterSelectors.matches(notSouth, Map.of())).isTrue();
    NodeSelector notStaging = selector(term(req("staging", "DoesNotExist")));
    assertThat(ClusterSelectors.matches(notStaging, NAPLES)).isTrue();
    assertThat(ClusterSelectors.matches(notStaging, FLORENCE)).isFalse();
    assertThat(ClusterSelectors.matches(selector(term(req("staging", "Exists"))), FLORENCE))
        .isTrue();
  }

  @Test
  void requirementsOfATermAreAndedAndTermsOred() {
    NodeSelectorRequirement europeOrSouth = req("topology.liqo.io/region", "In", "europe", "south");
    NodeSelectorRequirement notStaging = req("staging", "DoesNotExist");
    NodeSelector and = selector(term(europeOrSouth, notStaging));
    NodeSelector or =
        selector(term(req("topology.liqo.io/region", "In", "europe")), term(notStaging));
    assertThat(ClusterSelectors.matches(and, NAPLES)).isTrue();
    assertThat(
            ClusterSelectors.matches(
                and, Map.of("topology.liqo.io/region", "south", "staging", "")))
        .isFalse();
    assertThat(ClusterSelectors.matches(or, NAPLES)).as("second term").isTrue();
    assertThat(ClusterSelectors.matches(or, FLORENCE)).isFalse();
  }

  @Test
  void aTermWithoutRequirementsSelectsNothing() {
    assertThat(ClusterSelectors.matches(selector(new NodeSelectorTerm()), NAPLES)).isFalse();
  }

  @Test
  void gtAndLtCompareIntegers() {
    assertThat(ClusterSelectors.matches(selector(term(req("cores", "Gt", "4"))), NAPLES)).isTrue();
    assertThat(ClusterSelectors.matches(selector(term(req("cores", "Gt", "8"))), NAPLES)).isFalse();
    assertThat(ClusterSelectors.matches(selector(term(req("cores", "Lt", "16"))), NAPLES)).isTrue();
    assertThat(ClusterSelectors.matches(selector(term(req("cores", "Lt", "16"))), FLORENCE))
        .as("label absent")
        .isFalse();
    assertThat(
            ClusterSelectors.matches(
                selector(term(req("topology.liqo.io/region", "Gt", "1"))), NAPLES))
        .as("label not a number")
        .isFalse();
  }

  @Test
  void malformedRequirementsAreRejectedWithTheFix() {
    assertThatThrownBy(
            () ->
                ClusterSelectors.matches(selector(term(req("region", "Equals", "south"))), NAPLES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operator 'Equals' is not supported")
        .hasMessageContaining("In, NotIn, Exists, DoesNotExist, Gt or Lt");
    assertThatThrownBy(
            () -> ClusterSelectors.matches(selector(term(req("cores", "Gt", "many"))), NAPLES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key: cores")
        .hasMessageContaining("needs exactly one integer value");
  }

  private static NodeSelector selector(NodeSelectorTerm... terms) {
    return new NodeSelectorBuilder().withNodeSelectorTerms(terms).build();
  }

  private static NodeSelectorTerm term(NodeSelectorRequirement... requirements) {
    NodeSelectorTerm term = new NodeSelectorTerm();
    term.setMatchExpressions(List.of(requirements));
    return term;
  }

  private static NodeSelectorRequirement req(String key, String operator, String... values) {
    return new NodeSelectorRequirement(key, operator, List.of(values));
  }
}
