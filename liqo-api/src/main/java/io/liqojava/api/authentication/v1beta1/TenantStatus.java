package io.liqojava.api.authentication.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Observed state of a {@link Tenant}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TenantStatus {

  @JsonProperty("tenantNamespace")
  @JsonPropertyDescription("Namespace of this cluster dedicated to the consumer.")
  private String tenantNamespace;

  @JsonProperty("authParams")
  @JsonPropertyDescription("Credentials issued to the consumer cluster.")
  private AuthParams authParams;

  public String getTenantNamespace() {
    return tenantNamespace;
  }

  public void setTenantNamespace(String tenantNamespace) {
    this.tenantNamespace = tenantNamespace;
  }

  public AuthParams getAuthParams() {
    return authParams;
  }

  public void setAuthParams(AuthParams authParams) {
    this.authParams = authParams;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TenantStatus)) {
      return false;
    }
    TenantStatus that = (TenantStatus) o;
    return Objects.equals(tenantNamespace, that.tenantNamespace)
        && Objects.equals(authParams, that.authParams);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenantNamespace, authParams);
  }

  @Override
  public String toString() {
    return "TenantStatus{"
        + "tenantNamespace="
        + tenantNamespace
        + ", authParams="
        + authParams
        + "}";
  }
}
