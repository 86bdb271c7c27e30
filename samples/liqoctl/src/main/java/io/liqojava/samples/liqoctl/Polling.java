package io.liqojava.samples.liqoctl;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Reads an object until a condition holds or time runs out, printing each new progress line. */
final class Polling {

  static final Duration INTERVAL = Duration.ofMillis(250);

  private Polling() {}

  /**
   * Reads with {@code read} until {@code done} holds or {@code timeout} passes; prints {@code
   * progress} of each read when it differs from the previous line.
   *
   * @return the last value read (null values are passed on as they are)
   */
  static <T> T until(
      Supplier<T> read,
      Predicate<T> done,
      Function<T, String> progress,
      Duration timeout,
      Consumer<String> say) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = null;
    while (true) {
      T value = read.get();
      String line = progress.apply(value);
      if (!Objects.equals(line, last)) {
        say.accept(line);
        last = line;
      }
      if (done.test(value) || System.nanoTime() - deadline >= 0) {
        return value;
      }
      try {
        Thread.sleep(INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CliException("interrupted while waiting", e);
      }
    }
  }
}
