package io.liqojava.api.authentication.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import java.util.Objects;

/** Desired state of an {@link Identity}: credentials to operate in a provider cluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IdentitySpec {

  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @JsonProperty("clusterID")
  @JsonPropertyDescription("Identifier of the provider cluster.")
  private String clusterID;

  @JsonProperty("type")
  @JsonPropertyDescription("What the identity is used for.")
  private IdentityType type;

  @JsonProperty("authParams")
  @JsonPropertyDescription("Credentials issued by the provider cluster.")
  private AuthParams authParams;

  @JsonProperty("namespace")
  @JsonPropertyDescription("Namespace of the provider cluster the identity operates in.")
  private String namespace;

  public String getClusterID() {
    return clusterID;
  }

  public void setClusterID(String clusterID) {
    this.clusterID = clusterID;
  }

  public IdentityType getType() {
    return type;
  }

  public void setType(IdentityType type) {
    this.type = type;
  }

  public AuthParams getAuthParams() {
    return authParams;
  }

  public void setAuthParams(AuthParams authParams) {
    this.authParams = authParams;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof IdentitySpec)) {
      return false;
    }
    IdentitySpec that = (IdentitySpec) o;
    return Objects.equals(clusterID, that.clusterID)
        && Objects.equals(type, that.type)
        && Objects.equals(authParams, that.authParams)
        && Objects.equals(namespace, that.namespace);
  }

  @Override
  public int hashCode() {
    return Objects.hash(clusterID, type, authParams, namespace);
  }

  @Override
  public String toString() {
    return "IdentitySpec{"
        + "clusterID="
        + clusterID
        + ", type="
        + type
        + ", authParams="
        + authParams
        + ", namespace="
        + namespace
        + "}";
  }
}
