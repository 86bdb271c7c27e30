/**
 * Custom resources of the {@code offloading.liqo.io/v1beta1} API: virtual nodes, namespace
 * offloading and the shadow resources that keep offloaded pods and endpoints alive in providers.
 */
package io.liqojava.api.offloading.v1beta1;
