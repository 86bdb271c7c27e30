package io.liqojava.samples.agent;

import io.liqojava.core.agent.ImmutableAgentConfig;
import io.liqojava.core.agent.LiqoAgent;
import io.liqojava.core.reflection.ImmutableReflectionConfig;
import io.liqojava.core.reflection.ReflectorRegistry;
import io.liqojava.core.webhook.ImmutableWebhookSettings;
import io.liqojava.reflection.spi.ImmutableReflectionPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Renders the agent's configuration reference, {@code docs/reference/agent.md}, from its picocli
 * command line: its flags grouped by what they configure, with their defaults and the {@code
 * AgentConfig} builder method each maps to.
 */
final class AgentReference {

  /** A group of flags: its title and what it configures. */
  record Section(String title, String intro) {}

  static final Section CLUSTER =
      new Section(
          "Cluster access",
          "The cluster the agent serves. Outside the cluster, give it the cluster's kubeconfig;"
              + " in a pod, it uses its ServiceAccount (`liqo/liqo-agent`, created by `liqoctl"
              + " install`).");
  static final Section AUTHENTICATION =
      new Section(
          "Authentication service",
          "Consumers authenticate at this HTTPS service to peer with this cluster (a provider),"
              + " and get an identity for its API server. The agent publishes the service's URL in"
              + " the ConfigMap `liqo/liqo-auth-service`, where `liqoctl generate peer-command`"
              + " reads it.");
  static final Section SHARING =
      new Section(
          "Resource sharing", "What this cluster, as a provider, grants each of its consumers.");
  static final Section REFLECTION =
      new Section(
          "Reflection",
          "How the objects of offloaded namespaces (ConfigMaps, Secrets, Services, EndpointSlices,"
              + " Ingresses, Events, and the resources of reflector plugins) are kept in each"
              + " provider; see [reflection.md](../reflection.md). RESOURCE is a kind"
              + " (`ConfigMap`), or `Kind.group` where two groups share a kind: `--list-reflectors`"
              + " lists them.");
  static final Section WEBHOOKS =
      new Section(
          "Admission webhooks",
          "The webhooks steer the pods of offloaded namespaces to virtual nodes and validate"
              + " NamespaceOffloadings ([offloading.md](../offloading.md)). The agent serves them"
              + " over HTTPS and registers them with its API server (the webhook configurations"
              + " `liqo-webhooks`).");
  static final Section OTHER = new Section("Other options", "");
  static final Section HELP = new Section("Help", "");

  private static final List<Section> ORDER =
      List.of(CLUSTER, AUTHENTICATION, SHARING, REFLECTION, WEBHOOKS, OTHER, HELP);

  /** The section of each flag the Agent class declares itself; the mixins have their own. */
  private static final Map<String, Section> OWN_FLAGS =
      Map.of(
          "--kubeconfig", CLUSTER,
          "--context", CLUSTER,
          "--auth-bind-address", AUTHENTICATION,
          "--auth-port", AUTHENTICATION,
          "--auth-advertised-url", AUTHENTICATION,
          "--auth-service", AUTHENTICATION,
          "--api-server-url", AUTHENTICATION,
          "--resource-sharing-percentage", SHARING,
          "--list-reflectors", REFLECTION);

  private static final Map<Class<?>, Section> MIXINS =
      Map.of(ReflectionOptions.class, REFLECTION, WebhookOptions.class, WEBHOOKS);

  /**
   * What a flag is in Java: {@code text} for the reference, {@code method} of {@code type} for the
   * test that checks it still exists.
   */
  record JavaEquivalent(String flag, String text, Class<?> type, String method) {}

  private static final String REFLECTION_BUILDER = "`reflection(ReflectionConfig.builder()";
  private static final String WEBHOOK_BUILDER = "`webhooks(WebhookSettings.builder()";

