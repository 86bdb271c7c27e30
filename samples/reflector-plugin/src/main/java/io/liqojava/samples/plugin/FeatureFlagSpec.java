package io.liqojava.samples.plugin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/**
 * Desired state of a {@link FeatureFlag}.
 *
 * <p>The CRD accepts any integer as {@code rolloutPercent}: checking that it lies between 0 and 100
 * is left to the reflector, so that the sample can show how a reflector turns down an object it
 * cannot reflect.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FeatureFlagSpec {

  @JsonProperty("enabled")
  @JsonPropertyDescription("Whether the feature is on.")
  private boolean enabled;

  @JsonProperty("rolloutPercent")
  @JsonPropertyDescription("The share of users, from 0 to 100, who get the feature when it is on.")
  private int rolloutPercent;

  @JsonProperty("description")
  @JsonPropertyDescription("What the feature is, for people.")
  private String description;

  /** A flag that is off, for nobody, without description. */
  public FeatureFlagSpec() {}

  /** A flag with the given fields. */
  public FeatureFlagSpec(boolean enabled, int rolloutPercent, String description) {
    this.enabled = enabled;
    this.rolloutPercent = rolloutPercent;
    this.description = description;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public int getRolloutPercent() {
    return rolloutPercent;
  }

  public void setRolloutPercent(int rolloutPercent) {
    this.rolloutPercent = rolloutPercent;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof FeatureFlagSpec)) {
      return false;
    }
    FeatureFlagSpec that = (FeatureFlagSpec) o;
    return enabled == that.enabled
        && rolloutPercent == that.rolloutPercent
        && Objects.equals(description, that.description);
  }

  @Override
  public int hashCode() {
    return Objects.hash(enabled, rolloutPercent, description);
  }

  @Override
  public String toString() {
    return "FeatureFlagSpec{enabled="
        + enabled
        + ", rolloutPercent="
        + rolloutPercent
        + ", description="
        + description
        + "}";
  }
}
