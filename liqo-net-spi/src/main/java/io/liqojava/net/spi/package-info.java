/**
 * The network fabric service-provider interface. {@link io.liqojava.net.spi.AddressRemapper} is the
 * part that resource reflection consumes: the translation of addresses between clusters whose pod
 * networks overlap.
 */
package io.liqojava.net.spi;
