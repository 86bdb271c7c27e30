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
import java.util.concurrent.CopyOnWriteArrayList;
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
 * <p>By default the informers belong to the caller, who starts and stops them. With {@link
 * Builder#ownInformers()} the controller starts the informers it was built to watch and closes them
 * when it closes, so a component that only feeds its own controller needs no lifecycle code of its
 * own. Either way {@link #start()} waits until they have synced, so the first reconciles see a
 * complete cache. Sources can also be {@linkplain #addSource added} while the controller runs;
 * those stay the caller's.
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
  private final boolean ownsInformers;
  private final List<Runnable> unsubscribers = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService scheduler;
  private final WorkQueue<ObjectKey> queue;
  private final Timer latency;
  private final Counter errors;
  private final Gauge queueDepth;
  private final MeterRegistry meters;
  private ExecutorService pool; // guarded by this
  private boolean started; // guarded by this
  private boolean closed; // guarded by this

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
    this.ownsInformers = builder.ownsInformers;
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
   * Subscribes to the event sources, starts the informers it {@linkplain Builder#ownInformers()
   * owns}, waits until every cache has synced, and starts the workers.
   *
   * @throws IllegalStateException when called twice or after {@link #close()}, or when an informer
   *     does not sync within two minutes (the resource's CRD is not installed, or the API server is
   *     unreachable)
   */
  public void start() {
    synchronized (this) {
      if (started || closed) {
        throw new IllegalStateException(
            "controller " + name + (closed ? " was closed" : " already started"));
      }
      started = true;
    }
    for (Source<?> source : sources) {
      subscribe(source);
    }
    if (ownsInformers) {
      for (Source<?> source : sources) {
        source.informer().start();
      }
    }
    for (Source<?> source : sources) {
      awaitSynced(source.informer());
    }
    synchronized (this) {
      if (closed) {
        return;
      }
      pool = Executors.newFixedThreadPool(workers, daemonThreads(name + "-worker"));
      for (int i = 0; i < workers; i++) {
        pool.execute(this::work);
      }
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
   * Stops the workers after their current reconcile, withdraws the metrics, unsubscribes from every
   * event source and closes the informers it {@linkplain Builder#ownInformers() owns}; the caller's
   * informers keep running. Idempotent.
   */
  @Override
  public void close() {
    ExecutorService workersToStop;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      workersToStop = pool;
    }
    meters.remove(latency);
    meters.remove(errors);
    meters.remove(queueDepth);
    queue.shutDown();
    scheduler.shutdownNow();
    if (workersToStop != null) {
      workersToStop.shutdownNow();
      try {
        workersToStop.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    unsubscribers.forEach(Runnable::run);
    if (ownsInformers) {
      for (Source<?> source : sources) {
        source.informer().close();
      }
    }
  }

  private <T extends HasMetadata> void subscribe(Source<T> source) {
    ResourceEventHandler<T> handler =
        new ResourceEventHandler<>() {
          @Override
          public void onAdd(T object) {
            if (source.relevantState().test(object)) {
              source.keys().apply(object).forEach(queue::add);
            }
          }

          @Override
          public void onUpdate(T before, T after) {
            if (source.relevantUpdate().test(before, after) && source.relevantState().test(after)) {
              source.keys().apply(after).forEach(queue::add);
            }
          }

          @Override
          public void onDelete(T object, boolean finalStateUnknown) {
            source.keys().apply(object).forEach(queue::add);
          }
        };
    source.informer().addEventHandler(handler);
    unsubscribers.add(() -> source.informer().removeEventHandler(handler));
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  private void awaitSynced(SharedIndexInformer<?> informer) {
    long deadline = System.nanoTime() + SYNC_TIMEOUT.toNanos();
    while (!informer.hasSynced() && !isClosed()) {
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
    private boolean ownsInformers;
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

    /**
     * Hands the informers given to the {@code watch} methods over to the controller: {@link
     * Controller#start()} starts them and {@link Controller#close()} closes them. By default they
     * belong to the caller.
     */
    public Builder ownInformers() {
      this.ownsInformers = true;
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
