package io.liqojava.samples.liqoctl;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;

/** Turns client failures into messages that say what is wrong and what to do. */
final class Errors {

  private Errors() {}

  /** Why the first request to {@code cluster} failed. */
  static String unreachable(Cluster cluster, KubernetesClientException e) {
    String where =
        "the API server "
            + cluster.server()
            + (cluster.context().isEmpty() ? "" : " of context " + cluster.context())
            + " ("
            + cluster.source()
            + ")";
    if (e.getCode() == HttpURLConnection.HTTP_UNAUTHORIZED) {
      return where
          + " refused the credentials (401 Unauthorized): get a fresh kubeconfig for this cluster";
    }
    if (e.getCode() == HttpURLConnection.HTTP_FORBIDDEN) {
      return where + " denied access (403 Forbidden): " + e.getMessage();
    }
    if (e.getCode() > 0) {
      return where + " answered " + e.getCode() + ": " + e.getMessage();
    }
    return "cannot reach "
        + where
        + ": "
        + rootMessage(e)
        + ". Check that the cluster runs (for local clusters: './local-clusters status') and that"
        + " --kubeconfig and --context select it";
  }

  /** Why a later request failed. */
  static String describe(KubernetesClientException e) {
    if (e.getCode() == HttpURLConnection.HTTP_FORBIDDEN) {
      return "the API server denied a request (403 Forbidden): "
          + e.getMessage()
          + ". liqoctl needs the rights of a cluster administrator";
    }
    if (e.getCode() > 0) {
      return "the API server answered " + e.getCode() + ": " + e.getMessage();
    }
    return "a request to the API server failed: " + rootMessage(e);
  }

  /** The message of the innermost cause, with its type when the message alone says little. */
  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    if (message == null || message.isBlank()) {
      return root.getClass().getSimpleName();
    }
    return root instanceof java.io.IOException
        ? root.getClass().getSimpleName() + ": " + message
        : message;
  }
}
