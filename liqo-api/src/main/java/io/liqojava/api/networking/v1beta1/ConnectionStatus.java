package io.liqojava.api.networking.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** Observed state of a {@link Connection}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConnectionStatus {

  @JsonProperty("value")
  @JsonPropertyDescription("State of the tunnel.")
  private ConnectionState value;

  @JsonProperty("latency")
  @JsonPropertyDescription("Last measured latency towards the peer.")
  private ConnectionLatency latency;

  public ConnectionState getValue() {
    return value;
  }

  public void setValue(ConnectionState value) {
    this.value = value;
  }

  public ConnectionLatency getLatency() {
    return latency;
  }

  public void setLatency(ConnectionLatency latency) {
    this.latency = latency;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ConnectionStatus)) {
      return false;
    }
    ConnectionStatus that = (ConnectionStatus) o;
    return Objects.equals(value, that.value) && Objects.equals(latency, that.latency);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, latency);
  }

  @Override
  public String toString() {
    return "ConnectionStatus{" + "value=" + value + ", latency=" + latency + "}";
  }
}
