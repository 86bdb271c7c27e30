package io.liqojava.samples.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The agent launcher, run as a user runs it with the plugin jar on its classpath, discovers the
 * plugin's provider through ServiceLoader and would reflect FeatureFlags with it.
 */
class AgentDiscoversPluginIT {

  private static final Path AGENT_JAR = Path.of(System.getProperty("agent.jar", "agent.jar"));
  private static final Path PLUGIN_JAR = Path.of(System.getProperty("plugin.jar", "plugin.jar"));

  @Test
  void listsThePluginNextToTheBuiltInReflectors() throws Exception {
    String listing = agent("--list-reflectors");
    assertThat(listing)
        .containsPattern(
            "FeatureFlag\\.samples\\.liqojava\\.io +featureflags +0 +2 +yes +reflector-plugin\\.jar")
        .containsPattern("ConfigMap +configmaps +0 +3 +yes +agent\\.jar");
  }

  @Test
  void takesTheAgentsReflectionOptionsForThePluginsResource() throws Exception {
    String listing = agent("--reflection-workers", "FeatureFlag=0", "--list-reflectors");
    assertThat(listing)
        .containsPattern("FeatureFlag\\.samples\\.liqojava\\.io +featureflags +0 +0 +off");
  }

  private static String agent(String... args) throws IOException, InterruptedException {
    assertThat(AGENT_JAR).as("the agent jar (build samples/agent)").isRegularFile();
    assertThat(PLUGIN_JAR).as("the plugin jar").isRegularFile();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(AGENT_JAR + java.io.File.pathSeparator + PLUGIN_JAR);
    command.add("io.liqojava.samples.agent.Agent");
    command.addAll(List.of(args));
    Path output = Files.createTempFile("agent", ".out");
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("agent exits").isTrue();
    String text = Files.readString(output, StandardCharsets.UTF_8);
    Files.delete(output);
    assertThat(process.exitValue()).as("exit code; output:%n%s", text).isZero();
    return text;
  }
}
