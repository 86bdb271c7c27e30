package io.liqojava.testing.internal;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The pod IPs of one node: the lowest free address of the node's pod CIDR for each pod (the network
 * address, the gateway {@code .1} and the broadcast address are never given out). A pod keeps its
 * address while it exists; a new pod under the same name gets a new one.
 */
final class PodAddresses {

  private record Assignment(String uid, long offset) {}

  private final Cidr cidr;
  private final BitSet used = new BitSet();
  private final Map<String, Assignment> byPod = new HashMap<>();

  PodAddresses(Cidr cidr) {
    this.cidr = cidr;
    used.set(0, 2);
    used.set((int) cidr.size() - 1);
  }

  /** The address of the pod {@code key} with {@code uid}, assigning one if it has none. */
  synchronized String assign(String key, String uid) {
    Assignment current = byPod.get(key);
    if (current != null && current.uid().equals(uid)) {
      return cidr.address(current.offset());
    }
    release(key);
    int offset = used.nextClearBit(0);
    if (offset >= cidr.size()) {
      throw new IllegalStateException("no free pod address left in " + cidr);
    }
    used.set(offset);
    byPod.put(key, new Assignment(uid, offset));
    return cidr.address(offset);
  }

  /** Records an address that a pod already has, such as after a restart of the simulated node. */
  synchronized void remember(String key, String uid, String ip) {
    long offset = cidr.offsetOf(ip);
    if (offset >= 0 && !byPod.containsKey(key)) {
      used.set((int) offset);
      byPod.put(key, new Assignment(uid, offset));
    }
  }

  /** Frees the address of the pod {@code key}, if it has one. */
  synchronized void release(String key) {
    Assignment previous = byPod.remove(key);
    if (previous != null) {
      used.clear((int) previous.offset());
    }
  }
}
