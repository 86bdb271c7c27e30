package io.liqojava.samples.liqoctl;

import io.fabric8.kubernetes.api.model.Quantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The resources a consumer asks a provider for when peering; none means the provider's default
 * share (a percentage of its allocatable resources).
 */
final class ResourceOptions {

  private static final Pattern RESOURCE_NAME =
      Pattern.compile("([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

  @Option(names = "--cpu", paramLabel = "QUANTITY", description = "CPU to ask for, e.g. 2 or 500m.")
  String cpu;

  @Option(names = "--memory", paramLabel = "QUANTITY", description = "Memory to ask for, e.g. 4Gi.")
  String memory;

  @Option(names = "--pods", paramLabel = "COUNT", description = "Pods to ask for, e.g. 110.")
  String pods;

  @Option(
      names = "--resource",
      paramLabel = "NAME=QUANTITY",
      description = "Another resource to ask for, e.g. nvidia.com/gpu=1; repeatable.")
  List<String> others = List.of();

  /**
   * The requested resources by name.
   *
   * @throws CommandLine.ParameterException naming the flag whose value is not a quantity
   */
  Map<String, Quantity> resources(CommandLine commandLine) {
    Map<String, Quantity> resources = new LinkedHashMap<>();
    put(commandLine, resources, "--cpu", "cpu", cpu);
    put(commandLine, resources, "--memory", "memory", memory);
    put(commandLine, resources, "--pods", "pods", pods);
    for (String other : others) {
      int separator = other.indexOf('=');
      String name = separator < 0 ? "" : other.substring(0, separator);
      if (separator <= 0 || !RESOURCE_NAME.matcher(name).matches()) {
        throw new CommandLine.ParameterException(
            commandLine,
            "Invalid value for option '--resource': '"
                + other
                + "' is not NAME=QUANTITY, e.g. nvidia.com/gpu=1");
      }
      put(commandLine, resources, "--resource", name, other.substring(separator + 1));
    }
    return resources;
  }

  private static void put(
      CommandLine commandLine,
      Map<String, Quantity> resources,
      String flag,
      String name,
      String value) {
    if (value == null) {
      return;
    }
    try {
      Quantity quantity = new Quantity(value.trim());
      if (Quantity.getAmountInBytes(quantity).signum() < 0) {
        throw new IllegalArgumentException("negative");
      }
      resources.put(name, quantity);
    } catch (RuntimeException e) {
      throw new CommandLine.ParameterException(
          commandLine,
          "Invalid value for option '"
              + flag
              + "': '"
              + value
              + "' is not a Kubernetes quantity (write it like 2, 500m, 4Gi)");
    }
  }
}
