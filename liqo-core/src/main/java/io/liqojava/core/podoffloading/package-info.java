/**
 * Pod offloading, consumer side: each pod bound to the virtual node of a provider becomes a {@code
 * ShadowPod} in the provider's twin namespace, with its service account token swapped for one that
 * authenticates against this (the origin) cluster; the status of the pod the provider runs flows
 * back to the local pod. Entry point: {@link io.liqojava.core.podoffloading.PodOffloading}.
 */
package io.liqojava.core.podoffloading;
