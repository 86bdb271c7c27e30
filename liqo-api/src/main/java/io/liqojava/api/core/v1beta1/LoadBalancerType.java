package io.liqojava.api.core.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** A load balancer class offered by a provider cluster. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LoadBalancerType {

  @Required
  @JsonProperty("loadBalancerClassName")
  @JsonPropertyDescription("Name of the load balancer class.")
  private String loadBalancerClassName;

  @JsonProperty("default")
  @JsonPropertyDescription(
      "Whether this is the default load balancer class for offloaded workloads.")
  private Boolean defaultClass;

  public String getLoadBalancerClassName() {
    return loadBalancerClassName;
  }

  public void setLoadBalancerClassName(String loadBalancerClassName) {
    this.loadBalancerClassName = loadBalancerClassName;
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
    if (!(o instanceof LoadBalancerType)) {
      return false;
    }
    LoadBalancerType that = (LoadBalancerType) o;
    return Objects.equals(loadBalancerClassName, that.loadBalancerClassName)
        && Objects.equals(defaultClass, that.defaultClass);
  }

  @Override
  public int hashCode() {
    return Objects.hash(loadBalancerClassName, defaultClass);
  }

  @Override
  public String toString() {
    return "LoadBalancerType{"
        + "loadBalancerClassName="
        + loadBalancerClassName
        + ", defaultClass="
        + defaultClass
        + "}";
  }
}
