/**
 * The Liqo API: custom resource model classes, grouped by API group in sub-packages, their CRD
 * definitions ({@link io.liqojava.api.LiqoCrds}) and the names of their groups ({@link
 * io.liqojava.api.ApiGroups}).
 */
package io.liqojava.api;
