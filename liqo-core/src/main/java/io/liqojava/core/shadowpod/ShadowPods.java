package io.liqojava.core.shadowpod;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.offloading.v1beta1.ShadowPod;
import io.liqojava.core.runtime.Controller;
import java.util.Objects;

/**
 * ShadowPod enforcement on the provider side: keeps the pod of every ShadowPod alive, whether or
 * not the consumer that wrote it is reachable, ready to host in an agent.
 *
 * <ul>
 *   <li>for a ShadowPod {@code S}, the pod of the same name and namespace is created with {@code
 *       S}'s labels plus {@code liqo.io/managed-by=shadowpod}, {@code S}'s annotations, the spec
 *       {@code S.spec.pod}, and an owner reference to {@code S} (controller, blocking owner
 *       deletion), so the garbage collector removes it with {@code S};
 *   <li>a pod that disappears is created again (one being deleted is first waited for); a pod that
 *       terminated ({@code Succeeded}, {@code Failed}) is left as it is;
 *   <li>a pod of that name that {@code S} does not control is never touched: {@code S} gets a
 *       Warning event {@code ForeignPod} naming it, and is reconciled again, with backoff, until
 *       the name is free;
 *   <li>{@code S.status}: {@code phase} is the pod's ({@code Unknown} while there is none), {@code
 *       podUid} the UID of the current pod, and {@code podRecreations} counts the pods created
 *       after the first (written through the status subresource, only on change).
 * </ul>
 *
 * <pre>{@code
 * try (ShadowPods shadowPods = new ShadowPods(client)) {
 *   shadowPods.start();
 *   ...
 * }
 * }</pre>
 *
 * <p>The client needs to read ShadowPods and write their status in every namespace, manage pods,
 * update {@code shadowpods/finalizers} (for the blocking owner reference), and create Events: the
 * agent's ClusterRole ({@code AgentRbac}) allows all of it.
 */
public final class ShadowPods implements AutoCloseable {

  /** The source component of the events this component records. */
  public static final String COMPONENT = "liqo-shadow-pods";

  /** How many ShadowPods are reconciled in parallel unless told otherwise. */
  public static final int DEFAULT_WORKERS = 4;

  private final Controller controller;

  /** Prepares ShadowPod enforcement with {@value #DEFAULT_WORKERS} workers. */
  public ShadowPods(KubernetesClient client) {
    this(client, DEFAULT_WORKERS);
  }

  /**
   * Prepares ShadowPod enforcement on the cluster of {@code client}, reconciling up to {@code
   * workers} ShadowPods in parallel; {@link #start()} runs it.
   */
  public ShadowPods(KubernetesClient client, int workers) {
    Objects.requireNonNull(client, "client");
    SharedIndexInformer<ShadowPod> shadowPods =
        client.resources(ShadowPod.class).inAnyNamespace().runnableInformer(0);
    SharedIndexInformer<Pod> pods =
        client
            .pods()
            .inAnyNamespace()
            .withLabel(Labels.MANAGED_BY, Labels.MANAGED_BY_SHADOW_POD)
            .runnableInformer(0);
    ShadowPodReconciler reconciler = new ShadowPodReconciler(client, shadowPods, pods);
    this.controller =
        Controller.builder("shadow-pods", reconciler)
            .watchIgnoringStatus(shadowPods)
            .watch(pods)
            .workers(workers)
            .ownInformers()
            .build();
  }

  /**
   * Starts the informers and the controller; returns once the caches have synced.
   *
   * @throws IllegalStateException when called twice, or when a cache does not sync (the CRDs are
   *     not installed, or the API server is unreachable)
   */
  public void start() {
    controller.start();
  }

  /** Stops the controller and the informers. Idempotent. */
  @Override
  public void close() {
    controller.close();
  }
}
