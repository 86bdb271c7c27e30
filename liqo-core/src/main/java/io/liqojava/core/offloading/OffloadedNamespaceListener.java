package io.liqojava.core.offloading;

import io.liqojava.reflection.spi.NamespacePair;

/**
 * Told when a local namespace gets, or loses, its twin namespace in a provider: where per-namespace
 * work towards that provider (resource reflection, pod offloading) starts and stops. Calls come
 * from the namespace offloading workers and must return quickly; they may repeat (a call for a pair
 * that runs already does nothing).
 */
public interface OffloadedNamespaceListener {

  /** Provider {@code providerClusterId} has accepted {@code pair}: its twin namespace exists. */
  void offloaded(String providerClusterId, NamespacePair pair);

  /** {@code localNamespace} is no longer offloaded to provider {@code providerClusterId}. */
  void unoffloaded(String providerClusterId, String localNamespace);
}
