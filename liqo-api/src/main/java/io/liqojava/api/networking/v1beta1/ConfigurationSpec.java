package io.liqojava.api.networking.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Desired state of a {@link Configuration}: the network CIDRs of a pair of clusters. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConfigurationSpec {

  @JsonProperty("local")
  @JsonPropertyDescription("Network configuration of this cluster.")
  private ClusterConfig local;

  @JsonProperty("remote")
  @JsonPropertyDescription("Network configuration of the remote cluster.")
  private ClusterConfig remote;

  public ClusterConfig getLocal() {
    return local;
  }

  public void setLocal(ClusterConfig local) {
    this.local = local;
  }

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
    if (!(o instanceof ConfigurationSpec)) {
      return false;
    }
    ConfigurationSpec that = (ConfigurationSpec) o;
    return Objects.equals(local, that.local) && Objects.equals(remote, that.remote);
  }

  @Override
  public int hashCode() {
    return Objects.hash(local, remote);
  }

  @Override
  public String toString() {
    return "ConfigurationSpec{" + "local=" + local + ", remote=" + remote + "}";
  }
}
