package io.liqojava.samples.liqoctl;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code liqoctl help [COMMAND...]}: the help of a command, at any depth ({@code liqoctl help
 * offload namespace}); the same as {@code liqoctl COMMAND... --help}.
 */
@Command(
    name = "help",
    helpCommand = true,
    mixinStandardHelpOptions = true,
    header = "Shows the help of a command.",
    description = {
      "Shows the help of liqoctl, or of the command given, at any depth: 'liqoctl help offload"
          + " namespace' is the same as 'liqoctl offload namespace --help'. It changes nothing."
    },
    footer = {
      "",
      "Examples:",
      "  liqoctl help",
      "  liqoctl help peer",
      "  liqoctl help offload namespace"
    })
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {

  @Parameters(
      paramLabel = "COMMAND",
      arity = "0..*",
      completionCandidates = TopLevelCommands.class,
      description = "The command, and its subcommands, to show the help of.")
  List<String> commands = List.of();

  private CommandLine self;
  private CommandLine.Help.ColorScheme colors;
  private PrintWriter out;

  @Override
  public void init(
      CommandLine helpCommandLine,
      CommandLine.Help.ColorScheme colorScheme,
      PrintWriter outWriter,
      PrintWriter errWriter) {
    this.self = helpCommandLine;
    this.colors = colorScheme;
    this.out = outWriter;
  }

  @Override
  public void run() {
    CommandLine command = self.getParent();
    for (String name : commands) {
      CommandLine sub = command.getSubcommands().get(name);
      if (sub == null) {
        throw new CommandLine.ParameterException(
            self,
            "'"
                + name
                + "' is not a command of '"
                + command.getCommandSpec().qualifiedName()
                + "': use one of "
                + String.join(", ", command.getSubcommands().keySet()));
      }
      command = sub;
    }
    command.usage(out, colors);
    out.flush();
  }

  /** The names of liqoctl's commands, for completing {@code liqoctl help <TAB>}. */
  static final class TopLevelCommands implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Liqoctl.class.getAnnotation(Command.class).subcommands())
          .map(type -> type.getAnnotation(Command.class).name())
          .iterator();
    }
  }
}
