package io.liqojava.api.core.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** The pair of namespaces, one per cluster, that host the resources of a peering. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class TenantNamespace {

  @JsonProperty("local")
  @JsonPropertyDescription("Name of the tenant namespace in this cluster.")
  private String local;

  @JsonProperty("remote")
  @JsonPropertyDescription("Name of the tenant namespace in the remote cluster.")
  private String remote;

  public String getLocal() {
    return local;
  }

  public void setLocal(String local) {
    this.local = local;
  }

  public String getRemote() {
    return remote;
  }

  public void setRemote(String remote) {
    this.remote = remote;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TenantNamespace)) {
      return false;
    }
    TenantNamespace that = (TenantNamespace) o;
    return Objects.equals(local, that.local) && Objects.equals(remote, that.remote);
  }

  @Override
  public int hashCode() {
    return Objects.hash(local, remote);
  }

  @Override
  public String toString() {
    return "TenantNamespace{" + "local=" + local + ", remote=" + remote + "}";
  }
}
