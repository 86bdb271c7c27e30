/**
 * The labels, annotations, finalizers and taints through which Liqo components and users
 * coordinate, named as in Liqo.
 */
package io.liqojava.api.consts;
