package io.liqojava.samples.agent;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Documentation files generated from the code and committed (the twin of liqoctl's, which this
 * module cannot see): a test compares them with what the code generates now and fails when they
 * differ, unless {@code -Dliqo.docs.update=true}, when it writes them.
 */
final class GeneratedDocs {

  /** The system property that makes {@link #check} write the files instead. */
  static final String UPDATE = "liqo.docs.update";

  /** The command that regenerates every generated documentation file, from the repository root. */
  static final String REGENERATE = "docs/reference/generate";

  private GeneratedDocs() {}

  /**
   * Fails unless {@code path}, relative to the repository root, holds {@code content}; writes it
   * instead when {@value #UPDATE} is true.
   */
  static void check(String path, String content) throws IOException {
    Path file = repositoryRoot().resolve(path);
    if (Boolean.getBoolean(UPDATE)) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
      return;
    }
    String current = Files.exists(file) ? Files.readString(file) : null;
    if (content.equals(current)) {
      return;
    }
    fail(
        path
            + " is out of date; run "
            + REGENERATE
            + " to regenerate it (then review and commit it). "
            + (current == null ? "It does not exist." : firstDifference(current, content)));
  }

  private static String firstDifference(String current, String expected) {
    List<String> found = current.lines().toList();
    List<String> wanted = expected.lines().toList();
    for (int i = 0; i < Math.max(found.size(), wanted.size()); i++) {
      String was = i < found.size() ? found.get(i) : "(end of file)";
      String is = i < wanted.size() ? wanted.get(i) : "(end of file)";
      if (!was.equals(is)) {
        return "First difference, line " + (i + 1) + ":\n  file: " + was + "\n  code: " + is;
      }
    }
    return "They differ in line endings.";
  }

  /** The directory holding {@code mvnw} and {@code docs}, above the working directory. */
  static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "no repository root (with mvnw and docs/) above " + Path.of("").toAbsolutePath());
  }
}
