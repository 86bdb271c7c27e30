/**
 * The consumer side of a peering: for each VirtualNode CR, a Node that stands for the provider
 * cluster (labels, taint, capacity, conditions, a Lease in {@code kube-node-lease}), kept Ready
 * while a health check of the provider's API server succeeds and NotReady when it fails, and
 * cordoned, drained and deleted with the VirtualNode. {@link
 * io.liqojava.core.virtualnode.VirtualNodes} wires it for an agent.
 */
package io.liqojava.core.virtualnode;
