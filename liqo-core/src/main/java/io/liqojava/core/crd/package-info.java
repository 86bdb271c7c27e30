/** Installation and removal of the Liqo CustomResourceDefinitions. */
package io.liqojava.core.crd;
