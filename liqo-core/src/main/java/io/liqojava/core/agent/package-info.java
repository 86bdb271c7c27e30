/** The liqo-java agent: everything that runs in one cluster for peering, in one object. */
package io.liqojava.core.agent;
