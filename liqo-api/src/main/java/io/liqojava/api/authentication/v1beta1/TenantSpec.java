package io.liqojava.api.authentication.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import java.util.Arrays;
import java.util.Objects;

/** Desired state of a {@link Tenant}: the consumer cluster and the material it presented. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TenantSpec {

  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @JsonProperty("clusterID")
  @JsonPropertyDescription("Identifier of the consumer cluster.")
  private String clusterID;

  @Default("KeysExchange")
  @JsonProperty("authzPolicy")
  @JsonPropertyDescription("Policy used to authorize or reject the ResourceSlices of the consumer.")
  private AuthzPolicy authzPolicy;

  @SchemaFrom(type = String.class)
  @JsonProperty("publicKey")
  @JsonPropertyDescription("Public key of the consumer cluster.")
  private byte[] publicKey;

  @SchemaFrom(type = String.class)
  @JsonProperty("csr")
  @JsonPropertyDescription("PEM-encoded certificate signing request of the consumer cluster.")
  private byte[] csr;

  @SchemaFrom(type = String.class)
  @JsonProperty("signature")
  @JsonPropertyDescription(
      "Nonce signed by the consumer cluster, proving possession of its private key.")
  private byte[] signature;

  @JsonProperty("proxyURL")
  @JsonPropertyDescription("URL of the proxy the consumer uses to reach this cluster.")
  private String proxyURL;

  @Default("Active")
  @JsonProperty("tenantCondition")
  @JsonPropertyDescription("Whether the consumer may consume and negotiate resources.")
  private TenantCondition tenantCondition;

  public String getClusterID() {
    return clusterID;
  }

  public void setClusterID(String clusterID) {
    this.clusterID = clusterID;
  }

  public AuthzPolicy getAuthzPolicy() {
    return authzPolicy;
  }

  public void setAuthzPolicy(AuthzPolicy authzPolicy) {
    this.authzPolicy = authzPolicy;
  }

  public byte[] getPublicKey() {
    return publicKey;
  }

  public void setPublicKey(byte[] publicKey) {
    this.publicKey = publicKey;
  }

  public byte[] getCsr() {
    return csr;
  }

  public void setCsr(byte[] csr) {
    this.csr = csr;
  }

  public byte[] getSignature() {
    return signature;
  }

  public void setSignature(byte[] signature) {
    this.signature = signature;
  }

  public String getProxyURL() {
    return proxyURL;
  }

  public void setProxyURL(String proxyURL) {
    this.proxyURL = proxyURL;
  }

  public TenantCondition getTenantCondition() {
    return tenantCondition;
  }

  public void setTenantCondition(TenantCondition tenantCondition) {
    this.tenantCondition = tenantCondition;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TenantSpec)) {
      return false;
    }
    TenantSpec that = (TenantSpec) o;
    return Objects.equals(clusterID, that.clusterID)
        && Objects.equals(authzPolicy, that.authzPolicy)
        && Arrays.equals(publicKey, that.publicKey)
        && Arrays.equals(csr, that.csr)
        && Arrays.equals(signature, that.signature)
        && Objects.equals(proxyURL, that.proxyURL)
        && Objects.equals(tenantCondition, that.tenantCondition);
  }

  @Override
  public int hashCode() {
    int result = Objects.hash(clusterID, authzPolicy, proxyURL, tenantCondition);
    result = 31 * result + Arrays.hashCode(publicKey);
    result = 31 * result + Arrays.hashCode(csr);
    result = 31 * result + Arrays.hashCode(signature);
    return result;
  }

  @Override
  public String toString() {
    return "TenantSpec{"
        + "clusterID="
        + clusterID
        + ", authzPolicy="
        + authzPolicy
        + ", publicKey="
        + (publicKey == null ? "null" : publicKey.length + " bytes")
        + ", csr="
        + (csr == null ? "null" : csr.length + " bytes")
        + ", signature="
        + (signature == null ? "null" : signature.length + " bytes")
        + ", proxyURL="
        + proxyURL
        + ", tenantCondition="
        + tenantCondition
        + "}";
  }
}
