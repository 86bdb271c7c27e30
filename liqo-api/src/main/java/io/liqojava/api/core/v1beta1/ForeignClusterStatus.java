package io.liqojava.api.core.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import java.util.List;
import java.util.Objects;

/** Observed state of a {@link ForeignCluster}: role, peering conditions and tenant namespaces. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ForeignClusterStatus {

  @Default("Unknown")
  @JsonProperty("role")
  @JsonPropertyDescription("Role of the remote cluster with respect to this one.")
  private ForeignClusterRole role;

  @JsonProperty("peeringConditions")
  @JsonPropertyDescription(
      "Conditions of the peering with the remote cluster, at most one per type.")
  private List<PeeringCondition> peeringConditions;

  @JsonProperty("tenantNamespace")
  @JsonPropertyDescription(
      "Names of the tenant namespaces that host the resources of this peering.")
  private TenantNamespace tenantNamespace;

  @JsonProperty("apiServerUrl")
  @JsonPropertyDescription("URL of the API server of the remote cluster.")
  private String apiServerUrl;

  public ForeignClusterRole getRole() {
    return role;
  }

  public void setRole(ForeignClusterRole role) {
    this.role = role;
  }

  public List<PeeringCondition> getPeeringConditions() {
    return peeringConditions;
  }

  public void setPeeringConditions(List<PeeringCondition> peeringConditions) {
    this.peeringConditions = peeringConditions;
  }

  public TenantNamespace getTenantNamespace() {
    return tenantNamespace;
  }

  public void setTenantNamespace(TenantNamespace tenantNamespace) {
    this.tenantNamespace = tenantNamespace;
  }

  public String getApiServerUrl() {
    return apiServerUrl;
  }

  public void setApiServerUrl(String apiServerUrl) {
    this.apiServerUrl = apiServerUrl;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ForeignClusterStatus)) {
      return false;
    }
    ForeignClusterStatus that = (ForeignClusterStatus) o;
    return Objects.equals(role, that.role)
        && Objects.equals(peeringConditions, that.peeringConditions)
        && Objects.equals(tenantNamespace, that.tenantNamespace)
        && Objects.equals(apiServerUrl, that.apiServerUrl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(role, peeringConditions, tenantNamespace, apiServerUrl);
  }

  @Override
  public String toString() {
    return "ForeignClusterStatus{"
        + "role="
        + role
        + ", peeringConditions="
        + peeringConditions
        + ", tenantNamespace="
        + tenantNamespace
        + ", apiServerUrl="
        + apiServerUrl
        + "}";
  }
}
