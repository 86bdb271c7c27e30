package io.liqojava.api.networking.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Observed state of a {@link Configuration}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConfigurationStatus {

  @JsonProperty("remote")
  @JsonPropertyDescription(
      "Remote configuration after remapping: how this cluster sees the remote one.")
  private ClusterConfig remote;

  public ClusterConfig getRemote() {
    return remote;
  }

  public void setRemote(ClusterConfig remote) {
    this.remote = remote;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ConfigurationStatus)) {
      return false;
    }
    ConfigurationStatus that = (ConfigurationStatus) o;
    return Objects.equals(remote, that.remote);
  }

  @Override
  public int hashCode() {
    return Objects.hash(remote);
  }

  @Override
  public String toString() {
    return "ConfigurationStatus{" + "remote=" + remote + "}";
  }
}
