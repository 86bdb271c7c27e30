package io.liqojava.reflectors.builtin;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.reflection.spi.ReflectedResource;
import io.liqojava.reflection.spi.ReflectionException;
import io.liqojava.reflection.spi.Reflector;
import io.liqojava.reflection.spi.ReflectorContext;
import io.liqojava.reflection.spi.ReflectorProvider;
import java.util.List;

/**
 * Reflects EndpointSlices to the remote namespace, so that a Service reflected there also reaches
 * the endpoints that only the local cluster sees.
 *
 * <p>A reflected slice keeps the name, labels, annotations, address type and ports of the local
 * one, but is labelled {@value #MANAGED_BY_LABEL}{@code =}{@value #MANAGER}, so that the remote
 * EndpointSlice controller leaves it alone. Of its endpoints:
 *
 * <ul>
 *   <li>those on one of the {@linkplain ReflectorContext#virtualNodeNames() virtual nodes} of the
 *       remote cluster are left out: they are pods offloaded there, which the remote control plane
 *       already lists;
 *   <li>every address is translated with the {@linkplain ReflectorContext#remapper() remapper} (in
 *       {@code IPv4} and {@code IPv6} slices), so that the remote cluster reaches it;
 *   <li>the target object and node are dropped, as they name local objects; conditions, hostname,
 *       zone and zone hints are kept.
 * </ul>
 *
 * <p>Each cluster is asked which version of {@code discovery.k8s.io} it serves ({@code v1}
 * preferred, else {@code v1beta1}, the only one of Kubernetes 1.20), and slices are converted
 * between the two when the clusters differ.
 */
public final class EndpointSliceReflectorProvider implements ReflectorProvider {

  /** The label naming the controller that manages an EndpointSlice. */
  public static final String MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";

  /** The value of {@link #MANAGED_BY_LABEL} on reflected EndpointSlices, as in Liqo. */
  public static final String MANAGER = "endpointslice.reflection.liqo.io";

  private static final String GROUP = "discovery.k8s.io";

  /** A provider; the reflection manager finds it with {@link java.util.ServiceLoader}. */
  public EndpointSliceReflectorProvider() {}

  @Override
  public String name() {
    return "endpointslices";
  }

  /** {@code EndpointSlice.discovery.k8s.io}, whichever version the clusters serve. */
  @Override
  public ReflectedResource resource() {
    return ReflectedResource.of(GROUP, "EndpointSlice");
  }

  /** 10: EndpointSlices change with every pod behind a Service. */
  @Override
  public int defaultWorkers() {
    return 10;
  }

  /**
   * {@inheritDoc}
   *
   * @throws ReflectionException when a cluster cannot be asked which EndpointSlice versions it
   *     serves (retryable), or serves neither {@code v1} nor {@code v1beta1}
   */
  @Override
  public Reflector<?, ?> create(ReflectorContext context) {
    return new EndpointSliceReflector<>(
        servedCodec(context.localClient(), "local", context.localCluster()),
        servedCodec(context.remoteClient(), "remote", context.remoteCluster()),
        context);
  }

  private static SliceCodec<? extends HasMetadata> servedCodec(
      KubernetesClient client, String role, ClusterIdentity cluster) {
    List<String> versions = servedVersions(client, role, cluster);
    if (versions.contains("v1")) {
      return new V1SliceCodec();
    }
    if (versions.contains("v1beta1")) {
      return new V1beta1SliceCodec();
    }
    throw ReflectionException.rejected(
        "the "
            + role
            + " cluster "
            + cluster.clusterId()
            + " serves neither "
            + GROUP
            + "/v1 nor "
            + GROUP
            + "/v1beta1 (it serves "
            + versions
            + "), so EndpointSlices cannot be reflected: upgrade it to Kubernetes 1.17 or later,"
            + " or disable the 'endpointslices' reflector");
  }

  private static List<String> servedVersions(
      KubernetesClient client, String role, ClusterIdentity cluster) {
    APIGroup group;
    try {
      group = client.getApiGroup(GROUP);
    } catch (KubernetesClientException e) {
      throw new ReflectionException(
          "could not ask the "
              + role
              + " cluster "
              + cluster.clusterId()
              + " which versions of "
              + GROUP
              + " it serves: "
              + e.getMessage(),
          e);
    }
    return group == null
        ? List.of()
        : group.getVersions().stream().map(GroupVersionForDiscovery::getVersion).toList();
  }
}
