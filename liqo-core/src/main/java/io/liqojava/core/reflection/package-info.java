/**
 * The reflection manager: runs {@link io.liqojava.reflection.spi.Reflector}s between namespace
 * pairs of the local cluster and a peer, with informers on both sides, one work queue and a fixed
 * pool of workers per resource, ownership checks, policies and metrics.
 */
package io.liqojava.core.reflection;
