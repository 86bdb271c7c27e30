package io.liqojava.reflectors.builtin;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointConditions;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointConditionsBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointHints;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointHintsBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.ForZone;
import java.util.List;

/** The {@link Slice} of {@code discovery.k8s.io/v1} EndpointSlices (Kubernetes 1.21 and later). */
final class V1SliceCodec implements SliceCodec<EndpointSlice> {

  @Override
  public Class<EndpointSlice> type() {
    return EndpointSlice.class;
  }

  @Override
  public Slice read(EndpointSlice slice) {
    return new Slice(
        slice.getAddressType(),
        slice.getPorts().stream().map(V1SliceCodec::read).toList(),
        slice.getEndpoints().stream().map(V1SliceCodec::read).toList());
  }

  @Override
  public EndpointSlice write(ObjectMeta metadata, Slice slice) {
    return new EndpointSliceBuilder()
        .withMetadata(metadata)
        .withAddressType(slice.addressType())
        .withPorts(slice.ports().stream().map(V1SliceCodec::write).toList())
        .withEndpoints(slice.endpoints().stream().map(V1SliceCodec::write).toList())
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
    return new Slice.Endpoint(
        endpoint.getAddresses(),
        conditions == null
            ? null
            : new Slice.Conditions(
                conditions.getReady(), conditions.getServing(), conditions.getTerminating()),
        endpoint.getHostname(),
        endpoint.getZone(),
        hints == null ? List.of() : hints.getForZones().stream().map(ForZone::getName).toList(),
        endpoint.getNodeName());
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
        .withZone(endpoint.zone())
        .withHints(
            endpoint.zoneHints().isEmpty()
                ? null
                : new EndpointHintsBuilder()
                    .withForZones(endpoint.zoneHints().stream().map(ForZone::new).toList())
                    .build())
        .build();
  }
}
