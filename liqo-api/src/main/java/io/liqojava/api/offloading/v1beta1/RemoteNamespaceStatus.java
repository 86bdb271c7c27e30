package io.liqojava.api.offloading.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** State of one remote namespace listed in a {@link NamespaceMapStatus}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RemoteNamespaceStatus {

  @JsonProperty("remoteNamespace")
  @JsonPropertyDescription("Name of the remote namespace.")
  private String remoteNamespace;

  @JsonProperty("phase")
  @JsonPropertyDescription("Whether the remote namespace exists.")
  private MappingPhase phase;

  @JsonProperty("message")
  @JsonPropertyDescription(
      "Why the remote namespace is not accepted, and how to fix it; absent once accepted.")
  private String message;

  public String getRemoteNamespace() {
    return remoteNamespace;
  }

  public void setRemoteNamespace(String remoteNamespace) {
    this.remoteNamespace = remoteNamespace;
  }

  public MappingPhase getPhase() {
    return phase;
  }

  public void setPhase(MappingPhase phase) {
    this.phase = phase;
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
    if (!(o instanceof RemoteNamespaceStatus)) {
      return false;
    }
    RemoteNamespaceStatus that = (RemoteNamespaceStatus) o;
    return Objects.equals(remoteNamespace, that.remoteNamespace)
        && Objects.equals(phase, that.phase)
        && Objects.equals(message, that.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(remoteNamespace, phase, message);
  }

  @Override
  public String toString() {
    return "RemoteNamespaceStatus{"
        + "remoteNamespace="
        + remoteNamespace
        + ", phase="
        + phase
        + ", message="
        + message
        + "}";
  }
}
