package io.liqojava.reflectors.builtin;

import java.util.List;

/**
 * What EndpointSlice reflection carries from a source slice to its target, whichever {@code
 * discovery.k8s.io} version each side serves. {@link SliceCodec}s read it from and write it to a
 * version's model.
 *
 * @param addressType {@code IPv4}, {@code IPv6} or {@code FQDN}
 * @param ports the ports of every endpoint
 * @param endpoints the endpoints
 */
record Slice(String addressType, List<Port> ports, List<Endpoint> endpoints) {

  /** A port of a slice. */
  record Port(String name, String protocol, Integer port, String appProtocol) {}

  /**
   * An endpoint. The object it targets is not carried: it names a local object.
   *
   * @param addresses its addresses
   * @param conditions its conditions; null when unknown
   * @param hostname its DNS hostname (the pod's, for a headless Service); may be null
   * @param zone the zone it runs in; may be null
   * @param zoneHints the zones that should consume it, for topology aware routing
   * @param nodeName the node it runs in; read to recognise endpoints native to the destination,
   *     never written, as it names a local node
   */
  record Endpoint(
      List<String> addresses,
      Conditions conditions,
      String hostname,
      String zone,
      List<String> zoneHints,
      String nodeName) {

    /** This endpoint at {@code addresses}. */
    Endpoint withAddresses(List<String> addresses) {
      return new Endpoint(addresses, conditions, hostname, zone, zoneHints, nodeName);
    }
  }

  /** The conditions of an endpoint; each may be null (unknown). */
  record Conditions(Boolean ready, Boolean serving, Boolean terminating) {}
}
