package io.liqojava.core.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.function.Predicate;

/**
 * Read-modify-write of an object that others write too (the node lifecycle controller, another of
 * our controllers): the change is applied to a copy of the version last seen and written with that
 * version's resourceVersion; on a conflict the latest version is read and the change applied again.
 * Used where a field is shared, such as a list of conditions or finalizers, which server-side apply
 * would replace as a whole.
 */
public final class OptimisticUpdate {

  private static final int MAX_ATTEMPTS = 10;

  private OptimisticUpdate() {}

  /**
   * Changes the object (not its status).
   *
   * @param current the object as last seen; left untouched
   * @param change changes the copy it is given; returns false when nothing needs to change
   * @return the object as stored, {@code current}'s latest version when nothing changed, or null
   *     when the object no longer exists
   */
  public static <T extends HasMetadata> T update(
      KubernetesClient client, T current, Predicate<T> change) {
    return write(client, current, change, false);
  }

  /** As {@link #update}, for the status subresource. */
  public static <T extends HasMetadata> T updateStatus(
      KubernetesClient client, T current, Predicate<T> change) {
    return write(client, current, change, true);
  }

  private static <T extends HasMetadata> T write(
      KubernetesClient client, T current, Predicate<T> change, boolean status) {
    T seen = current;
    for (int attempt = 1; ; attempt++) {
      T copy = client.getKubernetesSerialization().clone(seen);
      if (!change.test(copy)) {
        return seen;
      }
      try {
        return status ? client.resource(copy).updateStatus() : client.resource(copy).update();
      } catch (KubernetesClientException e) {
        if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
          return null;
        }
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt >= MAX_ATTEMPTS) {
          throw e;
        }
        seen = client.resource(seen).get();
        if (seen == null) {
          return null;
        }
      }
    }
  }
}
