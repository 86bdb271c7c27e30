package io.liqojava.net.spi;

/**
 * Translates IP addresses between two peered clusters whose pod networks may overlap. The network
 * fabric remaps a peer's pod CIDR to one that does not clash with the local networks; every address
 * that crosses the border (a pod IP reported back to the origin, an endpoint reflected to a
 * provider) goes through this translation.
 *
 * <p>One remapper serves one pair of clusters: <em>local</em> is the cluster the caller runs in,
 * <em>remote</em> the peer. Implementations are thread safe; {@link #identity()} is the remapper to
 * use until a network fabric exists.
 */
public interface AddressRemapper {

  /**
   * The address at which the remote cluster reaches {@code localAddress}, an address of the local
   * cluster (for example a local pod's IP written into an EndpointSlice reflected to the remote
   * cluster).
   *
   * @throws IllegalArgumentException when {@code localAddress} is not an IP address
   */
  String localToRemote(String localAddress);

  /**
   * The address at which the local cluster reaches {@code remoteAddress}, an address of the remote
   * cluster (for example the IP of an offloaded pod, reported back to the origin).
   *
   * @throws IllegalArgumentException when {@code remoteAddress} is not an IP address
   */
  String remoteToLocal(String remoteAddress);

  /** The remapper that leaves every address as it is: clusters whose networks do not overlap. */
  static AddressRemapper identity() {
    return IdentityRemapper.INSTANCE;
  }
}
