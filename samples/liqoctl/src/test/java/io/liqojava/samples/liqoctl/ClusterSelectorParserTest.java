package io.liqojava.samples.liqoctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.NodeSelector;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterSelectorParserTest {

  @Test
  void noSelectorSelectsEveryCluster() {
    assertThat(ClusterSelectorParser.parse(List.of())).isNull();
  }

  @Test
  void commasAndAllRequirementsOfOneSelectorAreOneTerm() {
    NodeSelector selector =
        ClusterSelectorParser.parse(List.of("region in (europe,us-west), !staging"));

    assertThat(selector.getNodeSelectorTerms())
        .containsExactly(
            term(
                requirement("region", "In", "europe", "us-west"),
                requirement("staging", "DoesNotExist")));
  }

  @Test
  void eachSelectorIsAnAlternativeTerm() {
    NodeSelector selector =
        ClusterSelectorParser.parse(List.of("region in (europe,us-west)", "!staging"));

    assertThat(selector.getNodeSelectorTerms())
        .containsExactly(
            term(requirement("region", "In", "europe", "us-west")),
            term(requirement("staging", "DoesNotExist")));
  }

  @Test
  void everyOperatorOfTheLabelSelectorSyntax() {
    NodeSelectorTerm term =
        ClusterSelectorParser.term(
            "topology.liqo.io/region=south,a==b, c != d,e notin(f, g),h,  ! i");

    assertThat(term)
        .isEqualTo(
            term(
                requirement("topology.liqo.io/region", "In", "south"),
                requirement("a", "In", "b"),
                requirement("c", "NotIn", "d"),
                requirement("e", "NotIn", "f", "g"),
                requirement("h", "Exists"),
                requirement("i", "DoesNotExist")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "region in (europe",
        "region in europe",
        "region in ()",
        "a=b,,c",
        "=south",
        "region=south coast",
        "Bad_Prefix/key=v",
        "a in ((b))"
      })
  void malformedSelectorsAreNamedWithTheSyntax(String selector) {
    assertThatThrownBy(() -> ClusterSelectorParser.parse(List.of("ok", selector)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("'" + selector + "' is not a valid cluster selector: ")
        .hasMessageContaining("k in (a,b), k notin (a,b), k (label present), !k (label absent)");
  }

  @Test
  void theProblemIsSaid() {
    assertThatThrownBy(() -> ClusterSelectorParser.parse(List.of("region in (europe")))
        .hasMessageContaining("a '(' is not closed");
    assertThatThrownBy(() -> ClusterSelectorParser.parse(List.of("region in ()")))
        .hasMessageContaining("'region in ()' has no values between the parentheses");
    assertThatThrownBy(() -> ClusterSelectorParser.parse(List.of("zone=west coast")))
        .hasMessageContaining("'west coast' is not a label value");
  }

  private static NodeSelectorTerm term(NodeSelectorRequirement... requirements) {
    NodeSelectorTerm term = new NodeSelectorTerm();
    term.setMatchExpressions(List.of(requirements));
    return term;
  }

  private static NodeSelectorRequirement requirement(
      String key, String operator, String... values) {
    return new NodeSelectorRequirement(key, operator, List.of(values));
  }
}
