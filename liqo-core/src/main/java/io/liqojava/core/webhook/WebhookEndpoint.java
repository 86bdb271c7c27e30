package io.liqojava.core.webhook;

import io.fabric8.kubernetes.api.model.admissionregistration.v1.WebhookClientConfig;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.WebhookClientConfigBuilder;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Where the API server reaches the webhook server: a URL (an agent running outside the cluster, as
 * with {@code local-clusters}) or a Service (the agent's in-cluster Deployment).
 */
public sealed interface WebhookEndpoint {

  /**
   * The client configuration of the webhook served at {@code path}.
   *
   * @param path one of {@link WebhookPaths}
   * @param caBundlePem the PEM certificate the API server must trust to call the server
   */
  WebhookClientConfig clientConfig(String path, String caBundlePem);

  /**
   * The webhooks are reached at {@code <base><path>}.
   *
   * @param base an {@code https} URL with host and port and no path, such as {@code
   *     https://127.0.0.1:9443}
   */
  record Url(URI base) implements WebhookEndpoint {

    /** Checks the URL. */
    public Url {
      Objects.requireNonNull(base, "base");
      if (!"https".equals(base.getScheme()) || base.getHost() == null) {
        throw new IllegalArgumentException(
            "the webhook URL '" + base + "' is not valid: use https://<host>:<port>");
      }
      if (base.getRawPath() != null && !base.getRawPath().isEmpty()) {
        throw new IllegalArgumentException(
            "the webhook URL '" + base + "' must have no path: use https://<host>:<port>");
      }
    }

    @Override
    public WebhookClientConfig clientConfig(String path, String caBundlePem) {
      return new WebhookClientConfigBuilder()
          .withUrl(base + path)
          .withCaBundle(WebhookRegistration.base64(caBundlePem))
          .build();
    }
  }

  /**
   * The webhooks are reached through a Service.
   *
   * @param namespace the Service's namespace
   * @param name the Service's name
   * @param port the Service port that leads to the webhook server
   */
  record Service(String namespace, String name, int port) implements WebhookEndpoint {

    /** Checks the reference. */
    public Service {
      if (namespace == null || namespace.isBlank()) {
        throw new IllegalArgumentException("the webhook Service namespace is missing");
      }
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("the webhook Service name is missing");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException(
            "the webhook Service port " + port + " is not valid: use 1 to 65535");
      }
    }

    /** The DNS names the API server may use for the Service, for the serving certificate. */
    public List<String> dnsNames() {
      return List.of(
          name + "." + namespace + ".svc",
          name + "." + namespace + ".svc.cluster.local",
          name + "." + namespace,
          name);
    }

    @Override
    public WebhookClientConfig clientConfig(String path, String caBundlePem) {
      return new WebhookClientConfigBuilder()
          .withNewService()
          .withNamespace(namespace)
          .withName(name)
          .withPort(port)
          .withPath(path)
          .endService()
          .withCaBundle(WebhookRegistration.base64(caBundlePem))
          .build();
    }
  }
}
