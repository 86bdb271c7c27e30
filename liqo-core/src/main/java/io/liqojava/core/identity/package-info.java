/** A cluster's identity (ID, name, labels) and where it is kept in the cluster. */
package io.liqojava.core.identity;
