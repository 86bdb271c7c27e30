package io.liqojava.samples.localclusters;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What {@code local-clusters up} runs in a directory, recorded in {@code .local-clusters/state} so
 * that {@code down} and {@code status} in the same directory find it.
 *
 * @param pid the process that owns the clusters
 * @param clusters the cluster names
 * @param ready whether every cluster accepts pods and its kubeconfig was written
 */
record RunState(long pid, List<String> clusters, boolean ready) {

  /** The directory holding the state, the clusters' data and the log of a detached run. */
  static Path home(Path directory) {
    return directory.resolve(".local-clusters");
  }

  /** The kubeconfig file of a cluster, as the Liqo tutorials name it. */
  static Path kubeconfig(Path directory, String cluster) {
    return directory.resolve("liqo_kubeconf_" + cluster);
  }

  static Optional<RunState> read(Path directory) {
    Path file = home(directory).resolve("state");
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
      return Optional.of(
          new RunState(
              Long.parseLong(properties.getProperty("pid")),
              Arrays.asList(properties.getProperty("clusters", "").split(",")),
              Boolean.parseBoolean(properties.getProperty("ready"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  void write(Path directory) {
    Properties properties = new Properties();
    properties.setProperty("pid", Long.toString(pid));
    properties.setProperty("clusters", String.join(",", clusters));
    properties.setProperty("ready", Boolean.toString(ready));
    Path file = home(directory).resolve("state");
    try {
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), "state", ".tmp");
      try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
        properties.store(writer, "local-clusters: do not edit");
      }
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the local clusters in " + file, e);
    }
  }

  static void delete(Path directory) {
    try {
      Files.deleteIfExists(home(directory).resolve("state"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the owning process still runs. */
  boolean isAlive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
