package io.liqojava.api.core.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** An ingress class offered by a provider cluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class IngressType {

  @Required
  @JsonProperty("ingressClassName")
  @JsonPropertyDescription("Name of the ingress class.")
  private String ingressClassName;

  @JsonProperty("default")
  @JsonPropertyDescription("Whether this is the default ingress class for offloaded workloads.")
  private Boolean defaultClass;

  public String getIngressClassName() {
    return ingressClassName;
  }

  public void setIngressClassName(String ingressClassName) {
    this.ingressClassName = ingressClassName;
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
    if (!(o instanceof IngressType)) {
      return false;
    }
    IngressType that = (IngressType) o;
    return Objects.equals(ingressClassName, that.ingressClassName)
        && Objects.equals(defaultClass, that.defaultClass);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ingressClassName, defaultClass);
  }

  @Override
  public String toString() {
    return "IngressType{"
        + "ingressClassName="
        + ingressClassName
        + ", defaultClass="
        + defaultClass
        + "}";
  }
}
