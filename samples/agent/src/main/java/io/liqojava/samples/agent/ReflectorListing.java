package io.liqojava.samples.agent;

import io.liqojava.core.reflection.ReflectionConfig;
import io.liqojava.core.reflection.ReflectorRegistry;
import io.liqojava.reflection.spi.ReflectorProvider;
import java.io.PrintWriter;
import java.security.CodeSource;
import java.util.Comparator;
import java.util.List;

/** The table {@code agent --list-reflectors} prints: every provider and whether it is used. */
final class ReflectorListing {

  private final ReflectorRegistry registry;
  private final ReflectionConfig config;

  ReflectorListing(ReflectorRegistry registry, ReflectionConfig config) {
    this.registry = registry;
    this.config = config;
  }

  void print(PrintWriter out) {
    List<ReflectorProvider> selected = registry.select(config);
    String format = "%-32s %-16s %8s %7s  %-8s %s%n";
    out.printf(format, "RESOURCE", "PROVIDER", "PRIORITY", "WORKERS", "USED", "FROM");
    registry.providers().stream()
        .sorted(
            Comparator.comparing((ReflectorProvider p) -> p.resource().toString())
                .thenComparing(ReflectorProvider::name))
        .forEach(
            provider -> {
              int workers = config.workersOf(provider);
              String used = !selected.contains(provider) ? "no" : workers == 0 ? "off" : "yes";
              out.printf(
                  format,
                  provider.resource(),
                  provider.name(),
                  provider.priority(),
                  workers,
                  used,
                  origin(provider));
            });
    out.flush();
  }

  private static String origin(ReflectorProvider provider) {
    CodeSource source = provider.getClass().getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return "?";
    }
    String path = source.getLocation().getPath();
    return path.substring(path.lastIndexOf('/', path.length() - 2) + 1);
  }
}
