package io.liqojava.core.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Reconciler} for the keys that its event sources (informers) map their events to: a
 * de-duplicating work queue, a fixed pool of workers, at most one reconcile in flight per key,
 * retries with exponential backoff, and requeues the reconciler asks for.
 *
 * <pre>{@code
 * Controller controller = Controller.builder("foreign-clusters", reconciler)
 *     .watch(foreignClusters)                                   // the object's own key
 *     .watch(secrets, secret -> keysOfOwners(secret))           // related objects
 *     .workers(2)
 *     .build();
 * controller.start();
 * }</pre>
 *
 * <p>The informers belong to the caller, who starts and stops them; {@link #start()} waits until
 * they have synced, so the first reconciles see a complete cache. Sources can also be {@linkplain
 * #addSource added} while the controller runs.
 *
 * <p>With {@link Builder#metrics}, a controller publishes {@code <prefix>.queue.depth} (keys
 * waiting), {@code <prefix>.latency} (from a key's first queued event to the end of its successful
 * reconcile) and {@code <prefix>.errors} (failed reconciles).
 */
public final class Controller implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Controller.class);
  private static final Duration SYNC_TIMEOUT = Duration.ofMinutes(2);

  private final String name;
  private final Reconciler reconciler;
  private final int workers;
  private final List<Source<?>> sources;
  private final ScheduledExecutorService scheduler;
  private final WorkQueue<ObjectKey> queue;
  private final Timer latency;
  private final Counter errors;
  private final Gauge queueDepth;
  private final MeterRegistry meters;
  private ExecutorService pool;

  private record Source<T extends HasMetadata>(
      SharedIndexInformer<T> informer,
      Function<T, Collection<ObjectKey>> keys,
      BiPredicate<T, T> relevantUpdate,
      Predicate<T> relevantState) {

    Source(
        SharedIndexInformer<T> informer,
        Function<T, Collection<ObjectKey>> keys,
        BiPredicate<T, T> relevantUpdate) {
      this(informer, keys, relevantUpdate, object -> true);
    }
  }

  private Controller(Builder builder) {
    this.name = builder.name;
    this.reconciler = builder.reconciler;
    this.workers = builder.workers;
    this.sources = List.copyOf(builder.sources);
    this.scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads(name + "-delays"));
    this.queue = new WorkQueue<>(scheduler, builder.baseRetryDelay, builder.maxRetryDelay);
    this.meters = builder.meters;
    String prefix = builder.metricPrefix;
    this.latency = meters.timer(prefix + ".latency", builder.tags);
    this.errors = meters.counter(prefix + ".errors", builder.tags);
    this.queueDepth =
        Gauge.builder(prefix + ".queue.depth", queue, WorkQueue::depth)
            .tags(builder.tags)
            .register(meters);
  }

  /** Starts building a controller named {@code name} (used in logs and thread names). */
  public static Builder builder(String name, Reconciler reconciler) {
    return new Builder(name, reconciler);
  }

  /**
   * Subscribes to the event sources, waits until their caches have synced, and starts the workers.
   *
   * @throws IllegalStateException when an informer does not sync within two minutes
   */
  public void start() {
    for (Source<?> source : sources) {
      subscribe(source);
    }
    for (Source<?> source : sources) {
      awaitSynced(source.informer());
    }
    pool = Executors.newFixedThreadPool(workers, daemonThreads(name + "-worker"));
    for (int i = 0; i < workers; i++) {
      pool.execute(this::work);
    }
    LOG.debug("controller {} started with {} worker(s)", name, workers);
  }

  /**
   * Adds an event source to a controller that may already run: for informers created while it runs.
   * The caller starts the informer after this call (so no event is missed) and stops it to end the
   * subscription.
   */
  public <T extends HasMetadata> void addSource(
      SharedIndexInformer<T> informer, Function<T, Collection<ObjectKey>> keys) {
    addSource(informer, keys, object -> true);
  }

  /**
   * Adds an event source as {@link #addSource(SharedIndexInformer, Function)} does, ignoring the
   * additions and updates that leave an object in a state {@code relevant} rejects (for example the
   * echo of the controller's own write); deletions always count.
   */
  public <T extends HasMetadata> void addSource(
      SharedIndexInformer<T> informer,
      Function<T, Collection<ObjectKey>> keys,
      Predicate<T> relevant) {
    subscribe(new Source<>(informer, keys, (before, after) -> true, relevant));
  }

  /** Queues a reconcile of {@code key}, as an event of a source would. */
  public void enqueue(ObjectKey key) {
    queue.add(key);
  }

  /** Queues a reconcile of {@code key} after {@code delay}. */
  public void enqueueAfter(ObjectKey key, Duration delay) {
    queue.addAfter(key, delay);
  }

  /** How many keys wait to be reconciled. */
  public int queueDepth() {
    return queue.depth();
  }

  /**
   * Stops the workers after their current reconcile and withdraws the metrics; the informers keep
   * running.
   */
  @Override
  public void close() {
    meters.remove(latency);
    meters.remove(errors);
    meters.remove(queueDepth);
    queue.shutDown();
    scheduler.shutdownNow();
    if (pool != null) {
      pool.shutdownNow();
      try {
        pool.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private <T extends HasMetadata> void subscribe(Source<T> source) {
    source
        .informer()
        .addEventHandler(
            new ResourceEventHandler<>() {
              @Override
              public void onAdd(T object) {
                if (source.relevantState().test(object)) {
                  source.keys().apply(object).forEach(queue::add);
                }
              }

              @Override
              public void onUpdate(T before, T after) {
                if (source.relevantUpdate().test(before, after)
                    && source.relevantState().test(after)) {
                  source.keys().apply(after).forEach(queue::add);
                }
              }

              @Override
              public void onDelete(T object, boolean finalStateUnknown) {
                source.keys().apply(object).forEach(queue::add);
              }
            });
  }

  private void awaitSynced(SharedIndexInformer<?> informer) {
    long deadline = System.nanoTime() + SYNC_TIMEOUT.toNanos();
    while (!informer.hasSynced()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "controller "
                + name
                + ": an informer did not sync within "
                + SYNC_TIMEOUT.toSeconds()
                + "s; is the API server reachable and the resource served?");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting controller " + name, e);
      }
    }
  }

  private void work() {
    while (!Thread.currentThread().isInterrupted()) {
      ObjectKey key;
      try {
        key = queue.take().orElse(null);
      } catch (InterruptedException e) {
        return;
      }
      if (key == null) {
        return;
      }
      try {
        Result result = reconciler.reconcile(key);
        queue.forget(key);
        latency.record(System.nanoTime() - queue.queuedAt(key), TimeUnit.NANOSECONDS);
        result.requeueAfter().ifPresent(delay -> queue.addAfter(key, delay));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (Exception e) {
        errors.increment();
        int failures = queue.failures(key) + 1;
        if (failures <= 3) {
          LOG.debug("controller {}: reconcile of {} failed, retrying: {}", name, key, e.toString());
        } else {
          LOG.warn(
              "controller {}: reconcile of {} failed {} times, retrying: {}",
              name,
              key,
              failures,
              e.toString());
        }
        queue.addWithBackoff(key);
      } finally {
        queue.done(key);
      }
    }
  }

  /** Whether an update touched more than the status: spec (generation) or metadata we act on. */
  public static boolean changedBeyondStatus(HasMetadata before, HasMetadata after) {
    var a = before.getMetadata();
    var b = after.getMetadata();
    return !Objects.equals(a.getGeneration(), b.getGeneration())
        || !Objects.equals(a.getLabels(), b.getLabels())
        || !Objects.equals(a.getAnnotations(), b.getAnnotations())
        || !Objects.equals(a.getFinalizers(), b.getFinalizers())
        || !Objects.equals(a.getDeletionTimestamp(), b.getDeletionTimestamp());
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Configures a {@link Controller}. */
  public static final class Builder {

    private final String name;
    private final Reconciler reconciler;
    private final List<Source<?>> sources = new ArrayList<>();
    private int workers = 1;
    private Duration baseRetryDelay = Duration.ofMillis(200);
    private Duration maxRetryDelay = Duration.ofMinutes(2);
    private MeterRegistry meters = new SimpleMeterRegistry();
    private String metricPrefix = "liqo.controller";
    private Tags tags = Tags.empty();

    private Builder(String name, Reconciler reconciler) {
      this.name = Objects.requireNonNull(name, "name");
      this.reconciler = Objects.requireNonNull(reconciler, "reconciler");
    }

    /** Reconciles the key of every object the informer sees change. */
    public <T extends HasMetadata> Builder watch(SharedIndexInformer<T> informer) {
      return watch(informer, object -> Set.of(ObjectKey.of(object)));
    }

    /** Reconciles the keys that {@code keys} maps each changed object to. */
    public <T extends HasMetadata> Builder watch(
        SharedIndexInformer<T> informer, Function<T, Collection<ObjectKey>> keys) {
      sources.add(new Source<>(informer, keys, (before, after) -> true));
      return this;
    }

    /**
     * Reconciles the key of every object the informer sees created, deleted, or changed in anything
     * but its status: for a controller that writes the status of the objects it reconciles, and
     * must not reconcile again because of its own writes.
     */
    public <T extends HasMetadata> Builder watchIgnoringStatus(SharedIndexInformer<T> informer) {
      return watchWhen(informer, Controller::changedBeyondStatus);
    }

    /**
     * Reconciles the key of every object the informer sees created or deleted, and of those whose
     * update {@code relevant} accepts (given the object before and after).
     */
    public <T extends HasMetadata> Builder watchWhen(
        SharedIndexInformer<T> informer, BiPredicate<T, T> relevant) {
      sources.add(new Source<>(informer, object -> Set.of(ObjectKey.of(object)), relevant));
      return this;
    }

    /** How many keys are reconciled in parallel; default 1. */
    public Builder workers(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException(
            "a controller needs at least one worker, got " + workers);
      }
      this.workers = workers;
      return this;
    }

    /** The first and the longest retry delay after failures; default 200 ms and 2 minutes. */
    public Builder retryDelays(Duration base, Duration max) {
      this.baseRetryDelay = base;
      this.maxRetryDelay = max;
      return this;
    }

    /**
     * Publishes the controller's queue depth, latency and errors to {@code meters} as {@code
     * <prefix>.queue.depth}, {@code <prefix>.latency} and {@code <prefix>.errors}, with {@code
     * tags}; by default they go nowhere.
     */
    public Builder metrics(MeterRegistry meters, String prefix, Tags tags) {
      this.meters = Objects.requireNonNull(meters, "meters");
      this.metricPrefix = Objects.requireNonNull(prefix, "prefix");
      this.tags = Objects.requireNonNull(tags, "tags");
      return this;
    }

    /** Builds the controller; call {@link Controller#start()} to run it. */
    public Controller build() {
      return new Controller(this);
    }
  }
}
