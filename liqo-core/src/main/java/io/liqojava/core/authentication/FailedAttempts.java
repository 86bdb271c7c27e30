package io.liqojava.core.authentication;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * Counts failed authentications per client address in fixed windows: once an address has failed
 * {@code max} times in a window, every request from it is refused until the window ends, even with
 * a valid token. Memory is bounded: at most {@value #MAX_ADDRESSES} addresses are tracked, each
 * forgotten a window after its last failure.
 */
final class FailedAttempts {

  private static final int MAX_ADDRESSES = 10_000;

  private final int max;
  private final long windowNanos;
  private final Ticker ticker;
  private final Cache<InetAddress, Window> windows;

  FailedAttempts(int max, Duration window) {
    this(max, window, Ticker.systemTicker());
  }

  FailedAttempts(int max, Duration window, Ticker ticker) {
    this.max = max;
    this.windowNanos = window.toNanos();
    this.ticker = ticker;
    this.windows =
        Caffeine.newBuilder()
            .maximumSize(MAX_ADDRESSES)
            .expireAfterWrite(window)
            .ticker(ticker)
            .build();
  }

  /** When {@code address} is blocked: how long until it may try again. */
  Optional<Duration> blockedFor(InetAddress address) {
    Window window = windows.getIfPresent(address);
    long now = ticker.read();
    if (window == null || window.failures < max || now - window.start >= windowNanos) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos(window.start + windowNanos - now));
  }

  /** Counts one failed attempt from {@code address}. */
  void recordFailure(InetAddress address) {
    long now = ticker.read();
    windows
        .asMap()
        .compute(
            address,
            (k, window) ->
                window == null || now - window.start >= windowNanos
                    ? new Window(now, 1)
                    : new Window(window.start, window.failures + 1));
  }

  private record Window(long start, int failures) {}
}
