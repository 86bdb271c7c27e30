package io.liqojava.api.core.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.Objects;

/** Desired state of a {@link ForeignCluster}: who the remote cluster is and how to peer with it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ForeignClusterSpec {

  @Required
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @JsonProperty("clusterID")
  @JsonPropertyDescription(
      "Identifier of the remote cluster: a DNS-1123 label, unique among the peers of this cluster.")
  private String clusterID;

  @JsonProperty("clusterName")
  @JsonPropertyDescription(
      "Human-readable name of the remote cluster, as chosen by its administrators.")
  private String clusterName;

  @Default("OutOfBand")
  @JsonProperty("peeringType")
  @JsonPropertyDescription(
      "How the control planes talk to each other: OutOfBand (outside the network fabric) or InBand (through it).")
  private PeeringType peeringType;

  @Default("Auto")
  @JsonProperty("outgoingPeeringEnabled")
  @JsonPropertyDescription(
      "Whether this cluster offloads workloads to the remote cluster (outgoing peering).")
  private PeeringEnabled outgoingPeeringEnabled;

  @Default("Auto")
  @JsonProperty("incomingPeeringEnabled")
  @JsonPropertyDescription(
      "Whether the remote cluster may offload workloads to this cluster (incoming peering).")
  private PeeringEnabled incomingPeeringEnabled;

  @Default("Yes")
  @JsonProperty("networkingEnabled")
  @JsonPropertyDescription(
      "Whether Liqo handles the network interconnection with the remote cluster.")
  private NetworkingEnabled networkingEnabled;

  @Pattern("^https://.+")
  @JsonProperty("foreignAuthUrl")
  @JsonPropertyDescription("HTTPS URL of the authentication service of the remote cluster.")
  private String foreignAuthUrl;

  @JsonProperty("foreignProxyUrl")
  @JsonPropertyDescription(
      "URL of a proxy in front of the remote API server, used when building clients towards it.")
  private String foreignProxyUrl;

  @Default("true")
  @JsonProperty("insecureSkipTLSVerify")
  @JsonPropertyDescription(
      "Whether to skip the verification of the TLS certificate of the remote authentication service.")
  private Boolean insecureSkipTLSVerify;

  public String getClusterID() {
    return clusterID;
  }

  public void setClusterID(String clusterID) {
    this.clusterID = clusterID;
  }

  public String getClusterName() {
    return clusterName;
  }

  public void setClusterName(String clusterName) {
    this.clusterName = clusterName;
  }

  public PeeringType getPeeringType() {
    return peeringType;
  }

  public void setPeeringType(PeeringType peeringType) {
    this.peeringType = peeringType;
  }

  public PeeringEnabled getOutgoingPeeringEnabled() {
    return outgoingPeeringEnabled;
  }

  public void setOutgoingPeeringEnabled(PeeringEnabled outgoingPeeringEnabled) {
    this.outgoingPeeringEnabled = outgoingPeeringEnabled;
  }

  public PeeringEnabled getIncomingPeeringEnabled() {
    return incomingPeeringEnabled;
  }

  public void setIncomingPeeringEnabled(PeeringEnabled incomingPeeringEnabled) {
    this.incomingPeeringEnabled = incomingPeeringEnabled;
  }

  public NetworkingEnabled getNetworkingEnabled() {
    return networkingEnabled;
  }

  public void setNetworkingEnabled(NetworkingEnabled networkingEnabled) {
    this.networkingEnabled = networkingEnabled;
  }

  public String getForeignAuthUrl() {
    return foreignAuthUrl;
  }

  public void setForeignAuthUrl(String foreignAuthUrl) {
    this.foreignAuthUrl = foreignAuthUrl;
  }

  public String getForeignProxyUrl() {
    return foreignProxyUrl;
  }

  public void setForeignProxyUrl(String foreignProxyUrl) {
    this.foreignProxyUrl = foreignProxyUrl;
  }

  public Boolean getInsecureSkipTLSVerify() {
    return insecureSkipTLSVerify;
  }

  public void setInsecureSkipTLSVerify(Boolean insecureSkipTLSVerify) {
    this.insecureSkipTLSVerify = insecureSkipTLSVerify;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ForeignClusterSpec)) {
      return false;
    }
    ForeignClusterSpec that = (ForeignClusterSpec) o;
    return Objects.equals(clusterID, that.clusterID)
        && Objects.equals(clusterName, that.clusterName)
        && Objects.equals(peeringType, that.peeringType)
        && Objects.equals(outgoingPeeringEnabled, that.outgoingPeeringEnabled)
        && Objects.equals(incomingPeeringEnabled, that.incomingPeeringEnabled)
        && Objects.equals(networkingEnabled, that.networkingEnabled)
        && Objects.equals(foreignAuthUrl, that.foreignAuthUrl)
        && Objects.equals(foreignProxyUrl, that.foreignProxyUrl)
        && Objects.equals(insecureSkipTLSVerify, that.insecureSkipTLSVerify);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        clusterID,
        clusterName,
        peeringType,
        outgoingPeeringEnabled,
        incomingPeeringEnabled,
        networkingEnabled,
        foreignAuthUrl,
        foreignProxyUrl,
        insecureSkipTLSVerify);
  }

  @Override
  public String toString() {
    return "ForeignClusterSpec{"
        + "clusterID="
        + clusterID
        + ", clusterName="
        + clusterName
        + ", peeringType="
        + peeringType
        + ", outgoingPeeringEnabled="
        + outgoingPeeringEnabled
        + ", incomingPeeringEnabled="
        + incomingPeeringEnabled
        + ", networkingEnabled="
        + networkingEnabled
        + ", foreignAuthUrl="
        + foreignAuthUrl
        + ", foreignProxyUrl="
        + foreignProxyUrl
        + ", insecureSkipTLSVerify="
        + insecureSkipTLSVerify
        + "}";
  }
}
