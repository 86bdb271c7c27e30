package io.liqojava.api.authentication.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import java.util.Arrays;
import java.util.Objects;

/**
 * Credentials issued by a provider cluster to a consumer: how to reach and authenticate with its
 * API server.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AuthParams {

  @SchemaFrom(type = String.class)
  @JsonProperty("ca")
  @JsonPropertyDescription("PEM-encoded certificate authority of the provider API server.")
  private byte[] ca;

  @SchemaFrom(type = String.class)
  @JsonProperty("signedCRT")
  @JsonPropertyDescription("PEM-encoded client certificate signed for the consumer.")
  private byte[] signedCRT;

  @JsonProperty("apiServer")
  @JsonPropertyDescription("URL of the provider API server.")
  private String apiServer;

  @JsonProperty("proxyURL")
  @JsonPropertyDescription("URL of a proxy to use to reach the provider API server.")
  private String proxyURL;

  public byte[] getCa() {
    return ca;
  }

  public void setCa(byte[] ca) {
    this.ca = ca;
  }

  public byte[] getSignedCRT() {
    return signedCRT;
  }

  public void setSignedCRT(byte[] signedCRT) {
    this.signedCRT = signedCRT;
  }

  public String getApiServer() {
    return apiServer;
  }

  public void setApiServer(String apiServer) {
    this.apiServer = apiServer;
  }

  public String getProxyURL() {
    return proxyURL;
  }

  public void setProxyURL(String proxyURL) {
    this.proxyURL = proxyURL;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof AuthParams)) {
      return false;
    }
    AuthParams that = (AuthParams) o;
    return Arrays.equals(ca, that.ca)
        && Arrays.equals(signedCRT, that.signedCRT)
        && Objects.equals(apiServer, that.apiServer)
        && Objects.equals(proxyURL, that.proxyURL);
  }

  @Override
  public int hashCode() {
    int result = Objects.hash(apiServer, proxyURL);
    result = 31 * result + Arrays.hashCode(ca);
    result = 31 * result + Arrays.hashCode(signedCRT);
    return result;
  }

  @Override
  public String toString() {
    return "AuthParams{"
        + "ca="
        + (ca == null ? "null" : ca.length + " bytes")
        + ", signedCRT="
        + (signedCRT == null ? "null" : signedCRT.length + " bytes")
        + ", apiServer="
        + apiServer
        + ", proxyURL="
        + proxyURL
        + "}";
  }
}
