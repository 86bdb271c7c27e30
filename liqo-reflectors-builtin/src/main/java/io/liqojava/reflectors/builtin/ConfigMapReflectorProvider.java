package io.liqojava.reflectors.builtin;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.reflection.spi.ReflectedResource;
import io.liqojava.reflection.spi.Reflector;
import io.liqojava.reflection.spi.ReflectorContext;
import io.liqojava.reflection.spi.ReflectorProvider;

/**
 * Reflects ConfigMaps verbatim (labels, annotations, {@code data}, {@code binaryData}) to the
 * remote namespace, except that:
 *
 * <ul>
 *   <li>{@code immutable} is not copied, so that the reflection follows later changes;
 *   <li>the cluster's own root CA, {@value #ROOT_CA_CONFIG_MAP}, which every cluster creates in
 *       every namespace, is reflected under the name {@link #remoteName} gives it.
 * </ul>
 */
public final class ConfigMapReflectorProvider implements ReflectorProvider {

  /** The ConfigMap holding the cluster's root CA, which Kubernetes puts in every namespace. */
  public static final String ROOT_CA_CONFIG_MAP = "kube-root-ca.crt";

  /** A provider; the reflection manager finds it with {@link java.util.ServiceLoader}. */
  public ConfigMapReflectorProvider() {}

  /**
   * The name under which the ConfigMap {@code localName} of the cluster {@code origin} is
   * reflected: {@code localName} itself, except {@code kube-root-ca.crt.<origin cluster ID>} for
   * {@value #ROOT_CA_CONFIG_MAP}, so as not to clash with the remote cluster's own root CA. Pods
   * that mount the root CA must be given this name when they are offloaded.
   */
  public static String remoteName(String localName, ClusterIdentity origin) {
    return ROOT_CA_CONFIG_MAP.equals(localName)
        ? ROOT_CA_CONFIG_MAP + "." + origin.clusterId()
        : localName;
  }

  @Override
  public String name() {
    return "configmaps";
  }

  @Override
  public ReflectedResource resource() {
    return ReflectedResource.of(ConfigMap.class);
  }

  @Override
  public Reflector<ConfigMap, ConfigMap> create(ReflectorContext context) {
    return new ConfigMapReflector(context);
  }
}
