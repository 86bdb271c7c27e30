package io.liqojava.core.webhook;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloading;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The NamespaceOffloadings named {@value NamespaceOffloading#DEFAULT_NAME} of every namespace,
 * cached by an informer (the name is selected by the API server).
 */
final class NamespaceOffloadingCache implements AutoCloseable {

  private final KubernetesClient client;
  private final SharedIndexInformer<NamespaceOffloading> informer;

  NamespaceOffloadingCache(KubernetesClient client) {
    this.client = client;
    this.informer =
        client
            .resources(NamespaceOffloading.class)
            .inAnyNamespace()
            .withField("metadata.name", NamespaceOffloading.DEFAULT_NAME)
            .runnableInformer(0);
  }

  /**
   * Starts the informer and waits until it has listed everything.
   *
   * @throws IllegalStateException when it cannot list within {@code timeout}, saying why
   */
  NamespaceOffloadingCache start(Duration timeout) {
    try {
      informer.start().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return this;
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "the NamespaceOffloadings could not be listed within "
              + timeout
              + ": check that the Liqo CRDs are installed (liqoctl install) and that the agent"
              + " may list and watch namespaceoffloadings",
          e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "the NamespaceOffloadings cannot be listed: "
              + e.getCause().getMessage()
              + " (are the Liqo CRDs installed?)",
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while listing the NamespaceOffloadings", e);
    }
  }

  /**
   * The NamespaceOffloading of {@code namespace}: from the cache, else (one created an instant ago
   * may not be cached yet) from the API server.
   */
  Optional<NamespaceOffloading> find(String namespace) {
    NamespaceOffloading cached =
        informer.getIndexer().getByKey(namespace + "/" + NamespaceOffloading.DEFAULT_NAME);
    if (cached != null) {
      return Optional.of(cached);
    }
    return Optional.ofNullable(
        client
            .resources(NamespaceOffloading.class)
            .inNamespace(namespace)
            .withName(NamespaceOffloading.DEFAULT_NAME)
            .get());
  }

  /** Stops the informer. */
  @Override
  public void close() {
    informer.close();
  }
}
