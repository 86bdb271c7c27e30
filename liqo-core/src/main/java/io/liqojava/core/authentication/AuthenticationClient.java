package io.liqojava.core.authentication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.liqojava.core.authentication.AuthenticationException.Reason;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The consumer side of the authentication protocol: asks the authentication service of a provider
 * who it is ({@code GET /ids}) and for an identity ({@code POST /identity}).
 *
 * <p><b>TLS:</b> by default the server's certificate is <em>not verified</em>, which is Liqo's
 * default ({@code insecureSkipTLSVerify: true}): the authentication service presents a self-signed
 * certificate, and what a consumer sends it (a token valid for that provider only, and a CSR
 * holding a public key) is of no use to an impostor beyond that provider. Pass {@code
 * verifyServerCertificate = true} to require a certificate this JVM trusts, with a matching host
 * name.
 *
 * <p>Every failure is an {@link AuthenticationException} whose reason tells what happened and whose
 * message names the URL and says what to do. Instances are thread-safe and meant to be reused.
 */
public final class AuthenticationClient {

  /** How long to wait for a connection when no timeout is given. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  /**
   * How long to wait for an answer when no timeout is given: issuing an identity waits for the
   * provider's certificate signer.
   */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http;
  private final Duration requestTimeout;
  private final boolean verifyServerCertificate;

  /** A client that does not verify server certificates, with the default timeouts. */
  public AuthenticationClient() {
    this(false, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
  }

  /**
   * A client.
   *
   * @param verifyServerCertificate whether to require a server certificate this JVM trusts (its
   *     default trust store) for the URL's host; {@code false} accepts any certificate
   * @param connectTimeout how long to wait for a connection; positive
   * @param requestTimeout how long to wait for each answer; positive
   */
  public AuthenticationClient(
      boolean verifyServerCertificate, Duration connectTimeout, Duration requestTimeout) {
    this.verifyServerCertificate = verifyServerCertificate;
    this.requestTimeout = positive(requestTimeout, "requestTimeout");
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(positive(connectTimeout, "connectTimeout"));
    if (!verifyServerCertificate) {
      builder.sslContext(trustingEveryCertificate());
    }
    this.http = builder.build();
  }

  /**
   * Who serves the authentication service at {@code authUrl}.
   *
   * @throws AuthenticationException when it cannot tell
   */
  public ClusterInfo clusterIdentity(URI authUrl) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint(authUrl, "ids"))
            .timeout(requestTimeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<byte[]> response = send(request, authUrl);
    checkStatus(response, authUrl);
    ClusterInfo info = read(response, ClusterInfo.class, authUrl);
    if (info.clusterId() == null || info.clusterName() == null) {
      throw notLiqo(authUrl, "its answer to GET /ids has no clusterID or clusterName");
    }
    return info;
  }

  /**
   * Asks the authentication service at {@code authUrl} for an identity.
   *
   * @throws AuthenticationException when no identity was issued: {@link Reason#INVALID_TOKEN},
   *     {@link Reason#RATE_LIMITED} (see {@link AuthenticationException#retryAfter()}), {@link
   *     Reason#NAME_CONFLICT}, {@link Reason#REJECTED}, {@link Reason#UNREACHABLE} or {@link
   *     Reason#PROTOCOL_ERROR}
   */
  public IssuedIdentity requestIdentity(URI authUrl, IdentityRequest identityRequest) {
    Objects.requireNonNull(identityRequest, "identityRequest");
    byte[] body;
    try {
      body = Json.MAPPER.writeValueAsBytes(identityRequest);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode the identity request", e);
    }
    HttpRequest request =
        HttpRequest.newBuilder(endpoint(authUrl, "identity"))
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<byte[]> response = send(request, authUrl);
    checkStatus(response, authUrl);
    IssuedIdentity issued = read(response, IssuedIdentity.class, authUrl);
    if (issued.clusterId() == null
        || issued.apiServerUrl() == null
        || issued.apiServerCa() == null
        || issued.certificate() == null
        || issued.tenantNamespace() == null) {
      throw notLiqo(authUrl, "its answer to POST /identity lacks fields of an issued identity");
    }
    return issued;
  }

