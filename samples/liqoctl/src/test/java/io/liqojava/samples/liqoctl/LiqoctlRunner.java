package io.liqojava.samples.liqoctl;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/** Runs liqoctl in this JVM as a user runs it in a shell, capturing what it prints. */
final class LiqoctlRunner {

  private LiqoctlRunner() {}

  /** What one liqoctl run printed and returned. */
  record Run(int exitCode, String out, String err) {

    /** Both streams, for assertion messages. */
    String output() {
      return "exit code " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** Runs {@code liqoctl args...} with {@code environment} as its environment. */
  static Run liqoctl(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new Liqoctl(environment));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }
}
