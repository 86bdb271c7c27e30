package io.liqojava.core.peering;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/embedding-peering.md} and its worked example, {@link
 * EmbeddingPeeringGuideTest}, identical: every {@code ```java} block of the guide is one of the
 * example's regions between {@code // tag::NAME[]} and {@code // end::NAME[]} (without their common
 * indentation), and every region is quoted. No cluster needed.
 */
class EmbeddingPeeringGuideSnippetsTest {

  private static final Path GUIDE = Path.of("docs", "embedding-peering.md");
  private static final Path EXAMPLE =
      Path.of(
          "liqo-core-it",
          "src",
          "test",
          "java",
          "io",
          "liqojava",
          "core",
          "peering",
          "EmbeddingPeeringGuideTest.java");
  private static final Pattern START = Pattern.compile("^\\s*// tag::([\\w-]+)\\[\\]\\s*$");
  private static final Pattern END = Pattern.compile("^\\s*// end::([\\w-]+)\\[\\]\\s*$");

  @Test
  void everyJavaBlockOfTheGuideIsATaggedRegionOfTheExample() throws IOException {
    Map<String, String> regions = regions(read(EXAMPLE));
    List<String> blocks = javaBlocks(read(GUIDE));

    assertThat(blocks).as("```java blocks in %s", GUIDE).isNotEmpty();
    for (String block : blocks) {
      assertThat(regions.values())
          .as(
              "this ```java block of %s is not verbatim a tagged region of %s (change both"
                  + " together):%n%s%n",
              GUIDE, EXAMPLE.getFileName(), block)
          .contains(block);
    }
  }

  @Test
  void everyTaggedRegionOfTheExampleIsQuotedByTheGuide() throws IOException {
    Map<String, String> regions = regions(read(EXAMPLE));
    List<String> blocks = javaBlocks(read(GUIDE));

    assertThat(regions).as("tagged regions in %s", EXAMPLE.getFileName()).isNotEmpty();
    regions.forEach(
        (tag, region) ->
            assertThat(blocks)
                .as("region '%s' of %s, quoted as a ```java block in %s", tag, EXAMPLE, GUIDE)
                .contains(region));
  }

  @Test
  void findsRegionsAndBlocksTheWayTheGuideWritesThem() {
    String source =
        String.join(
            "\n",
            "class X {",
            "  void m() {",
            "    // tag::a[]",
            "    int x = 1;",
            "    if (x > 0) {",
            "      x++;",
            "    }",
            "    // end::a[]",
            "  }",
            "}");
    String markdown =
        String.join(
            "\n", "Text", "", "```java", "int x = 1;", "```", "", "```bash", "ls", "```", "");

    assertThat(regions(source))
        .containsExactly(Map.entry("a", "int x = 1;\nif (x > 0) {\n  x++;\n}"));
    assertThat(javaBlocks(markdown)).containsExactly("int x = 1;");
  }

  /** The tagged regions of {@code source}, by tag, without their common indentation. */
  static Map<String, String> regions(String source) {
    Map<String, String> regions = new LinkedHashMap<>();
    String open = null;
    List<String> lines = new ArrayList<>();
    for (String line : source.split("\n", -1)) {
      Matcher start = START.matcher(line);
      Matcher end = END.matcher(line);
      if (start.matches()) {
        assertThat(open).as("tag::%s[] opened inside tag::%s[]", start.group(1), open).isNull();
        open = start.group(1);
        lines.clear();
      } else if (end.matches()) {
        assertThat(end.group(1))
            .as("end::%s[] closes tag::%s[]", end.group(1), open)
            .isEqualTo(open);
        assertThat(regions).as("tag %s used twice", open).doesNotContainKey(open);
        regions.put(open, dedent(lines));
        open = null;
      } else if (open != null) {
        lines.add(line);
      }
    }
    assertThat(open).as("tag::%s[] is never closed", open).isNull();
    return regions;
  }

  /** The contents of the {@code ```java} fenced blocks of {@code markdown}. */
  static List<String> javaBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    List<String> lines = null;
    for (String line : markdown.split("\n", -1)) {
      if (lines == null && line.strip().equals("```java")) {
        lines = new ArrayList<>();
      } else if (lines != null && line.strip().equals("```")) {
        blocks.add(String.join("\n", lines));
        lines = null;
      } else if (lines != null) {
        lines.add(line);
      }
    }
    return blocks;
  }

  private static String dedent(List<String> lines) {
    int indent =
        lines.stream()
            .filter(line -> !line.isBlank())
            .mapToInt(line -> line.length() - line.stripLeading().length())
            .min()
            .orElse(0);
    List<String> kept = new ArrayList<>();
    for (String line : lines) {
      kept.add(line.isBlank() ? "" : line.substring(indent));
    }
    return String.join("\n", kept);
  }

  /** Reads {@code path} of the repository, whether the tests run in the module or at the root. */
  private static String read(Path path) throws IOException {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.isDirectory(root.resolve("docs"))) {
      root = root.getParent();
    }
    assertThat(root)
        .as("the repository root (a directory with docs/) above the working directory")
        .isNotNull();
    return Files.readString(root.resolve(path), StandardCharsets.UTF_8).replace("\r\n", "\n");
  }
}
