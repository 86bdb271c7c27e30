package io.liqojava.api.authentication.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/** Desired state of a {@link ResourceSlice}: the resources a consumer asks a provider for. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResourceSliceSpec {

  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @JsonProperty("consumerClusterID")
  @JsonPropertyDescription("Identifier of the consumer cluster.")
  private String consumerClusterID;

  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @JsonProperty("providerClusterID")
  @JsonPropertyDescription("Identifier of the provider cluster.")
  private String providerClusterID;

  @JsonProperty("resources")
  @JsonPropertyDescription("Requested amount of each resource (e.g. cpu, memory, pods).")
  private Map<String, Quantity> resources;

  @JsonProperty("class")
  @JsonPropertyDescription(
      "Class of the slice, selecting the provider logic that handles it (e.g. default).")
  private String sliceClass;

  @SchemaFrom(type = String.class)
  @JsonProperty("csr")
  @JsonPropertyDescription(
      "PEM-encoded certificate signing request of the consumer, for the identity bound to this slice.")
  private byte[] csr;

  public String getConsumerClusterID() {
    return consumerClusterID;
  }

  public void setConsumerClusterID(String consumerClusterID) {
    this.consumerClusterID = consumerClusterID;
  }

  public String getProviderClusterID() {
    return providerClusterID;
  }

  public void setProviderClusterID(String providerClusterID) {
    this.providerClusterID = providerClusterID;
  }

  public Map<String, Quantity> getResources() {
    return resources;
  }

  public void setResources(Map<String, Quantity> resources) {
    this.resources = resources;
  }

  public String getSliceClass() {
    return sliceClass;
  }

  public void setSliceClass(String sliceClass) {
    this.sliceClass = sliceClass;
  }

  public byte[] getCsr() {
    return csr;
  }

  public void setCsr(byte[] csr) {
    this.csr = csr;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ResourceSliceSpec)) {
      return false;
    }
    ResourceSliceSpec that = (ResourceSliceSpec) o;
    return Objects.equals(consumerClusterID, that.consumerClusterID)
        && Objects.equals(providerClusterID, that.providerClusterID)
        && Objects.equals(resources, that.resources)
        && Objects.equals(sliceClass, that.sliceClass)
        && Arrays.equals(csr, that.csr);
  }

  @Override
  public int hashCode() {
    int result = Objects.hash(consumerClusterID, providerClusterID, resources, sliceClass);
    result = 31 * result + Arrays.hashCode(csr);
    return result;
  }

  @Override
  public String toString() {
    return "ResourceSliceSpec{"
        + "consumerClusterID="
        + consumerClusterID
        + ", providerClusterID="
        + providerClusterID
        + ", resources="
        + resources
        + ", sliceClass="
        + sliceClass
        + ", csr="
        + (csr == null ? "null" : csr.length + " bytes")
        + "}";
  }
}
