package io.liqojava.api.offloading.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;
import java.util.Objects;

/** Observed state of a {@link NamespaceMap}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NamespaceMapStatus {

  @JsonProperty("currentMapping")
  @JsonPropertyDescription("State of each remote namespace, by local namespace name.")
  private Map<String, RemoteNamespaceStatus> currentMapping;

  public Map<String, RemoteNamespaceStatus> getCurrentMapping() {
    return currentMapping;
  }

  public void setCurrentMapping(Map<String, RemoteNamespaceStatus> currentMapping) {
    this.currentMapping = currentMapping;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof NamespaceMapStatus)) {
      return false;
    }
    NamespaceMapStatus that = (NamespaceMapStatus) o;
    return Objects.equals(currentMapping, that.currentMapping);
  }

  @Override
  public int hashCode() {
    return Objects.hash(currentMapping);
  }

  @Override
  public String toString() {
    return "NamespaceMapStatus{" + "currentMapping=" + currentMapping + "}";
  }
}
