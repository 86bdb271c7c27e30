package io.liqojava.api.networking.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/** A latency measurement of a {@link Connection}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConnectionLatency {

  @JsonProperty("value")
  @JsonPropertyDescription("Measured latency, as a duration (e.g. 1.2ms).")
  private String value;

  @JsonProperty("timestamp")
  @JsonPropertyDescription("Time (RFC 3339) of the measurement.")
  private String timestamp;

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public String getTimestamp() {
    return timestamp;
  }

  public void setTimestamp(String timestamp) {
    this.timestamp = timestamp;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ConnectionLatency)) {
      return false;
    }
    ConnectionLatency that = (ConnectionLatency) o;
    return Objects.equals(value, that.value) && Objects.equals(timestamp, that.timestamp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, timestamp);
  }

  @Override
  public String toString() {
    return "ConnectionLatency{" + "value=" + value + ", timestamp=" + timestamp + "}";
  }
}
