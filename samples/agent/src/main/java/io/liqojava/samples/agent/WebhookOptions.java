package io.liqojava.samples.agent;

import io.liqojava.core.webhook.ImmutableWebhookSettings;
import io.liqojava.core.webhook.WebhookEndpoint;
import io.liqojava.core.webhook.WebhookSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * The agent's admission webhook options: where they listen and how the API server reaches them (a
 * URL for an agent running outside the cluster, a Service for the in-cluster Deployment).
 */
final class WebhookOptions {

  private static final Pattern SERVICE = Pattern.compile("([^/]+)/([^:]+):(\\d+)");

  @Option(
      names = "--no-webhooks",
      description =
          "Neither serve nor register the admission webhooks (pods are then not steered to"
              + " virtual nodes, NamespaceOffloadings not validated).")
  boolean disabled;

  @Option(
      names = "--webhook-bind-address",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description = "The address the webhooks listen on (default: ${DEFAULT-VALUE}).")
  String bindAddress;

  @Option(
      names = "--webhook-port",
      paramLabel = "PORT",
      defaultValue = "0",
      description = "The port of the webhooks; 0 picks a free one (default: 0).")
  int port;

  @Option(
      names = "--webhook-advertised-host",
      paramLabel = "HOST",
      description =
          "The host the API server calls the webhooks at, when it differs from the bind address.")
  String advertisedHost;

  @Option(
      names = "--webhook-service",
      paramLabel = "NAMESPACE/NAME:PORT",
      description =
          "Register the webhooks through this Service (the in-cluster case) instead of a URL.")
  String service;

  @Option(
      names = "--webhook-cert-dir",
      paramLabel = "DIR",
      description =
          "Serve the certificate in DIR (tls.crt, tls.key, optional ca.crt: a mounted"
              + " kubernetes.io/tls Secret) and register the webhooks trusting ca.crt, else"
              + " tls.crt; default: a self-signed certificate generated at every start.")
  Path certificateDirectory;

  /** Whether the webhooks run. */
  boolean enabled() {
    return !disabled;
  }

  /**
   * The settings these options describe.
   *
   * @throws IllegalArgumentException naming the option when a value is not valid
   */
  WebhookSettings toSettings() {
    ImmutableWebhookSettings.Builder builder =
        WebhookSettings.builder().bindAddress(bindAddress).port(port);
    if (advertisedHost != null) {
      builder.advertisedHost(advertisedHost);
    }
    if (certificateDirectory != null) {
      if (!Files.isDirectory(certificateDirectory)) {
        throw new IllegalArgumentException(
            "--webhook-cert-dir "
                + certificateDirectory
                + " is not a directory: mount the webhook TLS Secret there");
      }
      builder.certificateDirectory(certificateDirectory);
    }
    if (service != null) {
      Matcher matcher = SERVICE.matcher(service);
      if (!matcher.matches()) {
        throw new IllegalArgumentException(
            "--webhook-service '"
                + service
                + "' is not valid: use NAMESPACE/NAME:PORT, for example liqo/liqo-webhook:443");
      }
      builder.service(
          new WebhookEndpoint.Service(
              matcher.group(1), matcher.group(2), Integer.parseInt(matcher.group(3))));
    }
    return builder.build();
  }
}
