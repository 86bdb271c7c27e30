package io.liqojava.samples.liqoctl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Renders the Markdown reference of liqoctl, {@code docs/reference/liqoctl.md}, from its picocli
 * command tree: every command's synopsis, description, arguments, options with their defaults,
 * subcommands and examples, as {@code --help} shows them.
 */
final class CliReference {

  /** Where the synopsis wraps. */
  private static final int WIDTH = 100;

  private final CommandLine root;
  private final StringBuilder out = new StringBuilder();

  private CliReference(CommandLine root) {
    this.root = root;
    root.setUsageHelpWidth(WIDTH);
    root.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
  }

  /** The reference of the command tree under {@code root}. */
  static String render(CommandLine root) {
    return new CliReference(root).render();
  }

  private String render() {
    CommandSpec spec = root.getCommandSpec();
    line("# liqoctl command reference");
    line();
    line("<!-- Generated from liqoctl's command line by CliReferenceTest; do not edit.");
    line("     Regenerate it with: docs/reference/generate -->");
    line();
    paragraph(
        "`liqoctl` "
            + lowerFirst(spec.usageMessage().header()[0])
            + " This reference is generated from liqoctl itself: `liqoctl COMMAND --help` (or"
            + " `liqoctl help COMMAND`) prints the same in a terminal. [liqoctl.md](../liqoctl.md)"
            + " tells how to use it, step by step; [agent.md](agent.md) is the reference of the"
            + " agent.");
    line("- [Global options](#global-options)");
    toc(root, 0);
    line();
    globalOptions(spec);
    command(root, 0);
    return out.toString();
  }

  private void toc(CommandLine command, int depth) {
    String name = command.getCommandSpec().qualifiedName();
    line("  ".repeat(depth) + "- [" + name + "](#" + anchor(name) + ")");
    command.getSubcommands().values().forEach(sub -> toc(sub, depth + 1));
  }

  private void globalOptions(CommandSpec spec) {
    line("## Global options");
    line();
    paragraph(
        "Every command accepts these options, before or after the command name: `liqoctl"
            + " --context=provider generate peer-command` and `liqoctl generate peer-command"
            + " --context=provider` are the same.");
    optionTable(spec.options());
  }

  private void command(CommandLine command, int depth) {
    CommandSpec spec = command.getCommandSpec();
    String name = spec.qualifiedName();
    line("#".repeat(depth < 2 ? 2 : 3) + " " + name);
    line();
    paragraph(escape(format(spec.usageMessage().header()[0])));
    line("```text");
    line(command.getHelp().synopsis(0).stripTrailing());
    line("```");
    line();
    description(spec.usageMessage().description());
    List<PositionalParamSpec> parameters =
        spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
    if (!parameters.isEmpty()) {
      line("**Arguments**");
      line();
      line("| Argument | Description |");
      line("|---|---|");
      for (PositionalParamSpec parameter : parameters) {
        line(
            "| `"
                + parameter.paramLabel()
                + (parameter.arity().max() > 1 ? "..." : "")
                + "`"
                + (parameter.arity().min() == 0 ? " (optional)" : "")
                + " | "
                + cell(description(parameter))
                + " |");
      }
      line();
    }
    Set<OptionSpec> grouped = new LinkedHashSet<>();
    spec.argGroups().forEach(group -> grouped.addAll(group.allOptionsNested()));
    List<OptionSpec> own =
        spec.options().stream()
            .filter(option -> !grouped.contains(option))
            .filter(option -> depth == 0 || !isGlobal(option))
            .toList();
    if (depth > 0) {
      line("**Options**" + (own.isEmpty() ? ": the [global options](#global-options)." : ""));
      line();
      if (!own.isEmpty()) {
        optionTable(own);
        paragraph("And the [global options](#global-options).");
      }
    }
    for (ArgGroupSpec group : spec.argGroups()) {
      line("**" + escape(format(group.heading()).strip().replaceAll(":$", "")) + "**");
      line();
      optionTable(group.allOptionsNested());
    }
    if (!command.getSubcommands().isEmpty()) {
      line("**Commands**");
      line();
      line("| Command | Summary |");
      line("|---|---|");
      for (CommandLine sub : command.getSubcommands().values()) {
        String subName = sub.getCommandSpec().qualifiedName();
        line(
            "| [`"
                + subName
                + "`](#"
                + anchor(subName)
                + ") | "
                + cell(format(sub.getCommandSpec().usageMessage().header()[0]))
                + " |");
      }
      line();
    }
    List<String> examples = HelpExamples.lines(spec);
    if (!examples.isEmpty()) {
      line("**Examples**");
      line();
      line("```bash");
      examples.forEach(example -> line(example.replaceFirst("^  ", "")));
      line("```");
      line();
    }
    command.getSubcommands().values().forEach(sub -> command(sub, depth + 1));
  }

