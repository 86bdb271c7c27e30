package io.liqojava.core.virtualnode;

import java.util.List;

/**
 * Told when the virtual kubelet of a provider connects to it and disconnects from it: where
 * per-provider work, such as resource reflection, starts and stops. Calls come from the virtual
 * node workers and must return quickly; an exception is logged and otherwise ignored.
 */
public interface ProviderListener {

  /** The virtual kubelet of {@code link}'s provider is connected with a fresh client. */
  void connected(ProviderLink link);

  /**
   * The virtual kubelet of provider {@code clusterId} disconnected; the client of its last link is
   * closed right after this call returns.
   */
  void disconnected(String clusterId);

  /** A listener that tells each of {@code listeners}, in order. */
  static ProviderListener all(List<? extends ProviderListener> listeners) {
    List<ProviderListener> copy = List.copyOf(listeners);
    return new ProviderListener() {
      @Override
      public void connected(ProviderLink link) {
        copy.forEach(listener -> listener.connected(link));
      }

      @Override
      public void disconnected(String clusterId) {
        copy.forEach(listener -> listener.disconnected(clusterId));
      }
    };
  }

  /** A listener that does nothing. */
  static ProviderListener none() {
    return new ProviderListener() {
      @Override
      public void connected(ProviderLink link) {}

      @Override
      public void disconnected(String clusterId) {}
    };
  }
}
