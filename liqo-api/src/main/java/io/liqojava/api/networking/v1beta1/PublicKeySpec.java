package io.liqojava.api.networking.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Required;
import java.util.Arrays;
import java.util.Objects;

/** Desired state of a {@link PublicKey}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PublicKeySpec {

  @Required
  @SchemaFrom(type = String.class)
  @JsonProperty("publicKey")
  @JsonPropertyDescription("The public key, e.g. a WireGuard key.")
  private byte[] publicKey;

  public byte[] getPublicKey() {
    return publicKey;
  }

  public void setPublicKey(byte[] publicKey) {
    this.publicKey = publicKey;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PublicKeySpec)) {
      return false;
    }
    PublicKeySpec that = (PublicKeySpec) o;
    return Arrays.equals(publicKey, that.publicKey);
  }

  @Override
  public int hashCode() {
    int result = Objects.hash();
    result = 31 * result + Arrays.hashCode(publicKey);
    return result;
  }

  @Override
  public String toString() {
    return "PublicKeySpec{"
        + "publicKey="
        + (publicKey == null ? "null" : publicKey.length + " bytes")
        + "}";
  }
}
