package io.liqojava.net.spi;

/** The remapper of clusters whose address ranges do not overlap: no translation. */
enum IdentityRemapper implements AddressRemapper {
  INSTANCE;

  @Override
  public String localToRemote(String localAddress) {
    return requireAddress(localAddress);
  }

  @Override
  public String remoteToLocal(String remoteAddress) {
    return requireAddress(remoteAddress);
  }

  private static String requireAddress(String address) {
    if (address == null || address.isBlank()) {
      throw new IllegalArgumentException("an IP address is required, got '" + address + "'");
    }
    return address;
  }

  @Override
  public String toString() {
    return "AddressRemapper.identity()";
  }
}
