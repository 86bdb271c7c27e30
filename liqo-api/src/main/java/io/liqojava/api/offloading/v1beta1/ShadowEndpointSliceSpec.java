package io.liqojava.api.offloading.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Desired state of a {@link ShadowEndpointSlice}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ShadowEndpointSliceSpec {

  @JsonProperty("template")
  @JsonPropertyDescription("Content of the EndpointSlice to maintain.")
  private EndpointSliceTemplate template;

  public EndpointSliceTemplate getTemplate() {
    return template;
  }

  public void setTemplate(EndpointSliceTemplate template) {
    this.template = template;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ShadowEndpointSliceSpec)) {
      return false;
    }
    ShadowEndpointSliceSpec that = (ShadowEndpointSliceSpec) o;
    return Objects.equals(template, that.template);
  }

  @Override
  public int hashCode() {
    return Objects.hash(template);
  }

  @Override
  public String toString() {
    return "ShadowEndpointSliceSpec{" + "template=" + template + "}";
  }
}
