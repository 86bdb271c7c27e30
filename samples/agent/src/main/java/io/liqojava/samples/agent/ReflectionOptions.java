package io.liqojava.samples.agent;

import io.liqojava.core.reflection.ImmutableReflectionConfig;
import io.liqojava.core.reflection.ReflectionConfig;
import io.liqojava.core.reflection.ReflectorRegistry;
import io.liqojava.reflection.spi.PolicyType;
import io.liqojava.reflection.spi.ReflectedResource;
import io.liqojava.reflection.spi.ReflectionPolicy;
import io.liqojava.reflection.spi.ReflectorProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The agent's reflection options: workers, policy and provider per resource, and the labels and
 * annotations never reflected. Resources are named by kind ({@code ConfigMap}) or, where two groups
 * share a kind, by {@code Kind.group}.
 */
final class ReflectionOptions {

  @Option(
      names = "--reflection-workers",
      paramLabel = "RESOURCE=N",
      description =
          "Workers reflecting RESOURCE per provider; 0 turns its reflection off. Repeatable."
              + " Default: the reflector's own, 10 for EndpointSlices and 3 for the other built-in"
              + " reflectors (--list-reflectors shows them).")
  Map<String, Integer> workers = new LinkedHashMap<>();

  @Option(
      names = "--reflection-policy",
      paramLabel = "RESOURCE=POLICY",
      description =
          "DenyList (the default: every object but those annotated"
              + " liqo.io/skip-reflection=true) or AllowList (only objects annotated"
              + " liqo.io/allow-reflection=true). Repeatable.")
  Map<String, String> policies = new LinkedHashMap<>();

  @Option(
      names = "--reflector",
      paramLabel = "RESOURCE=NAME",
      description =
          "The reflector provider to use for RESOURCE when several are on the classpath"
              + " (default: the highest priority). Repeatable.")
  Map<String, String> providers = new LinkedHashMap<>();

  @Option(
      names = "--labels-not-reflected",
      paramLabel = "KEY",
      split = ",",
      description = "Label keys never copied to reflections (comma separated).")
  List<String> labelsNotReflected = List.of();

  @Option(
      names = "--annotations-not-reflected",
      paramLabel = "KEY",
      split = ",",
      description = "Annotation keys never copied to reflections (comma separated).")
  List<String> annotationsNotReflected = List.of();

  /**
   * The reflection configuration these options describe.
   *
   * @throws IllegalArgumentException naming an unknown resource or policy and the valid ones
   */
  ReflectionConfig toConfig(ReflectorRegistry registry) {
    ImmutableReflectionConfig.Builder config = ReflectionConfig.builder();
    workers.forEach(
        (name, count) ->
            config.putWorkers(resource(registry, "--reflection-workers", name), count));
    providers.forEach(
        (name, provider) -> config.putProviders(resource(registry, "--reflector", name), provider));
    config.defaultPolicy(policy(PolicyType.DENY_LIST));
    policies.forEach(
        (name, type) ->
            config.putPolicies(
                resource(registry, "--reflection-policy", name), policy(policyType(type))));
    return config.build();
  }

  private ReflectionPolicy policy(PolicyType type) {
    return ReflectionPolicy.builder()
        .type(type)
        .labelsNotReflected(labelsNotReflected)
        .annotationsNotReflected(annotationsNotReflected)
        .build();
  }

  private static PolicyType policyType(String value) {
    return switch (value.toLowerCase()) {
      case "denylist" -> PolicyType.DENY_LIST;
      case "allowlist" -> PolicyType.ALLOW_LIST;
      default ->
          throw new IllegalArgumentException(
              "--reflection-policy: unknown policy '" + value + "'; use DenyList or AllowList");
    };
  }

  private static ReflectedResource resource(
      ReflectorRegistry registry, String option, String name) {
    Set<ReflectedResource> known =
        registry.providers().stream().map(ReflectorProvider::resource).collect(Collectors.toSet());
    List<ReflectedResource> matches =
        known.stream()
            .filter(r -> r.toString().equalsIgnoreCase(name) || r.kind().equalsIgnoreCase(name))
            .toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    Set<String> names = new TreeSet<>();
    known.forEach(r -> names.add(r.toString()));
    throw new IllegalArgumentException(
        option
            + ": "
            + (matches.isEmpty() ? "no reflector handles '" : "ambiguous resource '")
            + name
            + "'; use one of: "
            + String.join(", ", names));
  }
}
