/**
 * Custom resources of the {@code ipam.liqo.io/v1beta1} API: CIDRs and addresses reserved, and
 * possibly remapped, in the address space of a cluster.
 */
package io.liqojava.api.ipam.v1beta1;
