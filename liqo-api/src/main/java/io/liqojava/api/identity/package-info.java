/** Who a cluster is to its peers: the identity every peering, reflection and plugin refers to. */
package io.liqojava.api.identity;
