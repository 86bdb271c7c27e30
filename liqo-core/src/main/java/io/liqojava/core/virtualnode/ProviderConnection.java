package io.liqojava.core.virtualnode;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.liqojava.core.runtime.ObjectKey;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The link of one virtual node to its provider: a client built from the provider kubeconfig, a
 * periodic health check of the provider's API server ({@code GET /readyz}, asynchronous, so the
 * shared timer threads never wait on the network), and the periodic lease renewal, which runs only
 * while the provider is healthy.
 *
 * <p>The provider turns {@link Health#UNHEALTHY} after {@code failureThreshold} failed checks in a
 * row and {@link Health#HEALTHY} on the first success; each change is reported to {@code onChange}.
 */
final class ProviderConnection implements AutoCloseable {

  /** What the health checks concluded. */
  enum Health {
    /** No check has concluded yet. */
    UNKNOWN,
    /** The last check succeeded. */
    HEALTHY,
    /** The last {@code failureThreshold} checks failed. */
    UNHEALTHY
  }

  private static final Logger LOG = LoggerFactory.getLogger(ProviderConnection.class);

  private final ObjectKey virtualNode;
  private final String clusterId;
  private final String fingerprint;
  private final KubernetesClient remote;
  private final String apiServerUrl;
  private final VirtualNodesConfig config;
  private final ScheduledExecutorService timers;
  private final Runnable onChange;
  private final Runnable renewLease;
  private final AtomicBoolean probing = new AtomicBoolean();
  private volatile Health health = Health.UNKNOWN;
  private volatile String failure;
  private volatile String kubernetesVersion;
  private volatile boolean closed;
  private int consecutiveFailures;
  private ScheduledFuture<?> healthChecks;
  private ScheduledFuture<?> leaseRenewals;
  private ScheduledFuture<?> resyncs;

  /**
   * @param kubeconfig the provider kubeconfig; never logged
   * @param fingerprint identifies {@code kubeconfig}, to notice when it changes
   * @param onChange called when the health changes, and every {@code resyncInterval}
   * @param renewLease renews the node's lease; called while the provider is healthy
   */
  ProviderConnection(
      ObjectKey virtualNode,
      String clusterId,
      String kubeconfig,
      String fingerprint,
      VirtualNodesConfig config,
      ScheduledExecutorService timers,
      Runnable onChange,
      Runnable renewLease) {
    this.virtualNode = virtualNode;
    this.clusterId = clusterId;
    this.fingerprint = fingerprint;
    this.config = config;
    this.timers = timers;
    this.onChange = onChange;
    this.renewLease = renewLease;
    Config clientConfig = Config.fromKubeconfig(kubeconfig);
    int timeout = (int) config.healthCheckTimeout().toMillis();
    clientConfig.setRequestRetryBackoffLimit(0);
    clientConfig.setConnectionTimeout(timeout);
    clientConfig.setRequestTimeout(timeout);
    String master = clientConfig.getMasterUrl();
    if (master == null || master.isBlank()) {
      throw new IllegalArgumentException("the kubeconfig names no API server");
    }
    this.apiServerUrl = master.endsWith("/") ? master.substring(0, master.length() - 1) : master;
    this.remote = new KubernetesClientBuilder().withConfig(clientConfig).build();
  }

  /** Starts the health checks (the first one at once), the lease renewals and the resyncs. */
  synchronized void start() {
    long interval = config.healthCheckInterval().toMillis();
    healthChecks = timers.scheduleWithFixedDelay(this::check, 0, interval, TimeUnit.MILLISECONDS);
    long resync = config.resyncInterval().toMillis();
    resyncs = timers.scheduleWithFixedDelay(onChange, resync, resync, TimeUnit.MILLISECONDS);
    long renewal = config.leaseRenewInterval().toMillis();
    leaseRenewals =
        timers.scheduleWithFixedDelay(
            this::renewIfHealthy, renewal, renewal, TimeUnit.MILLISECONDS);
  }

  /** The provider's cluster ID, as in the VirtualNode spec. */
  String clusterId() {
    return clusterId;
  }

  /** Identifies the kubeconfig this connection was built from. */
  String fingerprint() {
    return fingerprint;
  }

  /** The provider API server URL, without a trailing slash. */
  String apiServerUrl() {
    return apiServerUrl;
  }

  /** The client to the provider, with the identity of the kubeconfig. */
  KubernetesClient remote() {
    return remote;
  }

  /** What the health checks concluded. */
  Health health() {
    return health;
  }

  /** Why the provider is unhealthy, fixed when it turned so; null while it is not. */
  String failure() {
    return failure;
  }

  /** The provider's Kubernetes version, such as {@code v1.20.2}, once a check has read it. */
  String kubernetesVersion() {
    return kubernetesVersion;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (healthChecks != null) {
      healthChecks.cancel(false);
    }
    if (leaseRenewals != null) {
      leaseRenewals.cancel(false);
    }
    if (resyncs != null) {
      resyncs.cancel(false);
    }
    remote.close();
  }

  private void renewIfHealthy() {
    if (!closed && health == Health.HEALTHY) {
      try {
        renewLease.run();
      } catch (RuntimeException e) {
        LOG.warn("virtual node {}: cannot renew its lease: {}", virtualNode, e.toString());
      }
    }
  }

  private void check() {
    if (closed || !probing.compareAndSet(false, true)) {
      return; // the previous check is still waiting for an answer
    }
    CompletableFuture<?> probe;
    try {
      probe =
          get("readyz")
              .thenCompose(
                  ready ->
                      kubernetesVersion == null
                          ? readVersion()
                          : CompletableFuture.completedFuture(null));
    } catch (RuntimeException e) {
      probe = CompletableFuture.failedFuture(e);
    }
    probe
        .orTimeout(config.healthCheckTimeout().toMillis() * 2, TimeUnit.MILLISECONDS)
        .whenComplete(
            (ignored, error) -> {
              probing.set(false);
              record(error);
            });
  }

  private CompletableFuture<Void> readVersion() {
    return get("version")
        .handle(
            (body, error) -> {
              if (error == null) {
                Object version =
                    remote
                        .getKubernetesSerialization()
                        .unmarshal(body, Map.class)
                        .get("gitVersion");
                if (version instanceof String text && !text.isBlank()) {
                  kubernetesVersion = text;
                }
              } else {
                LOG.debug(
                    "virtual node {}: cannot read the provider version: {}",
                    virtualNode,
                    error.toString());
              }
              return null;
            });
  }

  private CompletableFuture<String> get(String path) {
    HttpClient http = remote.getHttpClient();
    String url = apiServerUrl + "/" + path;
    HttpRequest request =
        http.newHttpRequestBuilder()
            .uri(URI.create(url))
            .timeout(config.healthCheckTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .build();
    return http.sendAsync(request, String.class)
        .thenApply(
            response -> {
              if (!response.isSuccessful()) {
                throw new CompletionException(
                    new IOException(
                        "GET " + url + " answered HTTP " + response.code() + summary(response)));
              }
              return response.body();
            });
  }

  private static String summary(HttpResponse<String> response) {
    String body = response.body();
    if (body == null || body.isBlank()) {
      return "";
    }
    String line = body.strip().lines().findFirst().orElse("");
    return ": " + (line.length() > 200 ? line.substring(0, 200) + "..." : line);
  }

  private void record(Throwable error) {
    Health before;
    Health after;
    synchronized (this) {
      if (closed) {
        return;
      }
      before = health;
      if (error == null) {
        consecutiveFailures = 0;
        failure = null;
        health = Health.HEALTHY;
      } else {
        consecutiveFailures++;
        LOG.debug(
            "virtual node {}: health check {} of {} failed: {}",
            virtualNode,
            consecutiveFailures,
            apiServerUrl,
            describe(error));
        if (consecutiveFailures >= config.failureThreshold() && health != Health.UNHEALTHY) {
          health = Health.UNHEALTHY;
          failure =
              "the API server of provider cluster "
                  + clusterId
                  + " at "
                  + apiServerUrl
                  + " failed "
                  + consecutiveFailures
                  + " health checks in a row (GET /readyz): "
                  + describe(error);
        }
      }
      after = health;
    }
    if (before != after) {
      if (after == Health.HEALTHY) {
        LOG.info(
            "virtual node {}: the API server of provider {} at {} is ready",
            virtualNode,
            clusterId,
            apiServerUrl);
        try {
          timers.execute(this::renewIfHealthy);
        } catch (RejectedExecutionException e) {
          return; // shutting down
        }
      } else if (after == Health.UNHEALTHY) {
        LOG.warn("virtual node {}: {}", virtualNode, failure);
      }
      onChange.run();
    }
  }

  private static String describe(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof TimeoutException) {
      return "no answer in time";
    }
    while (cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }
}
