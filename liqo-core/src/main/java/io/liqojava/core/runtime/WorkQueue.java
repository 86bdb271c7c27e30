package io.liqojava.core.runtime;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A de-duplicating queue of keys with one processing slot per key, the semantics of client-go's
 * work queue: a key added while it waits is queued once; a key added while it is processed is
 * queued again only when its processing ends, so no two workers ever hold the same key. Delayed
 * adds and per-key exponential backoff for retries are scheduled on a shared executor.
 *
 * @param <K> the key type
 */
final class WorkQueue<K> {

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition available = lock.newCondition();
  private final ArrayDeque<K> queue = new ArrayDeque<>();
  private final Set<K> dirty = new HashSet<>();
  private final Set<K> processing = new HashSet<>();
  private final Map<K, Integer> failures = new HashMap<>();
  private final Map<K, Long> waitingUntil = new HashMap<>();
  private final Map<K, Long> queuedAt = new HashMap<>();
  private final Map<K, Long> processedKeyQueuedAt = new HashMap<>();
  private final ScheduledExecutorService scheduler;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private boolean shutDown;

  WorkQueue(ScheduledExecutorService scheduler, Duration baseDelay, Duration maxDelay) {
    this.scheduler = scheduler;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
  }

  /** Queues {@code key} unless it is already waiting. */
  void add(K key) {
    lock.lock();
    try {
      if (shutDown || !dirty.add(key)) {
        return;
      }
      queuedAt.put(key, System.nanoTime());
      if (!processing.contains(key)) {
        queue.addLast(key);
        available.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Queues {@code key} after {@code delay}. A key waits for one delayed add at a time, the
   * earliest: repeated requeues of the same key do not pile up.
   */
  void addAfter(K key, Duration delay) {
    if (delay.isZero() || delay.isNegative()) {
      add(key);
      return;
    }
    long deadline = System.nanoTime() + delay.toNanos();
    lock.lock();
    try {
      Long earlier = waitingUntil.get(key);
      if (shutDown || (earlier != null && earlier - deadline <= 0)) {
        return;
      }
      waitingUntil.put(key, deadline);
    } finally {
      lock.unlock();
    }
    scheduler.schedule(() -> addWhenDue(key, deadline), delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void addWhenDue(K key, long deadline) {
    lock.lock();
    try {
      Long due = waitingUntil.get(key);
      if (due == null || due != deadline) {
        return; // superseded by an earlier delayed add
      }
      waitingUntil.remove(key);
    } finally {
      lock.unlock();
    }
    add(key);
  }

  /** Queues {@code key} after its next backoff delay: base, twice the base, ... up to the max. */
  void addWithBackoff(K key) {
    int attempts;
    lock.lock();
    try {
      attempts = failures.merge(key, 1, Integer::sum);
    } finally {
      lock.unlock();
    }
    addAfter(key, backoff(attempts));
  }

  /** Forgets the failures of {@code key}: its next backoff starts again from the base delay. */
  void forget(K key) {
    lock.lock();
    try {
      failures.remove(key);
    } finally {
      lock.unlock();
    }
  }

  /** How many times in a row {@code key} failed. */
  int failures(K key) {
    lock.lock();
    try {
      return failures.getOrDefault(key, 0);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Takes the next key, waiting for one; marks it as being processed until {@link #done}.
   *
   * @return the key, or empty once the queue is shut down
   */
  Optional<K> take() throws InterruptedException {
    lock.lock();
    try {
      while (queue.isEmpty() && !shutDown) {
        available.await();
      }
      if (shutDown) {
        return Optional.empty();
      }
      K key = queue.pollFirst();
      processing.add(key);
      dirty.remove(key);
      processedKeyQueuedAt.put(key, queuedAt.remove(key));
      return Optional.of(key);
    } finally {
      lock.unlock();
    }
  }

  /** Ends the processing of {@code key}; queues it again if it was added meanwhile. */
  void done(K key) {
    lock.lock();
    try {
      processing.remove(key);
      processedKeyQueuedAt.remove(key);
      if (dirty.contains(key)) {
        queue.addLast(key);
        available.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * When the key being processed was queued ({@link System#nanoTime()}): the start of the wait that
   * its processing ends.
   */
  long queuedAt(K key) {
    lock.lock();
    try {
      Long nanos = processedKeyQueuedAt.get(key);
      return nanos == null ? System.nanoTime() : nanos;
    } finally {
      lock.unlock();
    }
  }

  /** How many keys wait to be processed. */
  int depth() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /** Stops handing out keys; waiting takers return empty. */
  void shutDown() {
    lock.lock();
    try {
      shutDown = true;
      available.signalAll();
    } finally {
      lock.unlock();
    }
  }

  boolean isShutDown() {
    lock.lock();
    try {
      return shutDown;
    } finally {
      lock.unlock();
    }
  }

  private Duration backoff(int attempts) {
    long factor = 1L << Math.min(attempts - 1, 30);
    long millis = baseDelay.toMillis() * factor;
    return millis <= 0 || millis > maxDelay.toMillis() ? maxDelay : Duration.ofMillis(millis);
  }
}
