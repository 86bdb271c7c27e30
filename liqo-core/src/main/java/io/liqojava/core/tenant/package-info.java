/** Tenant namespaces: one per peer, holding what concerns that peer only. */
package io.liqojava.core.tenant;
