package io.liqojava.testing.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;

/**
 * Waits for a component to become healthy, failing fast with its log when the process dies, and
 * with a clear message when the deadline passes.
 */
public final class HealthProbe {

  private static final Duration POLL = Duration.ofMillis(100);

  private final HttpClient http;

  /** A probe whose HTTPS checks trust the given TLS context (the cluster CA). */
  public HealthProbe(SSLContext tls) {
    this.http =
        HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(1)).build();
  }

  /** Whether {@code GET url} answers 200 with a body containing {@code expected}. */
  public boolean answers(String url, String expected) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains(expected);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Polls {@code check} until it holds.
   *
   * @throws IllegalStateException when {@code process} exits first (with the end of its log) or the
   *     timeout passes
   */
  public static void await(
      String what, ComponentProcess process, Duration timeout, BooleanSupplier check) {
    Instant deadline = Instant.now().plus(timeout);
    while (!check.getAsBoolean()) {
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException(
            process.name()
                + " exited with code "
                + process.exitCode()
                + " while waiting for "
                + what
                + "; the end of "
                + process.logFile()
                + ":\n"
                + process.logTail(25));
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            "timed out after "
                + timeout.toSeconds()
                + "s waiting for "
                + what
                + (process == null ? "" : "; see " + process.logFile()));
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
  }
}
