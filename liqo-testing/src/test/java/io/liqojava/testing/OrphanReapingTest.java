package io.liqojava.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processes recorded by a JVM that died (SIGKILL runs no shutdown hook) are stopped by the next
 * test bed; those of a live JVM are not.
 */
class OrphanReapingTest {

  @TempDir Path workDirectory;

  @Test
  void stopsProcessesWhoseJvmIsGoneAndSparesTheOthers() throws Exception {
    Process deadOwner = new ProcessBuilder("true").start();
    deadOwner.waitFor(10, TimeUnit.SECONDS);
    Process orphan = new ProcessBuilder("sleep", "300").start();
    Process adopted = new ProcessBuilder("sleep", "300").start();
    try {
      record(workDirectory.resolve("run-1/a/logs/etcd.log.pid"), deadOwner.pid(), orphan);
      record(
          workDirectory.resolve("run-2/b/logs/etcd.log.pid"),
          ProcessHandle.current().pid(),
          adopted);

      int stopped = TestBed.stopOrphans(workDirectory);

      assertThat(stopped).isEqualTo(1);
      assertThat(orphan.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(adopted.isAlive()).isTrue();
      assertThat(workDirectory.resolve("run-1/a/logs/etcd.log.pid")).doesNotExist();
    } finally {
      orphan.destroyForcibly();
      adopted.destroyForcibly();
    }
  }

  private static void record(Path pidFile, long owner, Process process) throws Exception {
    Files.createDirectories(pidFile.getParent());
    String executable = process.info().command().orElseThrow();
    Files.writeString(pidFile, owner + " " + process.pid() + " " + executable + "\n");
  }
}
