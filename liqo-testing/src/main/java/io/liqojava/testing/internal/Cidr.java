package io.liqojava.testing.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 address range in CIDR notation, such as {@code 10.244.0.0/16}.
 *
 * @param base the network address as an unsigned 32-bit value
 * @param prefixLength the number of fixed leading bits
 */
public record Cidr(long base, int prefixLength) {

  /**
   * Parses {@code a.b.c.d/n}.
   *
   * @throws IllegalArgumentException naming the value and the expected form
   */
  public static Cidr parse(String cidr) {
    String[] parts = cidr.split("/", -1);
    try {
      if (parts.length != 2) {
        throw new IllegalArgumentException("missing '/prefix'");
      }
      InetAddress address = InetAddress.getByName(parts[0]);
      int prefix = Integer.parseInt(parts[1]);
      if (!(address instanceof Inet4Address) || !parts[0].matches("[0-9.]+")) {
        throw new IllegalArgumentException("not an IPv4 address");
      }
      if (prefix < 0 || prefix > 32) {
        throw new IllegalArgumentException("prefix must be between 0 and 32");
      }
      long value = toLong(address.getAddress());
      long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
      return new Cidr(value & mask, prefix);
    } catch (UnknownHostException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "'" + cidr + "' is not an IPv4 CIDR such as 10.244.0.0/16 (" + e.getMessage() + ")", e);
    }
  }

  /** How many addresses the range holds. */
  public long size() {
    return 1L << (32 - prefixLength);
  }

  /** How many subnets with the given prefix length fit in this range. */
  public long subnets(int subnetPrefix) {
    return subnetPrefix < prefixLength ? 0 : 1L << (subnetPrefix - prefixLength);
  }

  /** The {@code index}-th subnet with the given prefix length. */
  public Cidr subnet(int subnetPrefix, long index) {
    if (index < 0 || index >= subnets(subnetPrefix)) {
      throw new IllegalArgumentException(this + " has no subnet /" + subnetPrefix + " #" + index);
    }
    return new Cidr(base + index * (1L << (32 - subnetPrefix)), subnetPrefix);
  }

  /** The address at {@code offset} from the start of the range, in dotted form. */
  public String address(long offset) {
    if (offset < 0 || offset >= size()) {
      throw new IllegalArgumentException(this + " has no address at offset " + offset);
    }
    long value = base + offset;
    return ((value >> 24) & 0xFF)
        + "."
        + ((value >> 16) & 0xFF)
        + "."
        + ((value >> 8) & 0xFF)
        + "."
        + (value & 0xFF);
  }

  /** The offset of {@code ip} in this range, or -1 when it lies outside. */
  public long offsetOf(String ip) {
    try {
      long value = toLong(InetAddress.getByName(ip).getAddress());
      long offset = value - base;
      return offset >= 0 && offset < size() ? offset : -1;
    } catch (UnknownHostException e) {
      return -1;
    }
  }

  private static long toLong(byte[] octets) {
    long value = 0;
    for (byte octet : octets) {
      value = (value << 8) | (octet & 0xFF);
    }
    return value;
  }

  @Override
  public String toString() {
    return address(0) + "/" + prefixLength;
  }
}
