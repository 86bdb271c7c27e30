package io.liqojava.api.offloading.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.kubernetes.api.model.ContainerImage;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.ResourceQuotaSpec;
import io.fabric8.kubernetes.api.model.Taint;
import io.liqojava.api.core.v1beta1.IngressType;
import io.liqojava.api.core.v1beta1.LoadBalancerType;
import io.liqojava.api.core.v1beta1.StorageType;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Desired state of a {@link VirtualNode}: the node that represents a provider cluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VirtualNodeSpec {

  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @JsonProperty("clusterID")
  @JsonPropertyDescription("Identifier of the provider cluster the virtual node targets.")
  private String clusterID;

  @JsonProperty("providerID")
  @JsonPropertyDescription(
      "Provider ID of the node, empty or <ProviderName>://<ProviderSpecificNodeID>.")
  private String providerID;

  @JsonProperty("offloadingPatch")
  @JsonPropertyDescription("Constraints added to pods offloaded through this virtual node.")
  private OffloadingPatch offloadingPatch;

  @JsonProperty("createNode")
  @JsonPropertyDescription(
      "Whether to create the Node object (false keeps only the reflection running).")
  private Boolean createNode;

  @JsonProperty("disableNetworkCheck")
  @JsonPropertyDescription("Whether to leave the network status out of the node conditions.")
  private Boolean disableNetworkCheck;

  @JsonProperty("kubeconfigSecretRef")
  @JsonPropertyDescription("Secret holding the kubeconfig to reach the provider cluster.")
  private LocalObjectReference kubeconfigSecretRef;

  @JsonProperty("images")
  @JsonPropertyDescription("Container images reported as present on the node.")
  private List<ContainerImage> images;

  @JsonProperty("resourceQuota")
  @JsonPropertyDescription("Resources assigned to the virtual node, reported as its capacity.")
  private ResourceQuotaSpec resourceQuota;

  @JsonProperty("labels")
  @JsonPropertyDescription("Labels added to the node.")
  private Map<String, String> labels;

  @JsonProperty("annotations")
  @JsonPropertyDescription("Annotations added to the node.")
  private Map<String, String> annotations;

  @JsonProperty("taints")
  @JsonPropertyDescription("Taints added to the node.")
  private List<Taint> taints;

  @JsonProperty("storageClasses")
  @JsonPropertyDescription("Storage classes offered by the provider cluster.")
  private List<StorageType> storageClasses;

  @JsonProperty("ingressClasses")
  @JsonPropertyDescription("Ingress classes offered by the provider cluster.")
  private List<IngressType> ingressClasses;

  @JsonProperty("loadBalancerClasses")
  @JsonPropertyDescription("Load balancer classes offered by the provider cluster.")
  private List<LoadBalancerType> loadBalancerClasses;

  public String getClusterID() {
    return clusterID;
  }

  public void setClusterID(String clusterID) {
    this.clusterID = clusterID;
  }

  public String getProviderID() {
    return providerID;
  }

  public void setProviderID(String providerID) {
    this.providerID = providerID;
  }

  public OffloadingPatch getOffloadingPatch() {
    return offloadingPatch;
  }

  public void setOffloadingPatch(OffloadingPatch offloadingPatch) {
    this.offloadingPatch = offloadingPatch;
  }

  public Boolean getCreateNode() {
    return createNode;
  }

  public void setCreateNode(Boolean createNode) {
    this.createNode = createNode;
  }

  public Boolean getDisableNetworkCheck() {
    return disableNetworkCheck;
  }

  public void setDisableNetworkCheck(Boolean disableNetworkCheck) {
    this.disableNetworkCheck = disableNetworkCheck;
  }

  public LocalObjectReference getKubeconfigSecretRef() {
    return kubeconfigSecretRef;
  }

  public void setKubeconfigSecretRef(LocalObjectReference kubeconfigSecretRef) {
    this.kubeconfigSecretRef = kubeconfigSecretRef;
  }

  public List<ContainerImage> getImages() {
    return images;
  }

  public void setImages(List<ContainerImage> images) {
    this.images = images;
  }

  public ResourceQuotaSpec getResourceQuota() {
    return resourceQuota;
  }

  public void setResourceQuota(ResourceQuotaSpec resourceQuota) {
    this.resourceQuota = resourceQuota;
  }

  public Map<String, String> getLabels() {
    return labels;
  }

  public void setLabels(Map<String, String> labels) {
    this.labels = labels;
  }

  public Map<String, String> getAnnotations() {
    return annotations;
  }

  public void setAnnotations(Map<String, String> annotations) {
    this.annotations = annotations;
  }

  public List<Taint> getTaints() {
    return taints;
  }

  public void setTaints(List<Taint> taints) {
    this.taints = taints;
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

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof VirtualNodeSpec)) {
      return false;
    }
    VirtualNodeSpec that = (VirtualNodeSpec) o;
    return Objects.equals(clusterID, that.clusterID)
        && Objects.equals(providerID, that.providerID)
        && Objects.equals(offloadingPatch, that.offloadingPatch)
        && Objects.equals(createNode, that.createNode)
        && Objects.equals(disableNetworkCheck, that.disableNetworkCheck)
        && Objects.equals(kubeconfigSecretRef, that.kubeconfigSecretRef)
        && Objects.equals(images, that.images)
        && Objects.equals(resourceQuota, that.resourceQuota)
        && Objects.equals(labels, that.labels)
        && Objects.equals(annotations, that.annotations)
        && Objects.equals(taints, that.taints)
        && Objects.equals(storageClasses, that.storageClasses)
        && Objects.equals(ingressClasses, that.ingressClasses)
        && Objects.equals(loadBalancerClasses, that.loadBalancerClasses);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        clusterID,
        providerID,
        offloadingPatch,
        createNode,
        disableNetworkCheck,
        kubeconfigSecretRef,
        images,
        resourceQuota,
        labels,
        annotations,
        taints,
        storageClasses,
        ingressClasses,
        loadBalancerClasses);
  }

  @Override
  public String toString() {
    return "VirtualNodeSpec{"
        + "clusterID="
        + clusterID
        + ", providerID="
        + providerID
        + ", offloadingPatch="
        + offloadingPatch
        + ", createNode="
        + createNode
        + ", disableNetworkCheck="
        + disableNetworkCheck
        + ", kubeconfigSecretRef="
        + kubeconfigSecretRef
        + ", images="
        + images
        + ", resourceQuota="
        + resourceQuota
        + ", labels="
        + labels
        + ", annotations="
        + annotations
        + ", taints="
        + taints
        + ", storageClasses="
        + storageClasses
        + ", ingressClasses="
        + ingressClasses
        + ", loadBalancerClasses="
        + loadBalancerClasses
        + "}";
  }
}
