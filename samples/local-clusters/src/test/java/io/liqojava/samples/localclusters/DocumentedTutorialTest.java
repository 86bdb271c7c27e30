package io.liqojava.samples.localclusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** How tutorials are read: which blocks run, in which order, and the markers. */
class DocumentedTutorialTest {

  @Test
  void readsTheBashBlocksInOrderWithTheirSection() {
    List<DocumentedTutorial.Block> blocks =
        DocumentedTutorial.parse(
            List.of(
                "# Tutorial",
                "## Provision",
                "```bash",
                "./local-clusters up rome milan --detach",
                "```",
                "```text",
                "Local clusters are ready:",
                "```",
                "## Peer",
                "```yaml",
                "kind: Pod",
                "```",
                "  ```bash",
                "  export A=1",
                "  echo \"$A\"",
                "  ```"),
            "t.md");

    assertThat(blocks)
        .containsExactly(
            new DocumentedTutorial.Block(
                3, "Provision", "./local-clusters up rome milan --detach\n", 0, Optional.empty()),
            new DocumentedTutorial.Block(
                13, "Peer", "  export A=1\n  echo \"$A\"\n", 0, Optional.empty()));
  }

  @Test
  void markersSkipABlockWithAReasonOrExpectItToFail() {
    List<DocumentedTutorial.Block> blocks =
        DocumentedTutorial.parse(
            List.of(
                "<!-- not tested: needs a container runtime -->",
                "",
                "```bash",
                "kubectl run curl --image=curlimages/curl",
                "```",
                "<!-- exit code: 1 -->",
                "```bash",
                "kubectl get namespace liqo-demo --kubeconfig \"$KUBECONFIG_FLORENCE\"",
                "```",
                "<!-- an ordinary comment -->",
                "```bash",
                "true",
                "```"),
            "t.md");

    assertThat(blocks)
        .extracting(DocumentedTutorial.Block::notTested)
        .containsExactly(
            Optional.of("needs a container runtime"), Optional.empty(), Optional.empty());
    assertThat(blocks)
        .extracting(DocumentedTutorial.Block::expectedExitCode)
        .containsExactly(0, 1, 0);
  }

  @Test
  void rejectsMarkersThatCouldSilentlySkipABlock() {
    assertThatThrownBy(() -> parse("<!-- not tested -->", "```bash", "true", "```"))
        .hasMessageContaining("t.md:1")
        .hasMessageContaining("say why");
    assertThatThrownBy(() -> parse("<!-- nottested: typo -->", "```bash", "true", "```"))
        .hasMessageContaining("unknown marker");
    assertThatThrownBy(() -> parse("<!-- exit code: 0 -->", "```bash", "true", "```"))
        .hasMessageContaining("non-zero number");
    assertThatThrownBy(
            () -> parse("<!-- not tested: why -->", "Some text.", "```bash", "true", "```"))
        .hasMessageContaining("must come right before a ```bash block");
    assertThatThrownBy(() -> parse("<!-- not tested: why -->", "```text", "out", "```"))
        .hasMessageContaining("must come right before a ```bash block");
    assertThatThrownBy(() -> parse("```bash", "true")).hasMessageContaining("never closed");
  }

  @Test
  void everyTutorialReadsAndHasCommands() throws IOException {
    Path tutorials = TutorialShell.repositoryRoot().resolve("docs").resolve("tutorials");
    try (Stream<Path> files = Files.list(tutorials)) {
      List<Path> markdown =
          files
              .filter(file -> file.toString().endsWith(".md"))
              .filter(file -> !file.getFileName().toString().equals("README.md"))
              .toList();
      assertThat(markdown).hasSizeGreaterThanOrEqualTo(4);
      for (Path file : markdown) {
        assertThat(DocumentedTutorial.parse(file))
            .as(file.toString())
            .filteredOn(block -> block.notTested().isEmpty())
            .isNotEmpty();
      }
    }
  }

  private static List<DocumentedTutorial.Block> parse(String... lines) {
    return DocumentedTutorial.parse(List.of(lines), "t.md");
  }
}
