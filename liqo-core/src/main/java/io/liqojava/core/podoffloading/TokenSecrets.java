package io.liqojava.core.podoffloading;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.consts.Annotations;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.offloading.v1beta1.ShadowPod;
import io.liqojava.core.runtime.ServerSideApply;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Secrets that give offloaded pods a token of their own service account in the origin cluster:
 * a token from the TokenRequest API, bound to the local pod (it stops working when the pod goes),
 * written next to the ShadowPod and owned by it, and renewed at 80 % of its lifetime. Tokens are
 * never logged.
 */
final class TokenSecrets {

  /** The key of the token in the Secret. */
  static final String TOKEN_KEY = "token";

  /** The key of the pod's (origin) namespace in the Secret. */
  static final String NAMESPACE_KEY = "namespace";

  /** Marks the token Secrets pod offloading writes (value "true"). */
  static final String TOKEN_LABEL = "offloading.liqo.io/service-account-token";

  /** When the token was issued (RFC 3339). */
  static final String ISSUED_AT = "offloading.liqo.io/token-issued-at";

  /** When the token expires (RFC 3339). */
  static final String EXPIRES_AT = "offloading.liqo.io/token-expires-at";

  /** The UID of the local pod the token is bound to. */
  static final String POD_UID = "offloading.liqo.io/pod-uid";

  private static final String PREFIX = "liqo-token-";
  private static final int MAX_NAME = 253;
  private static final double REFRESH_FRACTION = 0.8;

  private final KubernetesClient localClient;
  private final KubernetesClient remoteClient;
  private final String originClusterId;
  private final String destinationClusterId;
  private final Duration lifetime;
  private final Clock clock;
  private final Map<String, Secret> lastIssued = new ConcurrentHashMap<>();

  TokenSecrets(
      KubernetesClient localClient,
      KubernetesClient remoteClient,
      String originClusterId,
      String destinationClusterId,
      Duration lifetime,
      Clock clock) {
    this.localClient = localClient;
    this.remoteClient = remoteClient;
    this.originClusterId = originClusterId;
    this.destinationClusterId = destinationClusterId;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** The name of the token Secret of the pod {@code podName}. */
  static String secretName(String podName) {
    String name = PREFIX + podName;
    if (name.length() <= MAX_NAME) {
      return name;
    }
    String hash = sha256(podName).substring(0, 10);
    return name.substring(0, MAX_NAME - hash.length() - 1) + "-" + hash;
  }

  /**
   * When {@code secret} must be renewed for {@code pod}: at 80 % of its token's lifetime; now when
   * it is missing, unreadable, or bound to another pod of the same name.
   */
  Instant refreshAt(Secret secret, Pod pod) {
    Instant now = clock.instant();
    if (secret == null || secret.getMetadata().getAnnotations() == null) {
      return now;
    }
    Map<String, String> annotations = secret.getMetadata().getAnnotations();
    if (!pod.getMetadata().getUid().equals(annotations.get(POD_UID))) {
      return now;
    }
    try {
      Instant issued = Instant.parse(annotations.getOrDefault(ISSUED_AT, ""));
      Instant expires = Instant.parse(annotations.getOrDefault(EXPIRES_AT, ""));
      long validMillis = Duration.between(issued, expires).toMillis();
      return issued.plusMillis((long) (validMillis * REFRESH_FRACTION));
    } catch (DateTimeParseException e) {
      return now;
    }
  }

  /**
   * Requests a new token for {@code pod}'s service account, bound to the pod, and writes it into
   * the pod's token Secret in {@code remoteNamespace}, owned by {@code owner}.
   *
   * @return the Secret as stored
   */
  Secret issue(Pod pod, ShadowPod owner, String remoteNamespace) {
    String namespace = pod.getMetadata().getNamespace();
    String account =
        pod.getSpec().getServiceAccountName() != null
            ? pod.getSpec().getServiceAccountName()
            : "default";
    Instant issued = clock.instant();
    TokenRequest request =
        new TokenRequestBuilder()
            .withNewSpec()
            .withExpirationSeconds(lifetime.toSeconds())
            .withNewBoundObjectRef()
            .withApiVersion("v1")
            .withKind("Pod")
            .withName(pod.getMetadata().getName())
            .withUid(pod.getMetadata().getUid())
            .endBoundObjectRef()
            .endSpec()
            .build();
    TokenRequest granted =
        localClient
            .serviceAccounts()
            .inNamespace(namespace)
            .withName(account)
            .tokenRequest(request);
    String token = granted.getStatus().getToken();
    String expires = granted.getStatus().getExpirationTimestamp();
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName(secretName(pod.getMetadata().getName()))
            .withNamespace(remoteNamespace)
            .addToLabels(Labels.REFLECTION_ORIGIN, originClusterId)
            .addToLabels(Labels.REFLECTION_DESTINATION, destinationClusterId)
            .addToLabels(TOKEN_LABEL, Labels.TRUE)
            .addToAnnotations(Annotations.REFLECTION_SOURCE, pod.getMetadata().getName())
            .addToAnnotations(POD_UID, pod.getMetadata().getUid())
            .addToAnnotations(ISSUED_AT, issued.toString())
            .addToAnnotations(
                EXPIRES_AT, expires != null ? expires : issued.plus(lifetime).toString())
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion(HasMetadata.getApiVersion(ShadowPod.class))
                    .withKind(HasMetadata.getKind(ShadowPod.class))
                    .withName(owner.getMetadata().getName())
                    .withUid(owner.getMetadata().getUid())
                    .build())
            .endMetadata()
            .withType("Opaque")
            .addToData(TOKEN_KEY, base64(token))
            .addToData(NAMESPACE_KEY, base64(namespace))
            .build();
    Secret stored = ServerSideApply.apply(remoteClient, secret);
    lastIssued.put(remoteNamespace + "/" + secret.getMetadata().getName(), stored);
    return stored;
  }

  /**
   * The newer of {@code cached}, the token Secret of pod {@code podName} as an informer last saw
   * it, and the one this instance last wrote: an informer lags behind our own writes, and a lagging
   * cache must not cost a new token.
   */
  Secret latest(Secret cached, String remoteNamespace, String podName) {
    Secret written = lastIssued.get(remoteNamespace + "/" + secretName(podName));
    if (written == null) {
      return cached;
    }
    if (cached == null) {
      return written;
    }
    return issuedAt(written).isAfter(issuedAt(cached)) ? written : cached;
  }

  private static Instant issuedAt(Secret secret) {
    Map<String, String> annotations = secret.getMetadata().getAnnotations();
    String issued = annotations == null ? null : annotations.get(ISSUED_AT);
    if (issued == null) {
      return Instant.MIN;
    }
    try {
      return Instant.parse(issued);
    } catch (DateTimeParseException e) {
      return Instant.MIN;
    }
  }

  /** Forgets the Secret last written for pod {@code podName}, once it is deleted. */
  void forget(String remoteNamespace, String podName) {
    lastIssued.remove(remoteNamespace + "/" + secretName(podName));
  }

  private static String base64(String value) {
    return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