  static final List<JavaEquivalent> JAVA =
      List.of(
          new JavaEquivalent(
              "--kubeconfig",
              "the `KubernetesClient` given to `LiqoAgent.start(client, config)`",
              LiqoAgent.class,
              "start"),
          new JavaEquivalent(
              "--context",
              "the `KubernetesClient` given to `LiqoAgent.start(client, config)`",
              LiqoAgent.class,
              "start"),
          own("--auth-bind-address", "authBindAddress", "String"),
          own("--auth-port", "authPort", "int"),
          own("--auth-advertised-url", "authAdvertisedUrl", "String"),
          own(
              "--auth-service",
              "authService",
              "new AuthServiceEndpoint.ServiceName(namespace, name)"),
          own("--api-server-url", "apiServerUrl", "String"),
          own("--resource-sharing-percentage", "resourceSharingPercentage", "int"),
          new JavaEquivalent(
              "--reflection-workers",
              REFLECTION_BUILDER + ".putWorkers(ReflectedResource, int)…)`",
              ImmutableReflectionConfig.Builder.class,
              "putWorkers"),
          new JavaEquivalent(
              "--reflection-policy",
              REFLECTION_BUILDER + ".putPolicies(ReflectedResource, ReflectionPolicy)…)`",
              ImmutableReflectionConfig.Builder.class,
              "putPolicies"),
          new JavaEquivalent(
              "--reflector",
              REFLECTION_BUILDER + ".putProviders(ReflectedResource, String)…)`",
              ImmutableReflectionConfig.Builder.class,
              "putProviders"),
          new JavaEquivalent(
              "--labels-not-reflected",
              "`ReflectionPolicy.builder().labelsNotReflected(…)`, in `defaultPolicy(…)` and"
                  + " each of `putPolicies(…)`",
              ImmutableReflectionPolicy.Builder.class,
              "labelsNotReflected"),
          new JavaEquivalent(
              "--annotations-not-reflected",
              "`ReflectionPolicy.builder().annotationsNotReflected(…)`, in `defaultPolicy(…)`"
                  + " and each of `putPolicies(…)`",
              ImmutableReflectionPolicy.Builder.class,
              "annotationsNotReflected"),
          new JavaEquivalent(
              "--list-reflectors",
              "`ReflectorRegistry.discover().providers()`",
              ReflectorRegistry.class,
              "providers"),
          own("--no-webhooks", "webhooksEnabled", "false"),
          webhook("--webhook-bind-address", "bindAddress", "String"),
          webhook("--webhook-port", "port", "int"),
          webhook("--webhook-advertised-host", "advertisedHost", "String"),
          webhook("--webhook-cert-dir", "certificateDirectory", "Path"),
          webhook(
              "--webhook-service",
              "service",
              "new WebhookEndpoint.Service(namespace, name, port)"));

  private static JavaEquivalent own(String flag, String method, String argument) {
    return new JavaEquivalent(
        flag, "`" + method + "(" + argument + ")`", ImmutableAgentConfig.Builder.class, method);
  }

  private static JavaEquivalent webhook(String flag, String method, String argument) {
    return new JavaEquivalent(
        flag,
        WEBHOOK_BUILDER + "." + method + "(" + argument + ")…)`",
        ImmutableWebhookSettings.Builder.class,
        method);
  }

  private final CommandLine agent;
  private final StringBuilder out = new StringBuilder();

  private AgentReference(CommandLine agent) {
    this.agent = agent;
    agent.setUsageHelpWidth(120);
    agent.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
  }

  /** The reference of the agent's command line {@code agent}. */
  static String render(CommandLine agent) {
    return new AgentReference(agent).render();
  }

  /** The section each option of the agent is documented in, in order. */
  static Map<Section, List<OptionSpec>> sections(CommandSpec spec) {
    Map<String, Section> mixed = new LinkedHashMap<>();
    spec.mixins()
        .values()
        .forEach(
            mixin -> {
              Section section = MIXINS.getOrDefault(mixin.userObject().getClass(), OTHER);
              mixin.options().forEach(option -> mixed.put(option.longestName(), section));
            });
    Map<Section, List<OptionSpec>> sections = new LinkedHashMap<>();
    ORDER.forEach(section -> sections.put(section, new ArrayList<>()));
    for (OptionSpec option : spec.options()) {
      if (option.hidden()) {
        continue;
      }
      Section section =
          option.usageHelp() || option.versionHelp()
              ? HELP
              : mixed.getOrDefault(
                  option.longestName(), OWN_FLAGS.getOrDefault(option.longestName(), OTHER));
      sections.get(section).add(option);
    }
    sections.values().removeIf(List::isEmpty);
    return sections;
  }

