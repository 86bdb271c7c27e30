package io.liqojava.reflection.spi;

/** How the annotations on an object decide whether it is reflected. */
public enum PolicyType {
  /**
   * Every object is reflected except those annotated {@code liqo.io/skip-reflection=true}: the
   * default.
   */
  DENY_LIST,
  /** Only objects annotated {@code liqo.io/allow-reflection=true} are reflected. */
  ALLOW_LIST
}
