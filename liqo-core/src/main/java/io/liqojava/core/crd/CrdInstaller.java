package io.liqojava.core.crd;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionCondition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionList;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.liqojava.api.LiqoCrds;
import io.liqojava.core.runtime.ServerSideApply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the Liqo CRDs ({@link LiqoCrds}) in a cluster, and removes them.
 *
 * <p>{@link #install()} writes every CRD with {@link ServerSideApply}, taking over fields other
 * managers changed. It is idempotent: running it again changes nothing, and running it after the
 * CRDs changed (a newer liqo-java, or a manual edit) brings every field it manages back to the
 * definitions of this version. It returns once every CRD is established, that is, served by the API
 * server.
 *
 * <p>Each operation waits at most the timeout given at construction for all the CRDs together.
 */
public final class CrdInstaller {

  /** How long {@link #install()} and {@link #uninstall()} wait when no timeout is given. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(CrdInstaller.class);

  private final KubernetesClient client;
  private final Duration timeout;

  /** Creates an installer that waits at most {@link #DEFAULT_TIMEOUT}. */
  public CrdInstaller(KubernetesClient client) {
    this(client, DEFAULT_TIMEOUT);
  }

  /**
   * Creates an installer.
   *
   * @param client a client with the right to write CustomResourceDefinitions
   * @param timeout how long each operation waits for all the CRDs; positive
   */
  public CrdInstaller(KubernetesClient client, Duration timeout) {
    this.client = Objects.requireNonNull(client, "client");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    this.timeout = timeout;
  }

  /**
   * Applies every Liqo CRD and waits until all are established.
   *
   * @return the CRDs as established in the cluster, in the order of {@link LiqoCrds#types()}
   * @throws CrdInstallationException naming the first CRD the API server refused, or that was not
   *     established in time (with its conditions)
   */
  public List<CustomResourceDefinition> install() {
    List<CustomResourceDefinition> established = install(definitions());
    LOG.info("Installed {} Liqo CRDs", established.size());
    return established;
  }

  /**
   * The definitions {@link #install()} applies: every Liqo CRD, in the order of {@link
   * LiqoCrds#types()}.
   */
  public static List<CustomResourceDefinition> definitions() {
    return LiqoCrds.types().stream().map(LiqoCrds::definition).toList();
  }

  /**
   * Applies {@code definitions} (a reflector plugin's own CRDs, for example) and waits until all
   * are established.
   *
   * @return the CRDs as established in the cluster, in the order given
   * @throws CrdInstallationException naming the first CRD the API server refused, or that was not
   *     established in time (with its conditions)
   */
  public List<CustomResourceDefinition> install(List<CustomResourceDefinition> definitions) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> names = new ArrayList<>();
    for (CustomResourceDefinition crd : definitions) {
      String name = crd.getMetadata().getName();
      try {
        ServerSideApply.apply(client, crd);
      } catch (KubernetesClientException e) {
        throw new CrdInstallationException(
            name, "The API server refused CRD " + name + ": " + e.getMessage(), e);
      }
      names.add(name);
    }
    List<CustomResourceDefinition> established = new ArrayList<>();
    for (String name : names) {
      established.add(awaitEstablished(name, deadline));
    }
    return established;
  }

  /**
   * Deletes every Liqo CRD, and with them every Liqo custom resource in the cluster, and waits
   * until they are gone. CRDs that do not exist are skipped.
   *
   * @throws CrdInstallationException naming the first CRD still present at the timeout, typically
   *     because finalizers keep some of its custom resources
   */
  public void uninstall() {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> names = LiqoCrds.names();
    for (String name : names) {
      crds().withName(name).delete();
    }
    for (String name : names) {
      awaitDeleted(name, deadline);
    }
    LOG.info("Removed {} Liqo CRDs", names.size());
  }

  private CustomResourceDefinition awaitEstablished(String name, long deadline) {
    Predicate<CustomResourceDefinition> settled =
        crd ->
            crd != null
                && (hasCondition(crd, "Established", "True")
                    || hasCondition(crd, "NamesAccepted", "False"));
    CustomResourceDefinition crd;
    try {
      crd =
          crds()
              .withName(name)
              .waitUntilCondition(settled, remainingMillis(deadline), TimeUnit.MILLISECONDS);
    } catch (KubernetesClientTimeoutException e) {
      throw new CrdInstallationException(
          name,
          "CRD "
              + name
              + " was not established within "
              + format(timeout)
              + "; its conditions: "
              + conditionsOf(crds().withName(name).get()),
          e);
    }
    if (!hasCondition(crd, "Established", "True")) {
      throw new CrdInstallationException(
          name,
          "CRD "
              + name
              + " cannot be established because its names are not accepted: "
              + conditionsOf(crd)
              + ". Another CRD of the same group uses one of its names; remove that CRD.",
          null);
    }
    LOG.debug("CRD {} established", name);
    return crd;
  }

  private void awaitDeleted(String name, long deadline) {
    try {
      crds()
          .withName(name)
          .waitUntilCondition(Objects::isNull, remainingMillis(deadline), TimeUnit.MILLISECONDS);
    } catch (KubernetesClientTimeoutException e) {
      throw new CrdInstallationException(
          name,
          "CRD "
              + name
              + " was not deleted within "
              + format(timeout)
              + ", probably because finalizers keep some of its custom resources; its"
              + " conditions: "
              + conditionsOf(crds().withName(name).get()),
          e);
    }
  }

  private NonNamespaceOperation<
          CustomResourceDefinition,
          CustomResourceDefinitionList,
          Resource<CustomResourceDefinition>>
      crds() {
    return client.apiextensions().v1().customResourceDefinitions();
  }

  private static long remainingMillis(long deadline) {
    return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
  }

  private static boolean hasCondition(CustomResourceDefinition crd, String type, String status) {
    return conditions(crd).stream()
        .anyMatch(c -> type.equals(c.getType()) && status.equals(c.getStatus()));
  }

  private static List<CustomResourceDefinitionCondition> conditions(CustomResourceDefinition crd) {
    return Optional.ofNullable(crd.getStatus())
        .map(CustomResourceDefinitionStatus::getConditions)
        .orElse(List.of());
  }

  private static String conditionsOf(CustomResourceDefinition crd) {
    if (crd == null) {
      return "none, the CRD no longer exists";
    }
    List<CustomResourceDefinitionCondition> conditions = conditions(crd);
    if (conditions.isEmpty()) {
      return "none reported yet";
    }
    return conditions.stream().map(CrdInstaller::describe).collect(Collectors.joining(", "));
  }

  private static String describe(CustomResourceDefinitionCondition condition) {
    String text = condition.getType() + "=" + condition.getStatus();
    if (condition.getReason() != null) {
      text += " " + condition.getReason();
    }
    if (condition.getMessage() != null && !condition.getMessage().isEmpty()) {
      text += " (" + condition.getMessage() + ")";
    }
    return text;
  }

  /** Formats a duration the way Go does, e.g. {@code 1m30s}. */
  private static String format(Duration duration) {
    return duration.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}
