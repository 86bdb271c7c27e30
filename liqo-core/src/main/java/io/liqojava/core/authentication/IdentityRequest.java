package io.liqojava.core.authentication;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a consumer cluster sends to the authentication service of a provider ({@code POST
 * /identity}) to obtain an identity there.
 *
 * @param clusterId the consumer's cluster ID; the common name of the CSR
 * @param clusterName the consumer's cluster name; names the provider's ForeignCluster for it
 * @param token the provider's auth token, or a token the provider minted for this consumer; {@code
 *     null} only for kubeconfig-driven peering, which calls {@link IdentityIssuer} directly
 * @param csr a PEM certificate signing request for {@code CN=<clusterId>, O=liqo.io}
 * @param authUrl the consumer's own authentication service URL, if it has one (lets the provider
 *     peer back); may be {@code null}
 * @param peeringToken a token the consumer minted for the provider, for peering back; may be {@code
 *     null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record IdentityRequest(
    @JsonProperty("clusterID") String clusterId,
    @JsonProperty("clusterName") String clusterName,
    @JsonProperty("token") String token,
    @JsonProperty("csr") String csr,
    @JsonProperty("authUrl") String authUrl,
    @JsonProperty("peeringToken") String peeringToken) {

  /** The same request without its token, as handed to the issuer once the token was checked. */
  public IdentityRequest withoutToken() {
    return new IdentityRequest(clusterId, clusterName, null, csr, authUrl, peeringToken);
  }

  /** Names and URLs only: tokens and the CSR are never printed. */
  @Override
  public String toString() {
    return "IdentityRequest{clusterID="
        + clusterId
        + ", clusterName="
        + clusterName
        + ", authUrl="
        + authUrl
        + ", token="
        + (token == null ? "none" : "<redacted>")
        + ", peeringToken="
        + (peeringToken == null ? "none" : "<redacted>")
        + "}";
  }
}
