package io.liqojava.core.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.sun.net.httpserver.HttpExchange;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionResponseBuilder;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReview;
import io.fabric8.kubernetes.api.model.admission.v1.AdmissionReviewBuilder;
import io.liqojava.core.authentication.HttpsEndpoint;
import io.liqojava.core.authentication.Pki;
import io.liqojava.core.authentication.ServingCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTPS server answering {@code AdmissionReview} v1 requests ({@code POST}, JSON) on the paths
 * of its {@link AdmissionHandler}s. It presents the certificate of {@link
 * WebhookSettings#certificateDirectory()} when given (read once at start), else a self-signed
 * certificate generated at start ({@link Pki}); {@link #caBundlePem()} is what the {@link
 * WebhookRegistration} gives the API server to trust it with.
 *
 * <p>A body that is not an {@code AdmissionReview} with a {@code request.uid} gets HTTP 400 with a
 * plain-text reason; an unknown path 404; a handler failure 500 (the API server then applies the
 * webhook's failure policy). Requests run on a fixed pool of {@link
 * WebhookSettings#workerThreads()} threads with a bounded queue.
 */
public final class WebhookServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);
  private static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

  private final WebhookSettings settings;
  private final Map<String, AdmissionHandler> handlers;
  private HttpsEndpoint endpoint;
  private String caBundlePem;

  /**
   * A server, not started yet.
   *
   * @param settings where to listen
   * @param handlers the handler of each path, such as {@link WebhookPaths#POD}
   */
  public WebhookServer(WebhookSettings settings, Map<String, AdmissionHandler> handlers) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.handlers = Map.copyOf(handlers);
  }

  /**
   * Reads or generates the certificate, binds and starts serving.
   *
   * @return this server
   * @throws IllegalArgumentException when the certificate directory lacks a valid certificate and
   *     key, naming the file
   * @throws UncheckedIOException when the address cannot be bound
   * @throws IllegalStateException when already started
   */
  public synchronized WebhookServer start() {
    if (endpoint != null) {
      throw new IllegalStateException("the webhooks is already started at " + endpoint.url());
    }
    Optional<ServingCertificate> certificate =
        settings.certificateDirectory().map(ServingCertificate::read);
    endpoint =
        HttpsEndpoint.start(
            new HttpsEndpoint.Spec(
                "the webhooks",
                "liqo-webhooks",
                settings.bindAddress(),
                settings.port(),
                settings.advertisedHost(),
                extraNames(),
                settings.workerThreads(),
                "choose another webhook port or address",
                certificate),
            this::handle);
    caBundlePem = certificate.map(ServingCertificate::caBundlePem).orElse(null);
    LOG.info(
        "Webhooks listening at {}{}",
        endpoint.url(),
        settings
            .certificateDirectory()
            .map(dir -> " with the certificate of " + dir)
            .orElse(" with a self-signed certificate"));
    return this;
  }

  /** The URL the server is reached at, such as {@code https://127.0.0.1:41235}. */
  public synchronized URI url() {
    return running("the webhook server is not started").url();
  }

  /** The certificate the server presents. */
  public synchronized X509Certificate certificate() {
    return running("the webhook server is not started").certificate();
  }

  /**
   * The PEM certificates the API server trusts the server with, the CA bundle of the webhook
   * configurations: those of the certificate directory ({@code ca.crt}, else {@code tls.crt}), or
   * the self-signed certificate.
   */
  public synchronized String caBundlePem() {
    X509Certificate served = certificate();
    return caBundlePem != null ? caBundlePem : Pki.toPem(served);
  }

  /** Stops accepting, lets requests in flight finish for up to a second. Idempotent. */
  @Override
  public synchronized void close() {
    if (endpoint == null) {
      return;
    }
    endpoint.close();
    LOG.info("Webhooks at {} stopped", endpoint.url());
    endpoint = null;
    caBundlePem = null;
  }

  private List<String> extraNames() {
    List<String> names = new ArrayList<>();
    settings.service().ifPresent(service -> names.addAll(service.dnsNames()));
    names.addAll(settings.subjectAlternativeNames());
    return names;
  }

  private HttpsEndpoint running(String notStarted) {
    if (endpoint == null) {
      throw new IllegalStateException(notStarted);
    }
    return endpoint;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    try {
      AdmissionHandler handler = handlers.get(path);
      if (handler == null) {
        text(exchange, 404, "no webhook at " + path + ": use one of " + handlers.keySet());
        return;
      }
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        text(exchange, 405, "use POST with an AdmissionReview");
        return;
      }
      Admission admission;
      try {
        admission = parse(exchange);
      } catch (IllegalArgumentException e) {
        LOG.warn("Bad admission request on {}: {}", path, e.getMessage());
        text(exchange, 400, e.getMessage());
        return;
      }
      AdmissionDecision decision = handler.review(admission);
      json(exchange, 200, review(admission.uid(), decision));
    } catch (RuntimeException e) {
      LOG.error("The webhook {} failed", path, e);
      if (exchange.getResponseCode() == -1) {
        text(exchange, 500, "the webhook failed unexpectedly; the agent's log has the details");
      }
    } finally {
      exchange.close();
    }
  }

  private static Admission parse(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      throw new IllegalArgumentException("the body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    JsonNode tree;
    try {
      tree = AdmissionJson.TREES.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the body is not JSON: send an AdmissionReview");
    }
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException("the body is not a JSON object: send an AdmissionReview");
    }
    if (!"AdmissionReview".equals(tree.path("kind").asText())) {
      throw new IllegalArgumentException("kind must be AdmissionReview");
    }
    JsonNode request = tree.get("request");
    if (request == null || !request.isObject()) {
      throw new IllegalArgumentException("request is missing: send an AdmissionReview request");
    }
    String uid = request.path("uid").asText("");
    if (!request.path("uid").isTextual() || uid.isEmpty()) {
      throw new IllegalArgumentException("request.uid is missing");
    }
    JsonNode object = request.path("object");
    JsonNode oldObject = request.path("oldObject");
    return new Admission(
        uid,
        request.path("operation").asText(""),
        request.path("namespace").asText(""),
        request.path("name").asText(""),
        object.isMissingNode() ? NullNode.getInstance() : object,
        oldObject.isMissingNode() ? NullNode.getInstance() : oldObject);
  }

  private static AdmissionReview review(String uid, AdmissionDecision decision) {
    AdmissionResponseBuilder response =
        new AdmissionResponseBuilder().withUid(uid).withAllowed(decision.allowed());
    if (!decision.allowed()) {
      response.withStatus(
          new StatusBuilder()
              .withCode(403)
              .withReason("Forbidden")
              .withMessage(decision.message())
              .build());
    }
    decision
        .patch()
        .ifPresent(
            patch ->
                response
                    .withPatchType("JSONPatch")
                    .withPatch(
                        Base64.getEncoder()
                            .encodeToString(patch.toString().getBytes(StandardCharsets.UTF_8))));
    return new AdmissionReviewBuilder()
        .withApiVersion("admission.k8s.io/v1")
        .withKind("AdmissionReview")
        .withResponse(response.build())
        .build();
  }

  private static void json(HttpExchange exchange, int status, AdmissionReview body)
      throws IOException {
    send(
        exchange,
        status,
        "application/json",
        AdmissionJson.MODELS.asJson(body).getBytes(StandardCharsets.UTF_8));
  }

  private static void text(HttpExchange exchange, int status, String message) throws IOException {
    send(exchange, status, "text/plain; charset=utf-8", message.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] bytes)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
