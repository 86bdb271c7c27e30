package io.liqojava.core.resources;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Optional;

/** Arithmetic on Kubernetes quantities, and their shortest readable form. */
final class Quantities {

  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
  private static final String[] BINARY_SUFFIXES = {"Ei", "Pi", "Ti", "Gi", "Mi", "Ki"};

  private Quantities() {}

  /** The amount of {@code quantity} (cores for cpu, bytes for memory), or empty if invalid. */
  static Optional<BigDecimal> amount(Quantity quantity) {
    if (quantity == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Quantity.getAmountInBytes(quantity));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code amount} of {@code resource} as a quantity, rounded down: cpu to millicores, anything
   * else to a whole number; memory-like amounts with the largest binary suffix that keeps them
   * exact ({@code 4Gi}).
   */
  static Quantity of(String resource, BigDecimal amount) {
    if ("cpu".equals(resource)) {
      BigInteger millis = amount.multiply(THOUSAND).setScale(0, RoundingMode.FLOOR).toBigInteger();
      BigInteger[] cores = millis.divideAndRemainder(BigInteger.valueOf(1000));
      return cores[1].signum() == 0
          ? new Quantity(cores[0].toString())
          : new Quantity(millis + "m");
    }
    BigInteger whole = amount.setScale(0, RoundingMode.FLOOR).toBigInteger();
    if (isByteSized(resource) && whole.signum() > 0) {
      for (int i = 0; i < BINARY_SUFFIXES.length; i++) {
        BigInteger unit = BigInteger.ONE.shiftLeft(10 * (BINARY_SUFFIXES.length - i));
        BigInteger[] division = whole.divideAndRemainder(unit);
        if (division[1].signum() == 0) {
          return new Quantity(division[0].toString(), BINARY_SUFFIXES[i]);
        }
      }
    }
    return new Quantity(whole.toString());
  }

  /** The quantity as a user wrote it, such as {@code 4Gi}. */
  static String format(Quantity quantity) {
    if (quantity == null || quantity.getAmount() == null) {
      return "";
    }
    String format = quantity.getFormat() == null ? "" : quantity.getFormat();
    return quantity.getAmount() + format;
  }

  private static boolean isByteSized(String resource) {
    return "memory".equals(resource)
        || "ephemeral-storage".equals(resource)
        || "storage".equals(resource)
        || resource.startsWith("hugepages-");
  }
}
