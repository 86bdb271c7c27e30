/**
 * Custom resources of the {@code networking.liqo.io/v1beta1} API: the network configuration of a
 * pair of clusters and the gateways and tunnels that connect them.
 */
package io.liqojava.api.networking.v1beta1;
