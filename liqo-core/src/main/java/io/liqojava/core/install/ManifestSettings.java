package io.liqojava.core.install;

import io.liqojava.api.identity.ClusterIdentity;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@link InstallManifests#render} renders: the cluster identity (or none, to keep an installed
 * cluster's), the API server URL given to peers, the agent image and how the authentication service
 * is exposed.
 *
 * <pre>{@code
 * ManifestSettings settings =
 *     ManifestSettings.builder()
 *         .identity(ClusterIdentityStore.newIdentity("rome", Map.of()))
 *         .apiServerUrl("https://rome.example.com:6443")
 *         .authServiceType(AuthServiceType.NODE_PORT)
 *         .build();
 * }</pre>
 */
@Value.Immutable
public abstract class ManifestSettings {

  ManifestSettings() {}

  /** A builder; {@link #apiServerUrl()} is required. */
  public static ImmutableManifestSettings.Builder builder() {
    return ImmutableManifestSettings.builder();
  }

  /**
   * The cluster identity to install, with a new authentication token. Empty to render neither the
   * identity ConfigMap nor the token Secret, so that applying the manifests to an installed cluster
   * keeps its cluster ID and token.
   */
  public abstract Optional<ClusterIdentity> identity();

  /**
   * The URL of this cluster's API server as peers reach it, given to consumers in the identities
   * the agent issues; {@code https}.
   */
  public abstract String apiServerUrl();

  /** The agent's container image. Default {@link InstallManifests#defaultAgentImage()}. */
  @Value.Default
  public String agentImage() {
    return InstallManifests.defaultAgentImage();
  }

  /** The type of the authentication service's Service. Default LoadBalancer. */
  @Value.Default
  public AuthServiceType authServiceType() {
    return AuthServiceType.LOAD_BALANCER;
  }

  /**
   * The URL peers reach the authentication service at, when the agent must not take it from its
   * Service (an Ingress, a DNS name in front of the load balancer); {@code https}.
   */
  public abstract Optional<String> authAdvertisedUrl();

  @Value.Check
  void check() {
    checkHttpsUrl("the API server URL", apiServerUrl());
    authAdvertisedUrl().ifPresent(url -> checkHttpsUrl("the authentication service URL", url));
    if (agentImage().isBlank() || agentImage().chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "the agent image '"
              + agentImage()
              + "' is not valid: use an image reference such as "
              + InstallManifests.defaultAgentImage());
    }
  }

  /**
   * Checks that {@code value} is an {@code https} URL with a host and no path, query or fragment.
   *
   * @param what what the URL is, for the message ("the API server URL")
   * @throws IllegalArgumentException saying what a valid value looks like
   */
  public static void checkHttpsUrl(String what, String value) {
    String fix = ": use https://HOST[:PORT], for example https://rome.example.com:6443";
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException(what + " '" + value + "' is not a URL" + fix, e);
    }
    if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException(what + " '" + value + "' is not valid" + fix);
    }
    if ((uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/"))
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          what + " '" + value + "' must have no path, query or credentials" + fix);
    }
  }
}
