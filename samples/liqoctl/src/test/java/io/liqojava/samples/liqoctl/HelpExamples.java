package io.liqojava.samples.liqoctl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The examples of a command's help: the lines after {@code Examples:} in its footer, indented by
 * two spaces; a line ending with {@code \} continues on the next; lines starting with {@code #} are
 * comments.
 */
final class HelpExamples {

  static final String HEADING = "Examples:";

  private static final Pattern INVOCATION = Pattern.compile("(?:^|[\\s(])liqoctl(?=\\s|$)");

  private HelpExamples() {}

  /** The footer lines from {@code Examples:} on (without it), or an empty list. */
  static List<String> lines(CommandSpec spec) {
    List<String> footer = Arrays.asList(spec.usageMessage().footer());
    int heading = footer.indexOf(HEADING);
    return heading < 0 ? List.of() : footer.subList(heading + 1, footer.size());
  }

  /** The example commands, continuation lines joined, comments and blank lines left out. */
  static List<String> commands(CommandSpec spec) {
    List<String> commands = new ArrayList<>();
    StringBuilder command = new StringBuilder();
    for (String line : lines(spec)) {
      String text = line.strip();
      if (command.isEmpty() && (text.isEmpty() || text.startsWith("#"))) {
        continue;
      }
      if (text.endsWith("\\")) {
        command.append(text, 0, text.length() - 1).append(' ');
      } else {
        commands.add(command.append(text).toString());
        command.setLength(0);
      }
    }
    if (!command.isEmpty()) {
      commands.add(command.toString().strip());
    }
    return commands;
  }

  /**
   * The arguments the example passes to liqoctl, as a POSIX shell splits them (quotes removed,
   * variables left as written), up to the end of the liqoctl command ({@code |}, {@code )}, {@code
   * >}, {@code #}, ...); null when the example does not run liqoctl.
   */
  static List<String> liqoctlArguments(String command) {
    Matcher matcher = INVOCATION.matcher(command);
    if (!matcher.find()) {
      return null;
    }
    return words(command.substring(matcher.end()));
  }

  private static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (quote == '"' && c == '\\' && i + 1 < text.length()) {
          word.append(text.charAt(++i));
        } else {
          word.append(c);
        }
        continue;
      }
      if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
        continue;
      }
      if ("|;&<>)".indexOf(c) >= 0 || (c == '#' && word == null)) {
        break;
      }
      if (word == null) {
        word = new StringBuilder();
      }
      if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '\\' && i + 1 < text.length()) {
        word.append(text.charAt(++i));
      } else {
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }
}
