/**
 * ShadowPod enforcement on the provider side: {@link io.liqojava.core.shadowpod.ShadowPods} keeps
 * the pod of every ShadowPod in existence, re-creating it when it disappears, so that offloaded
 * workloads survive while their consumer is unreachable, and reports the pod's phase, UID and
 * re-creations in the ShadowPod's status.
 */
package io.liqojava.core.shadowpod;
