package io.liqojava.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqojava.core.authentication.Pki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTPS contract of the webhook server: AdmissionReview v1 in and out, 400 on bad input. */
class WebhookServerTest {

  private WebhookServer server;
  private HttpClient http;

  @BeforeEach
  void start() throws Exception {
    server =
        new WebhookServer(
                WebhookSettings.defaults(),
                Map.of(
                    WebhookPaths.DAEMONSET,
                    new DaemonSetMutator(),
                    WebhookPaths.NAMESPACE_OFFLOADING,
                    new NamespaceOffloadingValidator()))
            .start();
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("webhooks", server.certificate());
    TrustManagerFactory trustManagers =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustManagers.init(trust);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trustManagers.getTrustManagers(), null);
    http = HttpClient.newBuilder().sslContext(tls).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void malformedRequestsGetA400AndTheServerKeepsServing() throws Exception {
    assertThat(post(WebhookPaths.DAEMONSET, "{not json").statusCode()).isEqualTo(400);
    HttpResponse<String> noRequest = post(WebhookPaths.DAEMONSET, "{\"kind\":\"AdmissionReview\"}");
    assertThat(noRequest.statusCode()).isEqualTo(400);
    assertThat(noRequest.body()).contains("request is missing");
    assertThat(post("/nowhere", "{}").statusCode()).isEqualTo(404);

    HttpResponse<String> ok = post(WebhookPaths.DAEMONSET, review("CREATE", daemonSet()));
    assertThat(ok.statusCode()).isEqualTo(200);
  }

  @Test
  void aMutationAnswersABase64JsonPatchForTheRequestUid() throws Exception {
    JsonNode answer =
        AdmissionJson.TREES.readTree(
            post(WebhookPaths.DAEMONSET, review("CREATE", daemonSet())).body());

    assertThat(answer.path("apiVersion").asText()).isEqualTo("admission.k8s.io/v1");
    assertThat(answer.path("kind").asText()).isEqualTo("AdmissionReview");
    JsonNode response = answer.path("response");
    assertThat(response.path("uid").asText()).isEqualTo("3f2a");
    assertThat(response.path("allowed").asBoolean()).isTrue();
    assertThat(response.path("patchType").asText()).isEqualTo("JSONPatch");
    String patch =
        new String(
            Base64.getDecoder().decode(response.path("patch").asText()), StandardCharsets.UTF_8);
    assertThat(AdmissionJson.TREES.readTree(patch))
        .isEqualTo(
            AdmissionJson.TREES.readTree(
                "[{\"op\":\"add\",\"path\":\"/spec/template/spec/affinity\",\"value\":"
                    + "{\"nodeAffinity\":{\"requiredDuringSchedulingIgnoredDuringExecution\":"
                    + "{\"nodeSelectorTerms\":[{\"matchExpressions\":[{\"key\":\"liqo.io/type\","
                    + "\"operator\":\"NotIn\",\"values\":[\"virtual-node\"]}]}]}}}}]"));
  }

  @Test
  void aRefusalCarriesTheMessageInItsStatus() throws Exception {
    String offloading =
        "{\"apiVersion\":\"offloading.liqo.io/v1beta1\",\"kind\":\"NamespaceOffloading\","
            + "\"metadata\":{\"name\":\"wrong\",\"namespace\":\"foo\"},\"spec\":{}}";
    JsonNode response =
        AdmissionJson.TREES
            .readTree(post(WebhookPaths.NAMESPACE_OFFLOADING, review("CREATE", offloading)).body())
            .path("response");
    assertThat(response.path("allowed").asBoolean()).isFalse();
    assertThat(response.path("status").path("code").asInt()).isEqualTo(403);
    assertThat(response.path("status").path("message").asText())
        .startsWith("metadata.name must be 'offloading', not 'wrong'");
    assertThat(response.has("patch")).isFalse();
  }

  @Test
  void withACertificateDirectoryItServesThatCertificateAtEveryStart(@TempDir Path directory)
      throws Exception {
    KeyPair keys = Pki.newKeyPair();
    X509Certificate mounted =
        Pki.selfSignedServer(
            "liqo-webhooks", keys, List.of("127.0.0.1", "localhost"), Duration.ofDays(1));
    Files.writeString(directory.resolve("tls.crt"), Pki.toPem(mounted));
    Files.writeString(directory.resolve("tls.key"), Pki.toPem(keys.getPrivate()));
    WebhookSettings settings = WebhookSettings.builder().certificateDirectory(directory).build();

    for (int start = 0; start < 2; start++) {
      WebhookServer withDirectory =
          new WebhookServer(settings, Map.of(WebhookPaths.DAEMONSET, new DaemonSetMutator()))
              .start();
      try {
        assertThat(withDirectory.certificate()).isEqualTo(mounted);
        assertThat(withDirectory.caBundlePem()).isEqualTo(Pki.toPem(mounted));
      } finally {
        withDirectory.close();
      }
    }
    // Without the directory, a new self-signed certificate at every start, its own CA bundle.
    assertThat(server.certificate()).isNotEqualTo(mounted);
    assertThat(server.caBundlePem()).isEqualTo(Pki.toPem(server.certificate()));

    Files.delete(directory.resolve("tls.key"));
    WebhookServer broken =
        new WebhookServer(settings, Map.of(WebhookPaths.DAEMONSET, new DaemonSetMutator()));
    assertThatThrownBy(broken::start)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no tls.key");
  }

  private static String daemonSet() {
    return "{\"apiVersion\":\"apps/v1\",\"kind\":\"DaemonSet\",\"metadata\":{\"name\":\"cni\"},"
        + "\"spec\":{\"template\":{\"spec\":{\"tolerations\":[{\"operator\":\"Exists\"}],"
        + "\"containers\":[{\"name\":\"c\",\"image\":\"cni\"}]}}}}";
  }

  private static String review(String operation, String object) {
    return "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":"
        + "{\"uid\":\"3f2a\",\"operation\":\""
        + operation
        + "\",\"namespace\":\"foo\",\"object\":"
        + object
        + "}}";
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
