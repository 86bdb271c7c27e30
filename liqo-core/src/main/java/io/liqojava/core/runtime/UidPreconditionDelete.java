package io.liqojava.core.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.net.HttpURLConnection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Deletes an object only if it is still the one seen (same UID), so that an object re-created under
 * the same name is never deleted by mistake: what a controller acting on an informer's cache, which
 * may still hold the object's previous incarnation, must use. fabric8 offers resourceVersion
 * preconditions only; this sends the {@code DeleteOptions} itself.
 */
public final class UidPreconditionDelete {

  private static final long TIMEOUT_SECONDS = 30;

  private UidPreconditionDelete() {}

  /**
   * Deletes {@code object} (by its namespace, name and UID).
   *
   * @param gracePeriodSeconds the grace period, or null for the object's default
   * @return true when this call deleted it (or started its graceful deletion); false when it was
   *     gone or its name now belongs to another object
   * @throws KubernetesClientException on any other failure
   */
  public static boolean delete(KubernetesClient client, HasMetadata object, Long gracePeriodSeconds)
      throws InterruptedException {
    var metadata = object.getMetadata();
    String apiVersion = HasMetadata.getApiVersion(object.getClass());
    String base = apiVersion.contains("/") ? "apis/" + apiVersion : "api/" + apiVersion;
    String master = client.getMasterUrl().toString();
    String url =
        (master.endsWith("/") ? master : master + "/")
            + base
            + "/namespaces/"
            + metadata.getNamespace()
            + "/"
            + HasMetadata.getPlural(object.getClass())
            + "/"
            + metadata.getName();
    String body =
        "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"preconditions\":{\"uid\":\""
            + metadata.getUid()
            + "\"}"
            + (gracePeriodSeconds == null ? "" : ",\"gracePeriodSeconds\":" + gracePeriodSeconds)
            + "}";
    HttpRequest request =
        client
            .getHttpClient()
            .newHttpRequestBuilder()
            .uri(url)
            .delete("application/json", body)
            .build();
    HttpResponse<String> response;
    try {
      response =
          client
              .getHttpClient()
              .sendAsync(request, String.class)
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new KubernetesClientException(
          "cannot delete "
              + object.getKind()
              + " "
              + metadata.getNamespace()
              + "/"
              + metadata.getName(),
          e);
    }
    int code = response.code();
    if (HttpResponse.isSuccessful(code)) {
      return true;
    }
    if (code == HttpURLConnection.HTTP_NOT_FOUND || code == HttpURLConnection.HTTP_CONFLICT) {
      return false;
    }
    throw new KubernetesClientException(
        "cannot delete "
            + object.getKind()
            + " "
            + metadata.getNamespace()
            + "/"
            + metadata.getName()
            + ": HTTP "
            + code
            + " "
            + response.body(),
        code,
        null);
  }
}
