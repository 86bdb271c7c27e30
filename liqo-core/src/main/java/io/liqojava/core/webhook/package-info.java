/**
 * The agent's admission webhooks, served over HTTPS and called by the API server.
 *
 * <ul>
 *   <li>{@code pod.mutate.offloading.liqo.io} ({@value io.liqojava.core.webhook.WebhookPaths#POD}):
 *       in namespaces labelled {@code liqo.io/scheduling-enabled=true}, adds to new pods the
 *       toleration of the virtual-node taint and the node affinity their namespace's {@code
 *       NamespaceOffloading} asks for, and refuses them while the namespace has none;
 *   <li>{@code daemonset.mutate.offloading.liqo.io} ({@value
 *       io.liqojava.core.webhook.WebhookPaths#DAEMONSET}): keeps DaemonSets that tolerate every
 *       taint off virtual nodes;
 *   <li>{@code namespaceoffloading.validate.offloading.liqo.io} ({@value
 *       io.liqojava.core.webhook.WebhookPaths#NAMESPACE_OFFLOADING}): refuses invalid or forbidden
 *       changes of a {@code NamespaceOffloading}, naming the field and the fix.
 * </ul>
 *
 * <p>{@link io.liqojava.core.webhook.Webhooks#start} runs them all: the {@link
 * io.liqojava.core.webhook.WebhookServer}, a cache of the NamespaceOffloadings and the {@link
 * io.liqojava.core.webhook.WebhookRegistration} of the configurations named {@code liqo-webhooks}.
 */
package io.liqojava.core.webhook;
