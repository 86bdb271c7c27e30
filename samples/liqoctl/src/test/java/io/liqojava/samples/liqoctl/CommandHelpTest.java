package io.liqojava.samples.liqoctl;

import static io.liqojava.samples.liqoctl.LiqoctlRunner.liqoctl;
import static org.assertj.core.api.Assertions.assertThat;

import io.liqojava.samples.liqoctl.LiqoctlRunner.Run;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Every liqoctl command, found by walking picocli's command tree, has a one-line header, a
 * description and examples of itself that liqoctl parses: a command added without them fails here.
 * None needs a cluster.
 */
class CommandHelpTest {

  /** Help lines longer than this are wrapped by picocli, which breaks examples. */
  private static final int WIDTH = 80;

  @TempDir Path home;

  private Map<String, String> environment() {
    return Map.of("HOME", home.toString());
  }

  /** Every command's qualified name, {@code liqoctl} first. */
  static Stream<String> commands() {
    List<String> names = new ArrayList<>();
    walk(new CommandLine(new Liqoctl(Map.of())), names);
    return names.stream();
  }

  private static void walk(CommandLine command, List<String> names) {
    names.add(command.getCommandSpec().qualifiedName());
    command.getSubcommands().values().forEach(sub -> walk(sub, names));
  }

  private static CommandSpec spec(String qualifiedName) {
    CommandLine command = new CommandLine(new Liqoctl(Map.of()));
    for (String name : words(qualifiedName)) {
      command = command.getSubcommands().get(name);
    }
    return command.getCommandSpec();
  }

  /** The words after {@code liqoctl} in a qualified name. */
  private static List<String> words(String qualifiedName) {
    List<String> words = Arrays.asList(qualifiedName.split(" "));
    return words.subList(1, words.size());
  }

  @Test
  void theTreeHoldsEveryCommand() {
    assertThat(commands())
        .contains(
            "liqoctl",
            "liqoctl install",
            "liqoctl generate peer-command",
            "liqoctl peer out-of-band",
            "liqoctl unpeer out-of-band",
            "liqoctl offload namespace",
            "liqoctl unoffload namespace",
            "liqoctl version",
            "liqoctl completion bash",
            "liqoctl completion zsh",
            "liqoctl help");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void everyCommandHasAHeaderADescriptionAndExamplesOfItself(String name) {
    assertThat(problems(spec(name))).as(name).isEmpty();
  }

  @Test
  void aCommandWithoutExamplesOrWithExamplesOfAnotherCommandIsReported() {
    CommandSpec bare = new CommandLine(new Bare()).getCommandSpec();
    CommandSpec misplaced =
        new CommandLine(new Liqoctl(Map.of())).getSubcommands().get("status").getCommandSpec();
    misplaced.usageMessage().footer("", "Examples:", "  liqoctl version", "  kubectl get nodes");

    assertThat(problems(bare))
        .anyMatch(problem -> problem.contains("no header"))
        .anyMatch(problem -> problem.contains("no description"))
        .anyMatch(problem -> problem.contains("no 'Examples:'"));
    assertThat(problems(misplaced))
        .anyMatch(problem -> problem.contains("'liqoctl version' runs liqoctl version"))
        .anyMatch(problem -> problem.contains("'kubectl get nodes' does not run liqoctl"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  void helpAndVersionWorkOnEveryCommand(String name) {
    List<String> help = new ArrayList<>(words(name));
    help.add("--help");
    List<String> version = new ArrayList<>(words(name));
    version.add("-V");

    Run helpRun = liqoctl(environment(), help.toArray(String[]::new));
    Run versionRun = liqoctl(environment(), version.toArray(String[]::new));

    assertThat(helpRun.exitCode()).as(helpRun.output()).isZero();
    assertThat(helpRun.out())
        .startsWith(spec(name).usageMessage().header()[0])
        .contains("Usage: " + name, "Examples:");
    assertThat(versionRun.exitCode()).as(versionRun.output()).isZero();
    assertThat(versionRun.out()).startsWith("liqoctl ").contains("(liqo-java)");
  }

  @Test
  void helpCommandShowsTheHelpOfCommandsAtAnyDepth() {
    Run help = liqoctl(environment(), "help", "offload", "namespace");
    Run flag = liqoctl(environment(), "offload", "namespace", "--help");

    assertThat(help.exitCode()).as(help.output()).isZero();
    assertThat(help.out()).isEqualTo(flag.out()).contains("Usage: liqoctl offload namespace");
    assertThat(liqoctl(environment(), "help").out())
        .isEqualTo(liqoctl(environment(), "--help").out());
  }

  @Test
  void helpOfAnUnknownCommandListsTheCommands() {
    Run run = liqoctl(environment(), "help", "offload", "pod");

    assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
    assertThat(run.err())
        .contains("'pod' is not a command of 'liqoctl offload': use one of namespace");
  }

  @Test
  void versionNeedsNoCluster() {
    Run run = liqoctl(environment(), "version", "--client");

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.out()).startsWith("Client version: liqoctl ").contains("(liqo-java)");
    assertThat(run.err()).isEmpty();
  }

  /** What is missing or wrong in the help of {@code spec}; empty when it is complete. */
  static List<String> problems(CommandSpec spec) {
    String name = spec.qualifiedName();
    List<String> problems = new ArrayList<>();
    String[] header = spec.usageMessage().header();
    if (header.length == 0 || header[0].isBlank()) {
      problems.add(name + " has no header (a one-line summary: @Command(header = ...))");
    } else if (header.length > 1) {
      problems.add(name + " has a header of " + header.length + " lines; write one");
    }
    if (String.join("", spec.usageMessage().description()).isBlank()) {
      problems.add(name + " has no description (what it does and what it changes)");
    }
    for (String line : spec.usageMessage().footer()) {
      if (line.length() > WIDTH) {
        problems.add(name + ": footer line longer than " + WIDTH + " columns: " + line);
      }
    }
    List<String> examples = HelpExamples.commands(spec);
    if (examples.isEmpty()) {
      problems.add(
          name
              + " has no 'Examples:' in its footer, followed by commands indented by two spaces"
              + " (see InstallCommand)");
    }
    for (String example : examples) {
      List<String> arguments = HelpExamples.liqoctlArguments(example);
      if (arguments == null) {
        problems.add(name + ": example '" + example + "' does not run liqoctl");
        continue;
      }
      try {
        CommandLine.ParseResult parsed =
            new CommandLine(new Liqoctl(Map.of())).parseArgs(arguments.toArray(String[]::new));
        while (parsed.hasSubcommand()) {
          parsed = parsed.subcommand();
        }
        String ran = parsed.commandSpec().qualifiedName();
        if (!ran.equals(name) && !ran.startsWith(name + " ")) {
          problems.add(
              name + ": example '" + example + "' runs " + ran + ", not " + name + " (or below)");
        }
      } catch (CommandLine.ParameterException e) {
        problems.add(name + ": example '" + example + "' does not parse: " + e.getMessage());
      }
    }
    return problems;
  }

  @Command(name = "bare")
  static final class Bare implements Runnable {
    @Override
    public void run() {}
  }
}
