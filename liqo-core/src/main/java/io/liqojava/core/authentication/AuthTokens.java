package io.liqojava.core.authentication;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.identity.LiqoNamespace;
import io.liqojava.core.runtime.ServerSideApply;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The tokens of out-of-band peering, each kept in a Secret (key {@value #TOKEN_KEY}) of the
 * namespace {@value LiqoNamespace#NAME}:
 *
 * <ul>
 *   <li>{@value #CLUSTER_TOKEN_SECRET}: this cluster's auth token, which {@code liqoctl generate
 *       peer-command} prints and which the authentication service accepts from any cluster;
 *   <li>{@code peering-token-<remote cluster ID>}: a token this cluster minted for one remote
 *       cluster, accepted from that cluster only (it lets the remote peer back: reverse peering);
 *   <li>{@code remote-token-<remote cluster ID>}: a token this cluster presents to the
 *       authentication service of that remote cluster.
 * </ul>
 *
 * <p>Tokens are 32 random bytes written as 64 hexadecimal digits. They are compared in constant
 * time and never logged.
 */
public final class AuthTokens {

  /** The Secret with this cluster's auth token. */
  public static final String CLUSTER_TOKEN_SECRET = "liqo-auth-token";

  /** The Secret key that holds a token. */
  public static final String TOKEN_KEY = "token";

  /** Prefix of the Secrets with tokens minted for a remote cluster. */
  public static final String PEERING_TOKEN_PREFIX = "peering-token-";

  /** Prefix of the Secrets with tokens to present to a remote cluster. */
  public static final String REMOTE_TOKEN_PREFIX = "remote-token-";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int TOKEN_BYTES = 32;
  private static final int MAX_TOKEN_LENGTH = 1024;

  private final KubernetesClient client;

  /** Tokens kept in the cluster {@code client} talks to. */
  public AuthTokens(KubernetesClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * This cluster's auth token, created (once, and never changed afterwards) when missing.
   * Concurrent callers get the same token.
   */
  public String ensureClusterToken() {
    return ensure(CLUSTER_TOKEN_SECRET, null);
  }

  /**
   * A Secret {@value #CLUSTER_TOKEN_SECRET} with a new random token, as {@link
   * #ensureClusterToken()} creates it: for installations rendered as manifests.
   */
  public static Secret newClusterTokenSecret() {
    return secret(CLUSTER_TOKEN_SECRET, null, newToken());
  }

  /** This cluster's auth token, if one was created. */
  public Optional<String> clusterToken() {
    return read(CLUSTER_TOKEN_SECRET);
  }

  /**
   * A token for the cluster {@code remoteClusterId} only, created when missing and the same
   * afterwards: the authentication service accepts it from that cluster and from no other.
   */
  public String mintPeeringToken(String remoteClusterId) {
    return ensure(peeringTokenSecret(remoteClusterId), remoteClusterId);
  }

  /** The token minted for {@code remoteClusterId}, if any. */
  public Optional<String> peeringToken(String remoteClusterId) {
    return read(peeringTokenSecret(remoteClusterId));
  }

  /** Deletes the token minted for {@code remoteClusterId}, so that it is no longer accepted. */
  public void deletePeeringToken(String remoteClusterId) {
    delete(peeringTokenSecret(remoteClusterId));
  }

  /**
   * Whether {@code candidate} is a token the authentication service accepts from the cluster {@code
   * requestingClusterId}: this cluster's auth token, or the token minted for that cluster. The
   * comparison takes the same time whatever the candidate.
   */
  public boolean isValid(String requestingClusterId, String candidate) {
    if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_TOKEN_LENGTH) {
      return false;
    }
    boolean valid = clusterToken().map(token -> equal(token, candidate)).orElse(false);
    if (isClusterId(requestingClusterId)) {
      valid |=
          peeringToken(requestingClusterId).map(token -> equal(token, candidate)).orElse(false);
    }
    return valid;
  }

  /**
   * Keeps {@code token} as the one to present to the authentication service of {@code
   * remoteClusterId}, replacing any previous one.
   *
   * @throws IllegalArgumentException when the token is empty or not printable ASCII
   */
  public void storeRemoteToken(String remoteClusterId, String token) {
    ClusterIdentity.checkDnsLabel("remote cluster ID", remoteClusterId);
    checkTokenFormat(token);
    LiqoNamespace.ensure(client);
    ServerSideApply.apply(
        client, secret(remoteTokenSecret(remoteClusterId), remoteClusterId, token));
  }

  /** The token to present to {@code remoteClusterId}, if one was stored. */
  public Optional<String> remoteToken(String remoteClusterId) {
    return read(remoteTokenSecret(remoteClusterId));
  }

  /** Deletes the token to present to {@code remoteClusterId}. */
  public void deleteRemoteToken(String remoteClusterId) {
    delete(remoteTokenSecret(remoteClusterId));
  }

  /** The name of the Secret with the token minted for {@code remoteClusterId}. */
  public static String peeringTokenSecret(String remoteClusterId) {
    ClusterIdentity.checkDnsLabel("remote cluster ID", remoteClusterId);
    return PEERING_TOKEN_PREFIX + remoteClusterId;
  }

  /** The name of the Secret with the token to present to {@code remoteClusterId}. */
  public static String remoteTokenSecret(String remoteClusterId) {
    ClusterIdentity.checkDnsLabel("remote cluster ID", remoteClusterId);
    return REMOTE_TOKEN_PREFIX + remoteClusterId;
  }

  /**
   * Checks that {@code token} could be a token: 1 to 1024 printable ASCII characters.
   *
   * @throws IllegalArgumentException otherwise, without echoing the token
   */
  public static void checkTokenFormat(String token) {
    if (token == null
        || token.isEmpty()
        || token.length() > MAX_TOKEN_LENGTH
        || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException(
          "the auth token is not valid: copy it exactly as 'liqoctl generate peer-command' printed"
              + " it on the provider cluster");
    }
  }

  /** A new random token: 32 bytes as 64 hexadecimal digits. */
  static String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Constant-time equality: compares digests, so that not even the length leaks. */
  static boolean equal(String expected, String candidate) {
    return MessageDigest.isEqual(sha256(expected), sha256(candidate));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  private static boolean isClusterId(String value) {
    try {
      ClusterIdentity.checkDnsLabel("cluster ID", value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private String ensure(String name, String remoteClusterId) {
    Optional<String> existing = read(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    LiqoNamespace.ensure(client);
    try {
      client.secrets().resource(secret(name, remoteClusterId, newToken())).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
    }
    // Read back: a concurrent caller may have created it first, and then its token wins.
    return read(name)
        .orElseThrow(
            () -> new IllegalStateException("the Secret liqo/" + name + " vanished once created"));
  }

  private Optional<String> read(String name) {
    Secret secret = client.secrets().inNamespace(LiqoNamespace.NAME).withName(name).get();
    if (secret == null) {
      return Optional.empty();
    }
    String encoded = secret.getData() == null ? null : secret.getData().get(TOKEN_KEY);
    if (encoded != null && !encoded.isEmpty()) {
      return Optional.of(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
    }
    String plain = secret.getStringData() == null ? null : secret.getStringData().get(TOKEN_KEY);
    return Optional.ofNullable(plain).filter(s -> !s.isEmpty());
  }

  private void delete(String name) {
    client.secrets().inNamespace(LiqoNamespace.NAME).withName(name).delete();
  }

  private static Secret secret(String name, String remoteClusterId, String token) {
    SecretBuilder builder =
        new SecretBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(LiqoNamespace.NAME)
            .addToLabels(LiqoNamespace.MANAGED_BY_LABEL, LiqoNamespace.MANAGED_BY_VALUE)
            .endMetadata()
            .withType("Opaque")
            .withData(
                Map.of(
                    TOKEN_KEY,
                    Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8))));
    if (remoteClusterId != null) {
      builder.editMetadata().addToLabels(Labels.REMOTE_CLUSTER_ID, remoteClusterId).endMetadata();
    }
    return builder.build();
  }
}
