package io.liqojava.reflection.spi;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.net.spi.AddressRemapper;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What a {@link ReflectorProvider} is given to create the reflector of one namespace pair. The
 * reflection manager builds it; a plugin's unit tests can build one with {@link #builder()}.
 *
 * <p>The clients are shared by every reflector of the peer: do not close them. The remote client
 * acts with the identity the remote cluster granted this one, which may work only in the remote
 * namespace of the pair.
 */
@Value.Immutable
public abstract class ReflectorContext {

  ReflectorContext() {}

  /** A builder. */
  public static ImmutableReflectorContext.Builder builder() {
    return ImmutableReflectorContext.builder();
  }

  /** A client of the local (origin) cluster. */
  public abstract KubernetesClient localClient();

  /** A client of the remote (provider) cluster. */
  public abstract KubernetesClient remoteClient();

  /** The local namespace and its remote twin. */
  public abstract NamespacePair namespaces();

  /** The identity of the local cluster. */
  public abstract ClusterIdentity localCluster();

  /** The identity of the remote cluster. */
  public abstract ClusterIdentity remoteCluster();

  /** Records events on local objects. */
  public abstract EventRecorder events();

  /** The reflection policy of this reflector's resource. */
  @Value.Default
  public ReflectionPolicy policy() {
    return ReflectionPolicy.defaults();
  }

  /** Translates addresses between the two clusters. */
  @Value.Default
  public AddressRemapper remapper() {
    return AddressRemapper.identity();
  }

  /**
   * The names of the local virtual nodes that stand for the remote cluster: a local object that
   * refers to one of them (an endpoint of an offloaded pod) is already native to the remote
   * cluster.
   */
  public abstract Set<String> virtualNodeNames();
}
