package io.liqojava.api.offloading.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;
import java.util.Objects;

/** Desired state of a {@link NamespaceMap}: the namespaces to create in one provider. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NamespaceMapSpec {

  @JsonProperty("desiredMapping")
  @JsonPropertyDescription("Remote namespace name, by local namespace name.")
  private Map<String, String> desiredMapping;

  public Map<String, String> getDesiredMapping() {
    return desiredMapping;
  }

  public void setDesiredMapping(Map<String, String> desiredMapping) {
    this.desiredMapping = desiredMapping;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof NamespaceMapSpec)) {
      return false;
    }
    NamespaceMapSpec that = (NamespaceMapSpec) o;
    return Objects.equals(desiredMapping, that.desiredMapping);
  }

  @Override
  public int hashCode() {
    return Objects.hash(desiredMapping);
  }

  @Override
  public String toString() {
    return "NamespaceMapSpec{" + "desiredMapping=" + desiredMapping + "}";
  }
}
