package io.liqojava.core.authentication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.authentication.AuthenticationException.Reason;
import io.liqojava.core.identity.ClusterIdentityStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authentication service of a provider cluster: an HTTPS endpoint where consumers trade a token
 * and a certificate signing request for an identity on this cluster.
 *
 * <ul>
 *   <li>{@code GET /ids} answers {@code {"clusterID": ..., "clusterName": ...}};
 *   <li>{@code POST /identity} takes an {@link IdentityRequest}, checks its token with {@link
 *       AuthTokens#isValid}, and answers the {@link IssuedIdentity} of {@link IdentityIssuer}.
 * </ul>
 *
 * <p>Errors are JSON {@code {"reason": ..., "message": ...}}: 400 {@code BadRequest} (the message
 * names the field), 401 {@code InvalidToken}, 409 {@code NameConflict}, 429 {@code TooManyAttempts}
 * with {@code Retry-After} once a client address has failed {@link
 * AuthenticationServerSettings#maxFailedAttempts()} times within {@link
 * AuthenticationServerSettings#failureWindow()} (behind a proxy or load balancer, that is the
 * proxy's address), 500 {@code InternalError}. Tokens, keys and certificates are never logged.
 *
 * <p>The server presents a self-signed ECDSA P-256 certificate generated at start: consumers do not
 * verify it by default, as in Liqo (the token and the CSR carry no secret the server could abuse;
 * the API server CA in the answer is what the consumer then trusts). Requests run on a small fixed
 * pool of threads.
 */
public final class AuthenticationServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AuthenticationServer.class);
  private static final int MAX_BODY_BYTES = 64 * 1024;

  /** The message of every 401: what a consumer's user reads when the token is wrong. */
  public static final String INVALID_TOKEN_MESSAGE =
      "the auth token is not valid: get a fresh command with 'liqoctl generate peer-command' on"
          + " the provider cluster";

  private final AuthTokens tokens;
  private final IdentityIssuer issuer;
  private final ClusterIdentityStore identities;
  private final AuthenticationServerSettings settings;
  private final FailedAttempts failedAttempts;
  private HttpsEndpoint endpoint;

  /**
   * A server, not started yet.
   *
   * @param tokens the tokens of this cluster, to check requests with
   * @param issuer issues the identities
   * @param identities this cluster's identity, for {@code GET /ids}
   * @param settings where to listen, and the failure limits
   */
  public AuthenticationServer(
      AuthTokens tokens,
      IdentityIssuer issuer,
      ClusterIdentityStore identities,
      AuthenticationServerSettings settings) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.identities = Objects.requireNonNull(identities, "identities");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.failedAttempts =
        new FailedAttempts(settings.maxFailedAttempts(), settings.failureWindow());
  }

  /**
   * Generates the serving certificate, binds the address and starts serving.
   *
   * @return this server
   * @throws UncheckedIOException when the address cannot be bound (say which, and why)
   * @throws IllegalStateException when already started
   */
  public synchronized AuthenticationServer start() {
    if (endpoint != null) {
      throw new IllegalStateException(
          "the authentication service is already started at " + endpoint.url());
    }
    endpoint =
        HttpsEndpoint.start(
            new HttpsEndpoint.Spec(
                "the authentication service",
                "liqo-auth",
                settings.bindAddress(),
                settings.port(),
                settings.advertisedHost(),
                settings.subjectAlternativeNames(),
                settings.workerThreads(),
                "choose another --auth-port or address",
                Optional.empty()),
            this::handle);
    LOG.info("Authentication service listening at {}", endpoint.url());
    return this;
  }

  /** The URL where peers reach this server, such as {@code https://127.0.0.1:41235}. */
  public synchronized URI url() {
    return running("the authentication server is not started").url();
  }

  /** The self-signed certificate the server presents. */
  public synchronized X509Certificate certificate() {
    return running("the authentication server is not started").certificate();
  }

  /** Stops accepting, lets requests in flight finish for up to a second, and stops. Idempotent. */
  @Override
  public synchronized void close() {
    if (endpoint == null) {
      return;
    }
    endpoint.close();
    LOG.info("Authentication service at {} stopped", endpoint.url());
    endpoint = null;
  }

  private HttpsEndpoint running(String notStarted) {
    if (endpoint == null) {
      throw new IllegalStateException(notStarted);
    }
    return endpoint;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      switch (path) {
        case "/ids" -> {
          if (!method.equals("GET")) {
            methodNotAllowed(exchange, "GET");
          } else {
            ids(exchange);
          }
        }
        case "/identity" -> {
          if (!method.equals("POST")) {
            methodNotAllowed(exchange, "POST");
          } else {
            identity(exchange);
          }
        }
        default ->
            error(
                exchange,
                404,
                "NotFound",
                "no such endpoint " + path + ": use GET /ids or POST /identity");
      }
    } catch (RuntimeException e) {
      LOG.error("The authentication service failed on {}", exchange.getRequestURI().getPath(), e);
      if (exchange.getResponseCode() == -1) {
        error(exchange, 500, "InternalError", "the authentication service failed unexpectedly");
      }
    } finally {
      exchange.close();
    }
  }

  private void ids(HttpExchange exchange) throws IOException {
    Optional<ClusterIdentity> self = identities.read();
    if (self.isEmpty()) {
      error(
          exchange,
          503,
          "NotInstalled",
          "this cluster has no Liqo identity yet: run 'liqoctl install' on it");
      return;
    }
    respond(exchange, 200, new ClusterInfo(self.get().clusterId(), self.get().clusterName()));
  }

  private void identity(HttpExchange exchange) throws IOException {
    InetAddress client = exchange.getRemoteAddress().getAddress();
    Optional<Duration> blocked = failedAttempts.blockedFor(client);
    if (blocked.isPresent()) {
      long seconds = Math.max(1, (blocked.get().toMillis() + 999) / 1000);
      exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
      LOG.warn("Refused an identity request from {}: too many failed attempts", client);
      error(
          exchange,
          429,
          "TooManyAttempts",
          "too many failed authentication attempts from "
              + client.getHostAddress()
              + ": retry in "
              + seconds
              + "s with a valid token");
      return;
    }
    IdentityRequest request;
    try {
      request = parse(exchange);
    } catch (IllegalArgumentException e) {
      error(exchange, 400, "BadRequest", e.getMessage());
      return;
    }
    if (!tokens.isValid(request.clusterId(), request.token())) {
      failedAttempts.recordFailure(client);
      LOG.warn(
          "Refused an identity request from {} for cluster {}: invalid token",
          client,
          request.clusterId());
      error(exchange, 401, "InvalidToken", INVALID_TOKEN_MESSAGE);
      return;
    }
    IssuedIdentity issued;
    try {
      issued = issuer.issue(request.withoutToken());
    } catch (AuthenticationException e) {
      LOG.warn(
          "Refused an identity request from {} for cluster {}: {}",
          client,
          request.clusterId(),
          e.getMessage());
      if (e.reason() == Reason.NAME_CONFLICT) {
        error(exchange, 409, "NameConflict", e.getMessage());
      } else {
        error(exchange, 400, "BadRequest", e.getMessage());
      }
      return;
    } catch (RuntimeException e) {
      LOG.error(
          "Could not issue an identity to cluster {} ({})",
          request.clusterId(),
          request.clusterName(),
          e);
      error(
          exchange,
          500,
          "InternalError",
          "the provider could not issue the identity: "
              + publicMessage(e)
              + "; its agent's log has the details");
      return;
    }
    LOG.debug(
        "Issued an identity to cluster {} ({}) requested from {}",
        request.clusterId(),
        request.clusterName(),
        client);
    respond(exchange, 200, issued);
  }

  /** Parses and checks the fields needed before the token check; the issuer checks the rest. */
  private static IdentityRequest parse(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      throw new IllegalArgumentException(
          "the request body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "the request body is not valid JSON: send an identity request object");
    }
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException(
          "the request body is not a JSON object: send an identity request object");
    }
    for (String field : new String[] {"clusterID", "clusterName", "token", "csr"}) {
      JsonNode value = tree.get(field);
      if (value == null || value.isNull() || (value.isTextual() && value.asText().isEmpty())) {
        throw new IllegalArgumentException(field + " is missing");
      }
      if (!value.isTextual()) {
        throw new IllegalArgumentException(field + " must be a string");
      }
    }
    for (String field : new String[] {"authUrl", "peeringToken"}) {
      JsonNode value = tree.get(field);
      if (value != null && !value.isNull() && !value.isTextual()) {
        throw new IllegalArgumentException(field + " must be a string");
      }
    }
    IdentityRequest request;
    try {
      request = Json.MAPPER.treeToValue(tree, IdentityRequest.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the request body is not an identity request");
    }
    ClusterIdentity.checkDnsLabel("clusterID", request.clusterId());
    return request;
  }

  private static String publicMessage(RuntimeException e) {
    // Our own messages say what to fix and hold no secret; API server errors may be long.
    if (e instanceof IllegalStateException && e.getMessage() != null) {
      return e.getMessage();
    }
    if (e instanceof KubernetesClientException k && k.getCode() > 0) {
      return "its API server answered HTTP " + k.getCode();
    }
    return e.getClass().getSimpleName();
  }

  private static void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
    exchange.getResponseHeaders().set("Allow", allowed);
    error(
        exchange,
        405,
        "MethodNotAllowed",
        exchange.getRequestURI().getPath() + " accepts " + allowed + " only");
  }

  private static void error(HttpExchange exchange, int status, String reason, String message)
      throws IOException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("reason", reason);
    body.put("message", message);
    respond(exchange, status, body);
  }

  private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
