package io.liqojava.reflectors.builtin;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.discovery.v1beta1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1beta1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1beta1.EndpointConditions;
import io.fabric8.kubernetes.api.model.discovery.v1beta1.EndpointConditionsBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1beta1.EndpointHints;
import io.fabric8.kubernetes.api.model.discovery.v1beta1.EndpointHintsBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1beta1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1beta1.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1beta1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1beta1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1beta1.ForZone;
import java.util.List;
import java.util.Map;

/**
 * The {@link Slice} of {@code discovery.k8s.io/v1beta1} EndpointSlices (Kubernetes 1.17 to 1.24),
 * where an endpoint's node and zone are entries of its {@code topology}.
 */
final class V1beta1SliceCodec implements SliceCodec<EndpointSlice> {

  static final String HOSTNAME_TOPOLOGY = "kubernetes.io/hostname";
  static final String ZONE_TOPOLOGY = "topology.kubernetes.io/zone";

  @Override
  public Class<EndpointSlice> type() {
    return EndpointSlice.class;
  }

  @Override
  public Slice read(EndpointSlice slice) {
    return new Slice(
        slice.getAddressType(),
        slice.getPorts().stream().map(V1beta1SliceCodec::read).toList(),
        slice.getEndpoints().stream().map(V1beta1SliceCodec::read).toList());
  }

  @Override
  public EndpointSlice write(ObjectMeta metadata, Slice slice) {
    return new EndpointSliceBuilder()
        .withMetadata(metadata)
        .withAddressType(slice.addressType())
        .withPorts(slice.ports().stream().map(V1beta1SliceCodec::write).toList())
        .withEndpoints(slice.endpoints().stream().map(V1beta1SliceCodec::write).toList())
        .build();
  }

  private static Slice.Port read(EndpointPort port) {
    return new Slice.Port(
        port.getName(), port.getProtocol(), port.getPort(), port.getAppProtocol());
  }

  private static EndpointPort write(Slice.Port port) {
    return new EndpointPortBuilder()
        .withName(port.name())
        .withProtocol(port.protocol())
        .withPort(port.port())
        .withAppProtocol(port.appProtocol())
        .build();
  }

  private static Slice.Endpoint read(Endpoint endpoint) {
    EndpointConditions conditions = endpoint.getConditions();
    EndpointHints hints = endpoint.getHints();
    Map<String, String> topology =
        endpoint.getTopology() == null ? Map.of() : endpoint.getTopology();
    return new Slice.Endpoint(
        endpoint.getAddresses(),
        conditions == null
            ? null
            : new Slice.Conditions(
                conditions.getReady(), conditions.getServing(), conditions.getTerminating()),
        endpoint.getHostname(),
        topology.get(ZONE_TOPOLOGY),
        hints == null ? List.of() : hints.getForZones().stream().map(ForZone::getName).toList(),
        endpoint.getNodeName() != null ? endpoint.getNodeName() : topology.get(HOSTNAME_TOPOLOGY));
  }

  private static Endpoint write(Slice.Endpoint endpoint) {
    Slice.Conditions conditions = endpoint.conditions();
    return new EndpointBuilder()
        .withAddresses(endpoint.addresses())
        .withConditions(
            conditions == null
                ? null
                : new EndpointConditionsBuilder()
                    .withReady(conditions.ready())
                    .withServing(conditions.serving())
                    .withTerminating(conditions.terminating())
                    .build())
        .withHostname(endpoint.hostname())
        .withTopology(endpoint.zone() == null ? null : Map.of(ZONE_TOPOLOGY, endpoint.zone()))
        .withHints(
            endpoint.zoneHints().isEmpty()
                ? null
                : new EndpointHintsBuilder()
                    .withForZones(endpoint.zoneHints().stream().map(ForZone::new).toList())
                    .build())
        .build();
  }
}
