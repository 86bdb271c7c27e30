package io.liqojava.samples.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.liqojava.core.agent.AgentConfig;
import io.liqojava.core.reflection.ReflectionConfig;
import io.liqojava.core.reflection.ReflectorRegistry;
import io.liqojava.core.webhook.WebhookSettings;
import io.liqojava.reflection.spi.ReflectedResource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * docs/reference/agent.md is what the agent's command line says about itself, and what it says
 * about AgentConfig holds; {@code docs/reference/generate} rewrites it.
 */
class AgentReferenceTest {

  private static CommandSpec spec() {
    return new CommandLine(new Agent()).getCommandSpec();
  }

  @Test
  void docsReferenceAgentIsCurrent() throws Exception {
    GeneratedDocs.check(
        "docs/reference/agent.md", AgentReference.render(new CommandLine(new Agent())));
  }

  @Test
  void everyFlagIsDocumentedInASection() {
    String reference = AgentReference.render(new CommandLine(new Agent()));

    spec().options().stream()
        .filter(option -> !option.hidden())
        .forEach(option -> assertThat(reference).contains("`" + option.longestName()));
    assertThat(AgentReference.sections(spec()))
        .containsKeys(
            AgentReference.CLUSTER,
            AgentReference.AUTHENTICATION,
            AgentReference.SHARING,
            AgentReference.REFLECTION,
            AgentReference.WEBHOOKS);
  }

  @Test
  void everyJavaEquivalentNamesAnExistingFlagAndMethod() {
    for (AgentReference.JavaEquivalent java : AgentReference.JAVA) {
      assertThat(spec().findOption(java.flag())).as("flag %s", java.flag()).isNotNull();
      assertThat(Arrays.stream(java.type().getMethods()).map(Method::getName))
          .as("%s of %s (for %s)", java.method(), java.type().getName(), java.flag())
          .contains(java.method());
    }
  }

  @Test
  void theJavaExampleIsTheConfigurationOfItsFlags() {
    Agent agent = new Agent();
    new CommandLine(agent)
        .parseArgs(
            "--auth-bind-address", "0.0.0.0",
            "--auth-port", "8443",
            "--resource-sharing-percentage", "30",
            "--reflection-workers", "Secret=0",
            "--webhook-port", "9443");

    // As the reference shows it, in "From Java: AgentConfig".
    AgentConfig config =
        AgentConfig.builder()
            .authBindAddress("0.0.0.0")
            .authPort(8443)
            .resourceSharingPercentage(30)
            .reflection(
                ReflectionConfig.builder()
                    .putWorkers(ReflectedResource.of("", "Secret"), 0)
                    .build())
            .webhooks(WebhookSettings.builder().port(9443).build())
            .build();

    assertThat(agent.agentConfig(ReflectorRegistry.discover())).isEqualTo(config);
    assertThat(AgentReference.render(new CommandLine(new Agent())))
        .contains(".putWorkers(ReflectedResource.of(\"\", \"Secret\"), 0)")
        .contains(".webhooks(WebhookSettings.builder().port(9443).build())");
  }

  @Test
  void helpHasAHeaderADescriptionAndExamplesTheAgentParses() {
    CommandSpec spec = spec();
    List<String> footer = Arrays.asList(spec.usageMessage().footer());

    assertThat(spec.usageMessage().header()).hasSize(1);
    assertThat(spec.usageMessage().description()).isNotEmpty();
    assertThat(footer).contains("Examples:");
    String examples =
        String.join("\n", footer.subList(footer.indexOf("Examples:") + 1, footer.size()))
            .replace("\\\n", " ");
    for (String example : examples.lines().toList()) {
      String command = example.replaceAll("#.*", "").strip();
      List<String> words = Arrays.asList(command.split("\\s+"));
      int start =
          Math.max(words.indexOf("agent.jar"), words.indexOf("io.liqojava.samples.agent.Agent"));
      assertThat(start).as("'%s' runs the agent", command).isPositive();
      new CommandLine(new Agent())
          .parseArgs(words.subList(start + 1, words.size()).toArray(String[]::new));
    }
  }

  @Test
  void helpAndVersionPrint() {
    StringWriter help = new StringWriter();
    StringWriter version = new StringWriter();

    CommandLine helpRun = new CommandLine(new Agent());
    helpRun.setOut(new PrintWriter(help));
    CommandLine versionRun = new CommandLine(new Agent());
    versionRun.setOut(new PrintWriter(version));

    assertThat(helpRun.execute("--help")).isZero();
    assertThat(versionRun.execute("-V")).isZero();
    assertThat(help.toString())
        .startsWith("Runs the liqo-java agent of one cluster.")
        .contains("Usage: agent", "--webhook-service", "Examples:");
    assertThat(version.toString()).startsWith("liqo-java agent ");
  }
}
