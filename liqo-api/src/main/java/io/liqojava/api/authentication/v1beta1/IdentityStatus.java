package io.liqojava.api.authentication.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import java.util.Objects;

/** Observed state of an {@link Identity}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IdentityStatus {

  @JsonProperty("kubeconfigSecretRef")
  @JsonPropertyDescription("Secret holding the kubeconfig built from this identity.")
  private LocalObjectReference kubeconfigSecretRef;

  public LocalObjectReference getKubeconfigSecretRef() {
    return kubeconfigSecretRef;
  }

  public void setKubeconfigSecretRef(LocalObjectReference kubeconfigSecretRef) {
    this.kubeconfigSecretRef = kubeconfigSecretRef;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof IdentityStatus)) {
      return false;
    }
    IdentityStatus that = (IdentityStatus) o;
    return Objects.equals(kubeconfigSecretRef, that.kubeconfigSecretRef);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kubeconfigSecretRef);
  }

  @Override
  public String toString() {
    return "IdentityStatus{" + "kubeconfigSecretRef=" + kubeconfigSecretRef + "}";
  }
}
