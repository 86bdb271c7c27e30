package io.liqojava.core.authentication;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * What the authentication service of a provider answers to an {@link IdentityRequest}: who the
 * provider is, how to reach its API server, and the certificate that identifies the consumer there.
 * With the consumer's private key, this is a complete kubeconfig.
 *
 * @param clusterId the provider's cluster ID
 * @param clusterName the provider's cluster name
 * @param clusterLabels the provider's cluster labels, which its virtual node carries
 * @param apiServerUrl the URL of the provider's API server
 * @param apiServerCa the PEM CA certificate(s) that sign the provider API server's certificate
 * @param certificate the consumer's PEM client certificate ({@code CN=<consumer ID>, O=liqo.io})
 * @param tenantNamespace the consumer's tenant namespace in the provider, where it may work
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record IssuedIdentity(
    @JsonProperty("clusterID") String clusterId,
    @JsonProperty("clusterName") String clusterName,
    @JsonProperty("clusterLabels") Map<String, String> clusterLabels,
    @JsonProperty("apiServerUrl") String apiServerUrl,
    @JsonProperty("apiServerCA") String apiServerCa,
    @JsonProperty("certificate") String certificate,
    @JsonProperty("tenantNamespace") String tenantNamespace) {

  /** Normalises a missing label map to an empty, unmodifiable one. */
  public IssuedIdentity {
    clusterLabels = clusterLabels == null ? Map.of() : Map.copyOf(clusterLabels);
  }

  /** Names and URLs only: certificates are not printed. */
  @Override
  public String toString() {
    return "IssuedIdentity{clusterID="
        + clusterId
        + ", clusterName="
        + clusterName
        + ", apiServerUrl="
        + apiServerUrl
        + ", tenantNamespace="
        + tenantNamespace
        + "}";
  }
}
