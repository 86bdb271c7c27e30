package io.liqojava.testing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure no control-plane process outlives the JVM that started it.
 *
 * <p>Live processes are stopped by a shutdown hook. Because a JVM killed with SIGKILL runs no hook,
 * every process also has a pid file ({@code <component>.log.pid}: owner JVM pid, process pid,
 * executable); {@link #reapOrphans(Path)} kills the processes whose owner JVM is gone.
 */
public final class ProcessJanitor {

  private static final Logger LOG = LoggerFactory.getLogger(ProcessJanitor.class);
  private static final Set<ComponentProcess> LIVE = ConcurrentHashMap.newKeySet();
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> List.copyOf(LIVE).parallelStream().forEach(p -> p.stop(SHUTDOWN_GRACE)),
                "liqo-testing-janitor"));
  }

  private ProcessJanitor() {}

  static void register(ComponentProcess process) {
    LIVE.add(process);
    String record =
        ProcessHandle.current().pid() + " " + process.pid() + " " + process.command().get(0) + "\n";
    try {
      Files.writeString(process.pidFile(), record, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the pid of " + process, e);
    }
  }

  static void unregister(ComponentProcess process) {
    LIVE.remove(process);
    try {
      Files.deleteIfExists(process.pidFile());
    } catch (IOException e) {
      LOG.debug("cannot delete {}", process.pidFile(), e);
    }
  }

  /**
   * Kills the processes recorded under {@code root} whose owning JVM no longer runs, and deletes
   * their pid files. Processes of live JVMs (other test runs, a running {@code local-clusters}) are
   * left alone.
   *
   * @return how many orphans were killed
   */
  public static int reapOrphans(Path root) {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    int killed = 0;
    try (Stream<Path> files = Files.walk(root)) {
      for (Path pidFile : files.filter(p -> p.toString().endsWith(".log.pid")).toList()) {
        killed += reap(pidFile) ? 1 : 0;
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("cannot scan {} for orphaned control-plane processes: {}", root, e.toString());
    }
    return killed;
  }

  private static boolean reap(Path pidFile) throws IOException {
    String[] record = Files.readString(pidFile, StandardCharsets.UTF_8).trim().split(" ", 3);
    if (record.length != 3) {
      Files.deleteIfExists(pidFile);
      return false;
    }
    long owner = Long.parseLong(record[0]);
    if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
      return false;
    }
    Optional<ProcessHandle> orphan =
        ProcessHandle.of(Long.parseLong(record[1]))
            .filter(ProcessHandle::isAlive)
            .filter(h -> h.info().command().map(c -> c.equals(record[2])).orElse(false));
    Files.deleteIfExists(pidFile);
    if (orphan.isEmpty()) {
      return false;
    }
    LOG.info("killing orphaned {} (pid {}) left by a JVM that died", record[2], record[1]);
    orphan.get().destroyForcibly();
    orphan.get().onExit().join();
    return true;
  }
}
