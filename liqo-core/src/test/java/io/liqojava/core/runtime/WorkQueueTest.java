package io.liqojava.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  private final WorkQueue<String> queue =
      new WorkQueue<>(scheduler, Duration.ofMillis(10), Duration.ofMillis(80));

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void aKeyAddedTwiceWhileWaitingIsHandedOutOnce() throws Exception {
    queue.add("a");
    queue.add("a");
    queue.add("b");

    assertThat(queue.depth()).isEqualTo(2);
    assertThat(queue.take()).contains("a");
    assertThat(queue.take()).contains("b");
  }

  @Test
  void aKeyAddedWhileProcessedWaitsUntilItsProcessingEnds() throws Exception {
    queue.add("a");
    String taken = queue.take().orElseThrow();

    queue.add("a");
    assertThat(queue.depth()).as("not handed to a second worker while in flight").isZero();

    queue.done(taken);
    assertThat(queue.depth()).isEqualTo(1);
    assertThat(queue.take()).contains("a");
  }

  @Test
  void backoffGrowsPerKeyUntilForgotten() throws Exception {
    queue.addWithBackoff("a");
    queue.addWithBackoff("a");
    assertThat(queue.failures("a")).isEqualTo(2);

    queue.forget("a");
    assertThat(queue.failures("a")).isZero();
    assertThat(queue.take()).contains("a");
  }

  @Test
  void repeatedDelayedAddsOfAKeyCollapseIntoTheEarliest() throws Exception {
    queue.addAfter("a", Duration.ofMillis(50));
    queue.addAfter("a", Duration.ofMillis(20));
    queue.addAfter("a", Duration.ofMillis(60));

    assertThat(queue.take()).contains("a");
    queue.done("a");
    Thread.sleep(150);
    assertThat(queue.depth()).as("the later delayed adds were superseded").isZero();
  }

  @Test
  void shutDownReleasesWaitingTakers() throws Exception {
    Thread taker =
        new Thread(
            () -> {
              try {
                assertThat(queue.take()).isEqualTo(Optional.empty());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    taker.start();
    queue.shutDown();
    taker.join(2000);
    assertThat(taker.isAlive()).isFalse();
  }
}
