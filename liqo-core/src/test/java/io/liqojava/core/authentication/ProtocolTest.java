package io.liqojava.core.authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Ticker;
import java.net.InetAddress;
import java.net.URI;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;

/** The parts of the protocol that need no cluster: JSON, CSR checks, tokens, rate limiting. */
class ProtocolTest {

  @Test
  void identityRequestUsesLiqoFieldNamesAndNeverPrintsSecrets() throws Exception {
    IdentityRequest request =
        new IdentityRequest("rome-123abc", "rome", "s3cret", "CSR", "https://rome:443", "p33ring");

    JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(request));

    assertThat(json.get("clusterID").asText()).isEqualTo("rome-123abc");
    assertThat(json.get("clusterName").asText()).isEqualTo("rome");
    assertThat(json.get("token").asText()).isEqualTo("s3cret");
    assertThat(json.get("csr").asText()).isEqualTo("CSR");
    assertThat(json.get("authUrl").asText()).isEqualTo("https://rome:443");
    assertThat(json.get("peeringToken").asText()).isEqualTo("p33ring");
    assertThat(Json.MAPPER.treeToValue(json, IdentityRequest.class)).isEqualTo(request);
    assertThat(request.toString()).doesNotContain("s3cret", "p33ring", "CSR").contains("rome");
    assertThat(request.withoutToken().token()).isNull();
  }

  @Test
  void issuedIdentityUsesLiqoFieldNamesAndNeverPrintsCertificates() throws Exception {
    IssuedIdentity issued =
        new IssuedIdentity(
            "milan-456def",
            "milan",
            Map.of("region", "north"),
            "https://milan:6443",
            "CA-PEM",
            "CERT-PEM",
            "liqo-tenant-rome-123abc");

    JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsBytes(issued));

    assertThat(json.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder(
            "clusterID",
            "clusterName",
            "clusterLabels",
            "apiServerUrl",
            "apiServerCA",
            "certificate",
            "tenantNamespace");
    assertThat(Json.MAPPER.treeToValue(json, IssuedIdentity.class)).isEqualTo(issued);
    assertThat(issued.toString()).doesNotContain("CERT-PEM", "CA-PEM");
  }

  @Test
  void acceptsTheCsrOfAPendingIdentity() {
    PendingIdentity pending = PendingIdentity.generate("rome-123abc");

    assertThat(pending.csrPem()).startsWith("-----BEGIN CERTIFICATE REQUEST-----");
    assertThat(pending.privateKeyPem()).startsWith("-----BEGIN EC PRIVATE KEY-----");
    assertThat(pending.toString()).doesNotContain("PRIVATE");
    assertThat(Pki.parseCsr(pending.csrPem(), "rome-123abc").getSubject().toString())
        .contains("CN=rome-123abc", "O=liqo.io");
  }

  @Test
  void rejectsACsrForAnotherCluster() {
    String csr = PendingIdentity.generate("rome-123abc").csrPem();

    assertThatThrownBy(() -> Pki.parseCsr(csr, "milan-456def"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("csr has the common name rome-123abc")
        .hasMessageContaining("'milan-456def'");
  }

  @Test
  void rejectsACsrAskingForAnotherGroup() throws Exception {
    String csr = csr("O=system:masters, CN=rome-123abc");

    assertThatThrownBy(() -> Pki.parseCsr(csr, "rome-123abc"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("csr asks for the organization 'system:masters'");
  }

  @Test
  void rejectsWhatIsNotACsr() {
    assertThatThrownBy(() -> Pki.parseCsr(null, "rome-123abc"))
        .hasMessageStartingWith("csr is missing");
    assertThatThrownBy(() -> Pki.parseCsr("hello", "rome-123abc"))
        .hasMessageStartingWith("csr is not a PEM certificate signing request");
    assertThatThrownBy(
            () ->
                Pki.parseCsr(
                    "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n",
                    "rome-123abc"))
        .hasMessageStartingWith("csr is not a valid PEM certificate signing request");
  }

  @Test
  void tokensAre32RandomBytesInHexAndCompareByValue() {
    String token = AuthTokens.newToken();

    assertThat(token).matches("[0-9a-f]{64}").isNotEqualTo(AuthTokens.newToken());
    assertThat(AuthTokens.equal(token, new String(token))).isTrue();
    assertThat(AuthTokens.equal(token, token.substring(1))).isFalse();
    assertThat(AuthTokens.equal(token, token.toUpperCase())).isFalse();
  }

  @Test
  void blocksAnAddressAfterTooManyFailuresUntilTheWindowEnds() throws Exception {
    AtomicLong now = new AtomicLong();
    Ticker ticker = now::get;
    FailedAttempts attempts = new FailedAttempts(5, Duration.ofMinutes(1), ticker);
    InetAddress attacker = InetAddress.getByName("10.0.0.1");
    InetAddress bystander = InetAddress.getByName("10.0.0.2");

    for (int i = 0; i < 4; i++) {
      attempts.recordFailure(attacker);
    }
    assertThat(attempts.blockedFor(attacker)).isEmpty();
    now.addAndGet(Duration.ofSeconds(20).toNanos());
    attempts.recordFailure(attacker);

    assertThat(attempts.blockedFor(attacker)).contains(Duration.ofSeconds(40));
    assertThat(attempts.blockedFor(bystander)).isEmpty();
    now.addAndGet(Duration.ofSeconds(40).toNanos());
    assertThat(attempts.blockedFor(attacker)).isEmpty();
  }

  @Test
  void refusesAnAuthUrlThatIsNotHttps() {
    AuthenticationClient client = new AuthenticationClient();

    assertThatThrownBy(() -> client.clusterIdentity(URI.create("http://127.0.0.1:1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("use https://<host>:<port>");
  }

  private static String csr(String subject) throws Exception {
    KeyPair keys = Pki.newKeyPair();
    return Pki.toPem(
        new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), keys.getPublic())
            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
  }
}
