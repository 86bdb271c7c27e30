package io.liqojava.samples.liqoctl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docs/reference/liqoctl.md is what liqoctl's command line says about itself; {@code
 * docs/reference/generate} rewrites it.
 */
class CliReferenceTest {

  private static String reference() {
    return CliReference.render(new CommandLine(new Liqoctl(Map.of())));
  }

  @Test
  void docsReferenceLiqoctlIsCurrent() throws Exception {
    GeneratedDocs.check("docs/reference/liqoctl.md", reference());
  }

  @Test
  void referenceShowsEveryCommandWithItsOptionsDefaultsAndExamples() {
    String reference = reference();

    CommandHelpTest.commands()
        .forEach(
            name -> assertThat(reference).contains("# " + name + "\n", "](#" + anchor(name) + ")"));
    assertThat(reference)
        .contains(
            "| `--timeout=DURATION` | `2m` | How long to wait for the twin namespaces; 0 does not wait. |")
        .contains("| `-o`, `--output=FORMAT` |")
        .contains("liqoctl offload namespace foo --output yaml")
        .contains("```text\nliqoctl offload namespace [-hV]")
        .contains("**Resources to ask for (default: the provider's share)**");
  }

  private static String anchor(String name) {
    return CliReference.anchor(name);
  }
}