  /** The options every command inherits from liqoctl, and -h and -V. */
  private static boolean isGlobal(OptionSpec option) {
    return option.inherited() || option.usageHelp() || option.versionHelp();
  }

  private void optionTable(List<OptionSpec> options) {
    line("| Option | Default | Description |");
    line("|---|---|---|");
    for (OptionSpec option : options) {
      if (option.hidden()) {
        continue;
      }
      line(
          "| "
              + names(option)
              + " | "
              + (option.defaultValue() == null ? "" : "`" + cell(option.defaultValue()) + "`")
              + " | "
              + cell(withoutDefault(description(option), option.defaultValue()))
              + " |");
    }
    line();
  }

  /** The description without "(default: VALUE)", which the Default column shows. */
  private static String withoutDefault(String description, String defaultValue) {
    return defaultValue == null
        ? description
        : description.replace(" (default: " + escape(defaultValue) + ")", "");
  }

  /** {@code `-o`, `--output=FORMAT`}. */
  private static String names(OptionSpec option) {
    List<String> names = new ArrayList<>(Arrays.asList(option.names()));
    names.sort((a, b) -> Integer.compare(a.length(), b.length()));
    if (option.arity().max() > 0) {
      String label = option.paramLabel();
      if (!option.splitRegex().isEmpty()) {
        String separator =
            option.splitRegexSynopsisLabel().isEmpty()
                ? option.splitRegex()
                : option.splitRegexSynopsisLabel();
        label += "[" + separator + label + "...]";
      }
      int last = names.size() - 1;
      names.set(last, names.get(last) + "=" + label);
    }
    return names.stream().map(name -> "`" + cell(name) + "`").collect(Collectors.joining(", "));
  }

  private static String description(CommandLine.Model.ArgSpec arg) {
    return escape(format(String.join(" ", arg.renderedDescription())));
  }

  /**
   * A description: indented lines become a text block (command lines, lists), the others one
   * paragraph each.
   */
  private void description(String[] lines) {
    List<String> block = new ArrayList<>();
    for (String raw : lines) {
      String text = format(raw);
      if (text.startsWith(" ")) {
        block.add(text.replaceFirst("^  ", ""));
        continue;
      }
      flush(block);
      if (!text.isBlank()) {
        paragraph(escape(text));
      }
    }
    flush(block);
  }

  private void flush(List<String> block) {
    if (block.isEmpty()) {
      return;
    }
    line("```text");
    block.forEach(this::line);
    line("```");
    line();
    block.clear();
  }

  /** A picocli help string as printed: {@code %n} a line break (here a space), {@code %%} a %. */
  private static String format(String text) {
    return text.replace("%n", " ").replace("%%", "%").stripTrailing();
  }

  /** Text that Markdown shows as written. */
  private static String escape(String text) {
    return text.replace("\\", "\\\\")
        .replace("*", "\\*")
        .replace("~", "\\~")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }

  /** Text for a table cell. */
  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  /** GitHub's anchor of a heading. */
  static String anchor(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
  }

  private static String lowerFirst(String text) {
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  private void paragraph(String text) {
    line(text);
    line();
  }

  private void line(String text) {
    out.append(text).append('\n');
  }

  private void line() {
    out.append('\n');
  }
}
