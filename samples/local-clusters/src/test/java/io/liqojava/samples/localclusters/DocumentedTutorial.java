package io.liqojava.samples.localclusters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tutorial of {@code docs/tutorials/}, run as a reader follows it: every fenced {@code ```bash}
 * block, in order, in one {@link TutorialShell} session, each expected to exit with 0.
 *
 * <p>Two HTML comments, on the line right before a block (blank lines between are allowed), change
 * that, and are meant to be rare: {@code <!-- not tested: REASON -->} skips the block (a reason is
 * required), and {@code <!-- exit code: N -->} expects the block to fail with {@code N}, for a
 * command the tutorial shows failing on purpose. Any other comment starting like a marker is an
 * error, so that a typo cannot silently skip a block.
 *
 * <p>Tests advance through the tutorial with {@link #runThrough} (up to a given command, returning
 * that block's outcome for assertions) and finish with {@link #runToEnd}. Every block's script,
 * output and exit code go to {@code target/tutorial-transcripts/<tutorial>.txt}.
 */
final class DocumentedTutorial implements AutoCloseable {

  /**
   * One fenced bash block.
   *
   * @param line the line of its opening fence, 1-based
   * @param heading the section it is in
   * @param script its commands
   * @param expectedExitCode the exit code it should end with
   * @param notTested why it is not run, if it is not
   */
  record Block(
      int line, String heading, String script, int expectedExitCode, Optional<String> notTested) {

    String where() {
      return "line " + line + " (\"" + heading + "\")";
    }
  }

  private static final Pattern FENCE = Pattern.compile("^(`{3,}|~{3,})\\s*([\\w+-]*).*$");
  private static final Pattern MARKER =
      Pattern.compile("^<!--\\s*(not tested|exit code)\\s*:?\\s*(.*?)\\s*-->$");
  private static final Pattern MARKER_LIKE =
      Pattern.compile(
          "^<!--\\s*(not[ -]?tested|exit[ -]?code|expect|skip).*", Pattern.CASE_INSENSITIVE);

  private final String name;
  private final List<Block> blocks;
  private final TutorialShell shell;
  private final Path transcript;
  private int next;

  private DocumentedTutorial(String name, List<Block> blocks, TutorialShell shell) {
    this.name = name;
    this.blocks = blocks;
    this.shell = shell;
    try {
      Path directory = Files.createDirectories(Path.of("target", "tutorial-transcripts"));
      this.transcript = directory.resolve(name.replace(".md", ".txt"));
      Files.writeString(
          transcript, "# docs/tutorials/" + name + " in " + shell.directory() + "\n\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads {@code docs/tutorials/<name>} and opens a fresh {@link TutorialShell} to run it in. */
  static DocumentedTutorial start(String name) {
    List<Block> blocks = parse(file(name));
    assertThat(blocks).as("bash blocks of docs/tutorials/" + name).isNotEmpty();
    return new DocumentedTutorial(name, blocks, TutorialShell.start());
  }

  /** {@code docs/tutorials/<name>} in the repository. */
  static Path file(String name) {
    return TutorialShell.repositoryRoot().resolve("docs").resolve("tutorials").resolve(name);
  }

  /** The bash blocks of a Markdown file, in order. */
  static List<Block> parse(Path markdown) {
    try {
      return parse(Files.readAllLines(markdown, StandardCharsets.UTF_8), markdown.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The bash blocks of Markdown {@code lines}, in order.
   *
   * @throws IllegalArgumentException for a malformed marker or an unclosed block, naming the line
   */
  static List<Block> parse(List<String> lines, String source) {
    List<Block> blocks = new ArrayList<>();
    String heading = "";
    String pendingMarker = null;
    int markerLine = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String trimmed = line.strip();
      Matcher fence = FENCE.matcher(trimmed);
      if (fence.matches()) {
        String delimiter = fence.group(1);
        String language = fence.group(2);
        int start = i;
        StringBuilder body = new StringBuilder();
        for (i++; i < lines.size() && !isClosing(lines.get(i).strip(), delimiter); i++) {
          body.append(lines.get(i)).append('\n');
        }
        if (i >= lines.size()) {
          throw new IllegalArgumentException(
              source + ": the block opened at line " + (start + 1) + " is never closed");
        }
        if (language.equals("bash")) {
          blocks.add(block(start + 1, heading, body.toString(), pendingMarker, markerLine, source));
        } else if (pendingMarker != null) {
          throw new IllegalArgumentException(
              source
                  + ":"
                  + markerLine
                  + ": the marker '"
                  + pendingMarker
                  + "' must come right before a ```bash block");
        }
        pendingMarker = null;
        continue;
      }
      if (trimmed.isEmpty()) {
        continue;
      }
      if (MARKER_LIKE.matcher(trimmed).matches()) {
        if (!MARKER.matcher(trimmed).matches()) {
          throw new IllegalArgumentException(
              source
                  + ":"
                  + (i + 1)
                  + ": unknown marker '"
                  + trimmed
                  + "': write <!-- not tested: REASON --> or <!-- exit code: N -->");
        }
        pendingMarker = trimmed;
        markerLine = i + 1;
        continue;
      }
      if (pendingMarker != null) {
        throw new IllegalArgumentException(
            source
                + ":"
                + markerLine
                + ": the marker '"
                + pendingMarker
                + "' must come right before a ```bash block");
      }
      if (trimmed.startsWith("#")) {
        heading = trimmed.replaceFirst("^#+\\s*", "");
      }
    }
    if (pendingMarker != null) {
      throw new IllegalArgumentException(
          source + ":" + markerLine + ": the marker '" + pendingMarker + "' precedes no block");
    }
    return blocks;
  }

  private static boolean isClosing(String line, String delimiter) {
    return line.startsWith(delimiter) && line.chars().allMatch(c -> c == delimiter.charAt(0));
  }

  private static Block block(
      int line, String heading, String script, String marker, int markerLine, String source) {
    if (marker == null) {
      return new Block(line, heading, script, 0, Optional.empty());
    }
    Matcher matcher = MARKER.matcher(marker);
    matcher.matches();
    String value = matcher.group(2);
    if (matcher.group(1).equals("not tested")) {
      if (value.isBlank()) {
        throw new IllegalArgumentException(
            source
                + ":"
                + markerLine
                + ": say why the block is not tested: <!-- not tested: REASON -->");
      }
      return new Block(line, heading, script, 0, Optional.of(value));
    }
    if (!value.matches("[1-9][0-9]{0,2}")) {
      throw new IllegalArgumentException(
          source
              + ":"
              + markerLine
              + ": <!-- exit code: N --> needs a non-zero number, got '"
              + value
              + "'");
    }
    return new Block(line, heading, script, Integer.parseInt(value), Optional.empty());
  }

  /** The blocks, in order. */
  List<Block> blocks() {
    return blocks;
  }

  /** The session the blocks run in, for checks of a test's own. */
  TutorialShell shell() {
    return shell;
  }

  /**
   * Runs the blocks not run yet, up to and including the first one containing {@code command},
   * asserting that each ends with its expected exit code; returns that block's outcome.
   */
  TutorialShell.Result runThrough(String command) {
    int target = -1;
    for (int i = next; i < blocks.size() && target < 0; i++) {
      if (blocks.get(i).script().contains(command) && blocks.get(i).notTested().isEmpty()) {
        target = i;
      }
    }
    assertThat(target)
        .as("a tested block of docs/tutorials/%s, after %s, runs '%s'", name, position(), command)
        .isNotNegative();
    TutorialShell.Result result = null;
    while (next <= target) {
      result = runNext();
    }
    return result;
  }

  /** Runs the remaining blocks, asserting that each ends with its expected exit code. */
  void runToEnd() {
    while (next < blocks.size()) {
      runNext();
    }
  }

  /** Runs the last block run again, e.g. to wait for an outcome it shows; returns its outcome. */
  TutorialShell.Result rerunLast() {
    assertThat(next).as("a block ran").isPositive();
    Block block = blocks.get(next - 1);
    return record(block, shell.bash(block.script()), " (again)");
  }

  /**
   * Runs a check of the test's own (not a block of the tutorial) in the tutorial's shell, with the
   * variables the blocks so far set; asserts that it succeeds and returns its output.
   */
  String check(String script) {
    TutorialShell.Result result = shell.bash(script);
    append(
        "## check of the test\n"
            + script.lines().map(l -> "$ " + l + "\n").reduce("", String::concat)
            + result.output()
            + "\n[exit code "
            + result.exitCode()
            + "]\n\n");
    assertThat(result.exitCode()).as("%s%n%s", script, result.output()).isZero();
    return result.output();
  }

  /** Whether every block ran. */
  boolean finished() {
    return next >= blocks.size();
  }

  /** Runs {@code ./local-clusters down} in the tutorial's directory and ends the session. */
  @Override
  public void close() {
    shell.close();
  }

  private TutorialShell.Result runNext() {
    Block block = blocks.get(next++);
    if (block.notTested().isPresent()) {
      append("## " + block.where() + ": not tested (" + block.notTested().get() + ")\n\n");
      return new TutorialShell.Result(0, "");
    }
    TutorialShell.Result result = record(block, shell.bash(block.script()), "");
    assertThat(result.exitCode())
        .as(
            "exit code of the block at docs/tutorials/%s %s:%n%s%noutput:%n%s",
            name, block.where(), block.script(), result.output())
        .isEqualTo(block.expectedExitCode());
    return result;
  }

  private TutorialShell.Result record(Block block, TutorialShell.Result result, String note) {
    append(
        "## "
            + block.where()
            + note
            + "\n"
            + block.script().lines().map(l -> "$ " + l).reduce("", (a, b) -> a + b + "\n")
            + result.output()
            + "\n[exit code "
            + result.exitCode()
            + "]\n\n");
    return result;
  }

  private String position() {
    return next == 0 ? "the start" : "the block at " + blocks.get(next - 1).where();
  }

  private void append(String text) {
    try {
      Files.writeString(transcript, text, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
