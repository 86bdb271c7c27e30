package io.liqojava.samples.liqoctl;

import static io.liqojava.samples.liqoctl.LiqoctlRunner.liqoctl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.liqojava.samples.liqoctl.LiqoctlRunner.Run;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code liqoctl completion bash|zsh}: the printed script is sourced in a real shell, whose
 * completion function is then called as the shell calls it on Tab (COMP_WORDS, COMP_CWORD).
 */
class CompletionTest {

  @TempDir Path home;

  @Test
  void bashCompletesCommandsFlagsAndTheirValues() throws Exception {
    Path script = script("bash");

    assertThat(complete("bash", script, "liqoctl off")).containsExactly("offload");
    assertThat(complete("bash", script, "liqoctl offload namespace --pod-"))
        .containsExactly("--pod-offloading-strategy");
    assertThat(complete("bash", script, "liqoctl offload namespace liqo-demo --pod-"))
        .containsExactly("--pod-offloading-strategy");
    assertThat(complete("bash", script, "liqoctl offload namespace foo --pod-offloading-strategy "))
        .containsExactly("LocalAndRemote", "Local", "Remote");
    assertThat(complete("bash", script, "liqoctl --kubeconfig rome peer out-of-band milan --auth-"))
        .containsExactly("--auth-url", "--auth-token");
    assertThat(complete("bash", script, "liqoctl completion ")).containsExactly("bash", "zsh");
    assertThat(complete("bash", script, "liqoctl help unoff")).containsExactly("unoffload");
  }

  @Test
  void bashScriptRegistersTheCompletionOfLiqoctl() throws Exception {
    Path script = script("bash");

    assertThat(shell("bash", script, "complete -p liqoctl"))
        .singleElement()
        .asString()
        .contains("-F _complete_liqoctl");
  }

  @Test
  void zshLoadsTheScriptThroughBashcompinit() throws Exception {
    assumeTrue(onPath("zsh"), "zsh is not installed");
    Path script = script("zsh");

    // zsh's compgen emulation leaves filtering by the typed prefix to zsh's completion system,
    // so every candidate of the position comes back.
    assertThat(complete("zsh", script, "liqoctl off")).contains("offload", "unoffload");
    assertThat(complete("zsh", script, "liqoctl offload namespace --pod-"))
        .contains("--pod-offloading-strategy", "--selector");
    assertThat(complete("zsh", script, "liqoctl offload namespace foo --pod-offloading-strategy "))
        .containsExactly("LocalAndRemote", "Local", "Remote");
  }

  @Test
  void theScriptSaysHowToLoadIt() {
    Run bash = liqoctl(Map.of(), "completion", "bash");
    Run zsh = liqoctl(Map.of(), "completion", "zsh");

    assertThat(bash.exitCode()).as(bash.output()).isZero();
    assertThat(bash.out()).startsWith("# bash completion for liqoctl").contains("source <(liqoctl");
    assertThat(zsh.out()).startsWith("# zsh completion for liqoctl").contains("bashcompinit");
  }

  @Test
  void completionWithoutAShellIsAUsageError() {
    Run run = liqoctl(Map.of(), "completion");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("say which shell: bash or zsh");
  }

  /** Writes the script {@code liqoctl completion SHELL} prints. */
  private Path script(String shell) throws IOException {
    Run run = liqoctl(Map.of("HOME", home.toString()), "completion", shell);
    assertThat(run.exitCode()).as(run.output()).isZero();
    return Files.writeString(home.resolve("liqoctl." + shell), run.out());
  }

  /**
   * The candidates the completion function puts in COMPREPLY for {@code line}, the cursor at its
   * end; a line ending with a space completes a new word.
   */
  private List<String> complete(String shell, Path script, String line) throws Exception {
    List<String> words = new ArrayList<>(Arrays.asList(line.split(" ", -1)));
    String zshArrays = shell.equals("zsh") ? "setopt ksharrays; " : "";
    return shell(
        shell,
        script,
        zshArrays
            + "COMP_WORDS=(\"$@\"); COMP_CWORD=$(( $# - 1 )); COMP_LINE=\"$*\";"
            + " COMP_POINT=${#COMP_LINE}; _complete_liqoctl;"
            + " for reply in \"${COMPREPLY[@]}\"; do printf '%s\\n' \"$reply\"; done",
        words.toArray(String[]::new));
  }

  /** Runs {@code commands} in {@code shell} after sourcing {@code script}; its output lines. */
  private List<String> shell(String shell, Path script, String commands, String... arguments)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(shell);
    if (shell.equals("zsh")) {
      command.add("-f"); // no startup files
    } else {
      command.addAll(List.of("--norc", "--noprofile"));
    }
    command.addAll(List.of("-c", "source \"$0\" && " + commands, script.toString()));
    command.addAll(Arrays.asList(arguments));
    Process process =
        new ProcessBuilder(command)
            .directory(home.toFile())
            .redirectError(home.resolve("stderr").toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue())
        .as("%s exited with %s; stderr:%n%s", shell, process.exitValue(), stderr())
        .isZero();
    return out.isEmpty() ? List.of() : Arrays.asList(out.split("\n"));
  }

  private String stderr() throws IOException {
    return Files.readString(home.resolve("stderr"));
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Arrays.stream(path.split(File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }
}