  private String render() {
    CommandSpec spec = agent.getCommandSpec();
    Map<Section, List<OptionSpec>> sections = sections(spec);
    line("# Agent configuration reference");
    line();
    line("<!-- Generated from the agent's command line by AgentReferenceTest; do not edit.");
    line("     Regenerate it with: docs/reference/generate -->");
    line();
    paragraph(
        "The liqo-java agent is the process that serves one cluster; [liqoctl.md](../liqoctl.md#the-agent)"
            + " tells how it runs and what it may do (its RBAC). This page lists its flags,"
            + " generated from the agent itself: `java -jar agent.jar --help` prints the same."
            + " Build the jar with `./mvnw -pl samples/agent -am package -DskipTests`"
            + " (`samples/agent/target/agent.jar`); reflector plugins join it on the classpath:"
            + " `java -cp agent.jar:my-plugin.jar io.liqojava.samples.agent.Agent ...`.");
    line("- [Usage](#usage)");
    line("- [From Java: AgentConfig](#from-java-agentconfig)");
    sections.keySet().forEach(s -> line("- [" + s.title() + "](#" + anchor(s.title()) + ")"));
    line("- [Examples](#examples)");
    line();

    line("## Usage");
    line();
    line("```text");
    line(agent.getHelp().synopsis(0).stripTrailing());
    line("```");
    line();
    for (String paragraph : spec.usageMessage().description()) {
      paragraph(escape(format(paragraph)));
    }

    line("## From Java: AgentConfig");
    line();
    paragraph(
        "A Java program runs the same agent with `LiqoAgent.start(client, config)` (liqo-core,"
            + " package `io.liqojava.core.agent`): the `KubernetesClient` stands for the cluster"
            + " access flags, and the `AgentConfig` builder takes the others. The last column of"
            + " each table below gives the builder method a flag maps to; a value left unset"
            + " takes the default shown.");
    line("```java");
    line(
        "KubernetesClient client = new KubernetesClientBuilder().build(); // --kubeconfig, --context");
    line("AgentConfig config =");
    line("    AgentConfig.builder()");
    line("        .authBindAddress(\"0.0.0.0\") // --auth-bind-address 0.0.0.0");
    line("        .authPort(8443) // --auth-port 8443");
    line("        .resourceSharingPercentage(30) // --resource-sharing-percentage 30");
    line("        .reflection(");
    line("            ReflectionConfig.builder()");
    line(
        "                .putWorkers(ReflectedResource.of(\"\", \"Secret\"), 0) // --reflection-workers Secret=0");
    line("                .build())");
    line("        .webhooks(WebhookSettings.builder().port(9443).build()) // --webhook-port 9443");
    line("        .build();");
    line("try (LiqoAgent agent = LiqoAgent.start(client, config)) {");
    line("  // runs until closed");
    line("}");
    line("```");
    line();

    Map<String, String> java =
        JAVA.stream()
            .collect(Collectors.toMap(JavaEquivalent::flag, JavaEquivalent::text, (a, b) -> a));
    sections.forEach(
        (section, options) -> {
          line("## " + section.title());
          line();
          if (!section.intro().isEmpty()) {
            paragraph(section.intro());
          }
          boolean help = section == HELP;
          line("| Flag | Default | Description |" + (help ? "" : " `AgentConfig` |"));
          line("|---|---|---|" + (help ? "" : "---|"));
          for (OptionSpec option : options) {
            line(
                "| "
                    + names(option)
                    + " | "
                    + (option.defaultValue() == null ? "" : "`" + cell(option.defaultValue()) + "`")
                    + " | "
                    + cell(withoutDefault(description(option), option.defaultValue()))
                    + " |"
                    + (help
                        ? ""
                        : " " + cell(java.getOrDefault(option.longestName(), "—")) + " |"));
          }
          line();
        });

    line("## Examples");
    line();
    line("```bash");
    List<String> footer = Arrays.asList(spec.usageMessage().footer());
    int examples = footer.indexOf("Examples:");
    footer.subList(examples + 1, footer.size()).forEach(l -> line(l.replaceFirst("^  ", "")));
    line("```");
    return out.toString();
  }

  /** {@code `--auth-port=PORT`}. */
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

  private static String description(OptionSpec option) {
    return escape(format(String.join(" ", option.renderedDescription())));
  }

  /** The description without "(default: VALUE)", which the Default column shows. */
  private static String withoutDefault(String description, String defaultValue) {
    return defaultValue == null
        ? description
        : description.replace(" (default: " + escape(defaultValue) + ")", "");
  }

  /** A picocli help string as printed: {@code %n} a line break (here a space), {@code %%} a %. */
  private static String format(String text) {
    return text.replace("%n", " ").replace("%%", "%").strip();
  }

  /** Text that Markdown shows as written. */
  private static String escape(String text) {
    return text.replace("\\", "\\\\")
        .replace("*", "\\*")
        .replace("~", "\\~")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  static String anchor(String heading) {
    return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
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
