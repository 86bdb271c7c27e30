/**
 * Custom resources of the {@code authentication.liqo.io/v1beta1} API: consumers known to a
 * provider, identities held in providers, and the resource slices consumers request.
 */
package io.liqojava.api.authentication.v1beta1;
