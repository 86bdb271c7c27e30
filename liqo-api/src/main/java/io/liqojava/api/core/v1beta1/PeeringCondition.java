package io.liqojava.api.core.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/**
 * One aspect of the state of a peering, as listed in {@link
 * ForeignClusterStatus#getPeeringConditions()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PeeringCondition {

  @Required
  @JsonProperty("type")
  @JsonPropertyDescription("Type of the condition.")
  private PeeringConditionType type;

  @Required
  @Default("None")
  @JsonProperty("status")
  @JsonPropertyDescription("Status of the condition.")
  private PeeringConditionStatus status;

  @JsonProperty("lastTransitionTime")
  @JsonPropertyDescription(
      "Time (RFC 3339) when the condition last transitioned from one status to another.")
  private String lastTransitionTime;

  @JsonProperty("reason")
  @JsonPropertyDescription(
      "Machine-readable, UpperCamelCase reason for the condition's last transition.")
  private String reason;

  @JsonProperty("message")
  @JsonPropertyDescription("Human-readable message with details about the last transition.")
  private String message;

  public PeeringConditionType getType() {
    return type;
  }

  public void setType(PeeringConditionType type) {
    this.type = type;
  }

  public PeeringConditionStatus getStatus() {
    return status;
  }

  public void setStatus(PeeringConditionStatus status) {
    this.status = status;
  }

  public String getLastTransitionTime() {
    return lastTransitionTime;
  }

  public void setLastTransitionTime(String lastTransitionTime) {
    this.lastTransitionTime = lastTransitionTime;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PeeringCondition)) {
      return false;
    }
    PeeringCondition that = (PeeringCondition) o;
    return Objects.equals(type, that.type)
        && Objects.equals(status, that.status)
        && Objects.equals(lastTransitionTime, that.lastTransitionTime)
        && Objects.equals(reason, that.reason)
        && Objects.equals(message, that.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, status, lastTransitionTime, reason, message);
  }

  @Override
  public String toString() {
    return "PeeringCondition{"
        + "type="
        + type
        + ", status="
        + status
        + ", lastTransitionTime="
        + lastTransitionTime
        + ", reason="
        + reason
        + ", message="
        + message
        + "}";
  }
}