  private HttpResponse<byte[]> send(HttpRequest request, URI authUrl) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpConnectTimeoutException e) {
      throw unreachable(authUrl, "no connection within the timeout", e);
    } catch (HttpTimeoutException e) {
      throw new AuthenticationException(
          Reason.UNREACHABLE,
          "the authentication service at "
              + authUrl
              + " did not answer within "
              + requestTimeout.toSeconds()
              + "s: check that the provider's agent runs and that its API server is healthy",
          e);
    } catch (SSLException e) {
      throw new AuthenticationException(
          Reason.PROTOCOL_ERROR,
          "the TLS handshake with "
              + authUrl
              + " failed ("
              + e.getMessage()
              + "): "
              + (verifyServerCertificate
                  ? "its certificate is not trusted by this JVM, or the URL is not https"
                  : "check that the --auth-url is the provider's authentication service (https)"),
          e);
    } catch (ConnectException e) {
      throw unreachable(authUrl, "connection refused", e);
    } catch (IOException | UnresolvedAddressException e) {
      throw unreachable(authUrl, String.valueOf(e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuthenticationException(
          Reason.UNREACHABLE, "interrupted while talking to " + authUrl, e);
    }
  }

  private static AuthenticationException unreachable(URI authUrl, String detail, Exception e) {
    return new AuthenticationException(
        Reason.UNREACHABLE,
        "cannot reach the authentication service at "
            + authUrl
            + " ("
            + detail
            + "): check the --auth-url and that the provider's agent runs",
        e);
  }

  private static void checkStatus(HttpResponse<byte[]> response, URI authUrl) {
    int status = response.statusCode();
    if (status == 200) {
      return;
    }
    Optional<JsonNode> error = errorBody(response);
    String reason = error.map(e -> e.path("reason").asText("")).orElse("");
    String message =
        error.map(e -> e.path("message").asText("")).filter(m -> !m.isEmpty()).orElse(null);
    if (message == null) {
      throw notLiqo(authUrl, "it answered HTTP " + status + " without a Liqo error");
    }
    switch (status) {
      case 401 ->
          throw new AuthenticationException(
              Reason.INVALID_TOKEN,
              "the authentication service at " + authUrl + " refused the token: " + message);
      case 429 -> {
        Duration retryAfter =
            response
                .headers()
                .firstValue("Retry-After")
                .flatMap(AuthenticationClient::seconds)
                .orElse(Duration.ofMinutes(1));
        throw AuthenticationException.rateLimited(
            "the authentication service at "
                + authUrl
                + " refuses requests from this address for "
                + retryAfter.toSeconds()
                + "s after too many failed attempts ("
                + message
                + ")",
            retryAfter);
      }
      case 409 ->
          throw new AuthenticationException(
              Reason.NAME_CONFLICT,
              "the authentication service at " + authUrl + " refused the request: " + message);
      case 404, 405 -> throw notLiqo(authUrl, "it answered HTTP " + status + ": " + message);
      default ->
          throw new AuthenticationException(
              Reason.REJECTED,
              "the authentication service at "
                  + authUrl
                  + " refused the request (HTTP "
                  + status
                  + (reason.isEmpty() ? "" : " " + reason)
                  + "): "
                  + message);
    }
  }

  private static Optional<JsonNode> errorBody(HttpResponse<byte[]> response) {
    try {
      JsonNode node = Json.MAPPER.readTree(response.body());
      return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> seconds(String value) {
    try {
      return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static <T> T read(HttpResponse<byte[]> response, Class<T> type, URI authUrl) {
    try {
      T value = Json.MAPPER.readValue(response.body(), type);
      if (value == null) {
        throw notLiqo(authUrl, "it answered an empty body");
      }
      return value;
    } catch (IOException e) {
      throw notLiqo(authUrl, "its answer is not the JSON of the Liqo authentication protocol");
    }
  }

  private static AuthenticationException notLiqo(URI authUrl, String detail) {
    return new AuthenticationException(
        Reason.PROTOCOL_ERROR,
        authUrl
            + " does not look like a Liqo authentication service ("
            + detail
            + "): check the --auth-url");
  }

  /** {@code authUrl} with {@code path} appended, keeping any path prefix of the URL. */
  private static URI endpoint(URI authUrl, String path) {
    Objects.requireNonNull(authUrl, "authUrl");
    if (!"https".equalsIgnoreCase(authUrl.getScheme()) || authUrl.getHost() == null) {
      throw new IllegalArgumentException(
          "the auth URL '" + authUrl + "' is not valid: use https://<host>:<port>");
    }
    String base = authUrl.toString();
    return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
  }

  private static Duration positive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return duration;
  }

  private static SSLContext trustingEveryCertificate() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new TrustEveryCertificate()}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS", e);
    }
  }

  /**
   * Accepts every server certificate, and (being an extended trust manager) skips the host name
   * check that the JDK would otherwise add around a plain one.
   */
  private static final class TrustEveryCertificate extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
