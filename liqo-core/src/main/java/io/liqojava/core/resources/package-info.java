/**
 * Resource negotiation on the provider side: the {@link
 * io.liqojava.core.resources.ResourceSliceReconciler} answers the ResourceSlices consumers create
 * in their tenant namespaces with the resources this cluster grants them (by default a {@linkplain
 * io.liqojava.core.resources.ResourceSharingConfig#sharingPercentage() share} of the allocatable
 * resources of its physical nodes), and reports the incoming peering on the consumer's
 * ForeignCluster. {@link io.liqojava.core.resources.ResourceSharing} wires it for an agent.
 */
package io.liqojava.core.resources;
