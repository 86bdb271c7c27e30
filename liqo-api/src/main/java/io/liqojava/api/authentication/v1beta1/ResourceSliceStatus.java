package io.liqojava.api.authentication.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Quantity;
import io.liqojava.api.core.v1beta1.IngressType;
import io.liqojava.api.core.v1beta1.LoadBalancerType;
import io.liqojava.api.core.v1beta1.StorageType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Observed state of a {@link ResourceSlice}: what the provider granted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResourceSliceStatus {

  @JsonProperty("conditions")
  @JsonPropertyDescription("Outcome of authentication and resource negotiation.")
  private List<ResourceSliceCondition> conditions;

  @JsonProperty("resources")
  @JsonPropertyDescription("Granted amount of each resource.")
  private Map<String, Quantity> resources;

  @JsonProperty("authParams")
  @JsonPropertyDescription("Credentials for the identity bound to this slice.")
  private AuthParams authParams;

  @JsonProperty("storageClasses")
  @JsonPropertyDescription("Storage classes offered by the provider.")
  private List<StorageType> storageClasses;

  @JsonProperty("ingressClasses")
  @JsonPropertyDescription("Ingress classes offered by the provider.")
  private List<IngressType> ingressClasses;

  @JsonProperty("loadBalancerClasses")
  @JsonPropertyDescription("Load balancer classes offered by the provider.")
  private List<LoadBalancerType> loadBalancerClasses;

  @JsonProperty("nodeLabels")
  @JsonPropertyDescription("Labels the provider suggests for the virtual node.")
  private Map<String, String> nodeLabels;

  @JsonProperty("nodeSelector")
  @JsonPropertyDescription("Node selector the provider applies to offloaded pods.")
  private Map<String, String> nodeSelector;

  public List<ResourceSliceCondition> getConditions() {
    return conditions;
  }

  public void setConditions(List<ResourceSliceCondition> conditions) {
    this.conditions = conditions;
  }

  public Map<String, Quantity> getResources() {
    return resources;
  }

  public void setResources(Map<String, Quantity> resources) {
    this.resources = resources;
  }

  public AuthParams getAuthParams() {
    return authParams;
  }

  public void setAuthParams(AuthParams authParams) {
    this.authParams = authParams;
  }

  public List<StorageType> getStorageClasses() {
    return storageClasses;
  }

  public void setStorageClasses(List<StorageType> storageClasses) {
    this.storageClasses = storageClasses;
  }

  public List<IngressType> getIngressClasses() {
    return ingressClasses;
  }

  public void setIngressClasses(List<IngressType> ingressClasses) {
    this.ingressClasses = ingressClasses;
  }

  public List<LoadBalancerType> getLoadBalancerClasses() {
    return loadBalancerClasses;
  }

  public void setLoadBalancerClasses(List<LoadBalancerType> loadBalancerClasses) {
    this.loadBalancerClasses = loadBalancerClasses;
  }

  public Map<String, String> getNodeLabels() {
    return nodeLabels;
  }

  public void setNodeLabels(Map<String, String> nodeLabels) {
    this.nodeLabels = nodeLabels;
  }

  public Map<String, String> getNodeSelector() {
    return nodeSelector;
  }

  public void setNodeSelector(Map<String, String> nodeSelector) {
    this.nodeSelector = nodeSelector;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ResourceSliceStatus)) {
      return false;
    }
    ResourceSliceStatus that = (ResourceSliceStatus) o;
    return Objects.equals(conditions, that.conditions)
        && Objects.equals(resources, that.resources)
        && Objects.equals(authParams, that.authParams)
        && Objects.equals(storageClasses, that.storageClasses)
        && Objects.equals(ingressClasses, that.ingressClasses)
        && Objects.equals(loadBalancerClasses, that.loadBalancerClasses)
        && Objects.equals(nodeLabels, that.nodeLabels)
        && Objects.equals(nodeSelector, that.nodeSelector);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        conditions,
        resources,
        authParams,
        storageClasses,
        ingressClasses,
        loadBalancerClasses,
        nodeLabels,
        nodeSelector);
  }

  @Override
  public String toString() {
    return "ResourceSliceStatus{"
        + "conditions="
        + conditions
        + ", resources="
        + resources
        + ", authParams="
        + authParams
        + ", storageClasses="
        + storageClasses
        + ", ingressClasses="
        + ingressClasses
        + ", loadBalancerClasses="
        + loadBalancerClasses
        + ", nodeLabels="
        + nodeLabels
        + ", nodeSelector="
        + nodeSelector
        + "}";
  }
}
