package io.liqojava.api.core.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** A storage class offered by a provider cluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class StorageType {

  @Required
  @JsonProperty("storageClassName")
  @JsonPropertyDescription("Name of the storage class.")
  private String storageClassName;

  @JsonProperty("default")
  @JsonPropertyDescription("Whether this is the default storage class for offloaded workloads.")
  private Boolean defaultClass;

  public String getStorageClassName() {
    return storageClassName;
  }

  public void setStorageClassName(String storageClassName) {
    this.storageClassName = storageClassName;
  }

  public Boolean getDefaultClass() {
    return defaultClass;
  }

  public void setDefaultClass(Boolean defaultClass) {
    this.defaultClass = defaultClass;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof StorageType)) {
      return false;
    }
    StorageType that = (StorageType) o;
    return Objects.equals(storageClassName, that.storageClassName)
        && Objects.equals(defaultClass, that.defaultClass);
  }

  @Override
  public int hashCode() {
    return Objects.hash(storageClassName, defaultClass);
  }

  @Override
  public String toString() {
    return "StorageType{"
        + "storageClassName="
        + storageClassName
        + ", defaultClass="
        + defaultClass
        + "}";
  }
}
