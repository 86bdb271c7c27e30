/**
 * Custom resources of the {@code core.liqo.io/v1beta1} API: the remote clusters and the peerings
 * with them.
 */
package io.liqojava.api.core.v1beta1;
