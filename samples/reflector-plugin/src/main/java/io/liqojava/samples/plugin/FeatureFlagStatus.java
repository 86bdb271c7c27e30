package io.liqojava.samples.plugin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/**
 * Observed state of a {@link FeatureFlag}, written through the status subresource by whatever acts
 * on the flag in its cluster. Each cluster observes its own flags, so the status is never
 * reflected.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FeatureFlagStatus {

  @JsonProperty("observedGeneration")
  @JsonPropertyDescription(
      "The metadata.generation of the spec last applied by the flag's readers.")
  private Long observedGeneration;

  /** A status that has observed nothing yet. */
  public FeatureFlagStatus() {}

  /** A status that has observed the spec of generation {@code observedGeneration}. */
  public FeatureFlagStatus(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof FeatureFlagStatus)) {
      return false;
    }
    return Objects.equals(observedGeneration, ((FeatureFlagStatus) o).observedGeneration);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(observedGeneration);
  }

  @Override
  public String toString() {
    return "FeatureFlagStatus{observedGeneration=" + observedGeneration + "}";
  }
}
