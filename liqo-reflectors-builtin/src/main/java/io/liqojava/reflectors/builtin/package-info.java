/**
 * The reflectors that liqo-java ships, discovered with {@link java.util.ServiceLoader}: ConfigMaps,
 * Secrets, Services, EndpointSlices and Ingresses from the local cluster to the remote one, and
 * Events about the reflections back from the remote cluster.
 *
 * <p>Each provider follows the resource reflection rules of Liqo: objects travel verbatim except
 * for the fields that name something only the origin cluster has (cluster IPs, node ports, ingress
 * classes, nodes, service-account token ownership). Their reflectors only forge the target object;
 * the reflection manager of {@code liqo-core} sets its namespace and ownership labels, applies the
 * reflection policy and writes it.
 */
package io.liqojava.reflectors.builtin;
