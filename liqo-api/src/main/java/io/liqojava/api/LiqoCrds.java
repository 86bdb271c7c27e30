package io.liqojava.api;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.liqojava.api.authentication.v1beta1.Identity;
import io.liqojava.api.authentication.v1beta1.ResourceSlice;
import io.liqojava.api.authentication.v1beta1.Tenant;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.ipam.v1beta1.IP;
import io.liqojava.api.ipam.v1beta1.Network;
import io.liqojava.api.networking.v1beta1.Configuration;
import io.liqojava.api.networking.v1beta1.Connection;
import io.liqojava.api.networking.v1beta1.GatewayClient;
import io.liqojava.api.networking.v1beta1.GatewayServer;
import io.liqojava.api.networking.v1beta1.PublicKey;
import io.liqojava.api.offloading.v1beta1.NamespaceMap;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloading;
import io.liqojava.api.offloading.v1beta1.ShadowEndpointSlice;
import io.liqojava.api.offloading.v1beta1.ShadowPod;
import io.liqojava.api.offloading.v1beta1.VirtualNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The Liqo custom resource definitions: their model classes, their names and their manifests.
 *
 * <p>The manifests ({@code apiextensions.k8s.io/v1} CustomResourceDefinitions) are generated from
 * the model classes when this module is built, and packaged in its jar under {@value
 * #MANIFEST_DIRECTORY}, ready to install as they are (with {@code kubectl apply}, or with
 * liqo-core's {@code CrdInstaller}).
 */
public final class LiqoCrds {

  /** The classpath directory holding the CRD manifests. */
  public static final String MANIFEST_DIRECTORY = "META-INF/fabric8/";

  private static final List<Class<? extends CustomResource<?, ?>>> TYPES =
      List.of(
          ForeignCluster.class,
          Tenant.class,
          Identity.class,
          ResourceSlice.class,
          VirtualNode.class,
          NamespaceOffloading.class,
          NamespaceMap.class,
          ShadowPod.class,
          ShadowEndpointSlice.class,
          Configuration.class,
          GatewayServer.class,
          GatewayClient.class,
          PublicKey.class,
          Connection.class,
          Network.class,
          IP.class);

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private LiqoCrds() {}

  /** Returns the model class of every Liqo custom resource, grouped by API group. */
  public static List<Class<? extends CustomResource<?, ?>>> types() {
    return TYPES;
  }

  /** Returns the name of every Liqo CRD, in the order of {@link #types()}. */
  public static List<String> names() {
    return TYPES.stream().map(LiqoCrds::name).toList();
  }

  /**
   * Returns the name of the CRD of a custom resource, e.g. {@code foreignclusters.core.liqo.io}.
   */
  public static String name(Class<? extends CustomResource<?, ?>> type) {
    return CustomResource.getCRDName(type);
  }

  /**
   * Returns the classpath location of the manifest of the CRD of a custom resource, e.g. {@code
   * META-INF/fabric8/foreignclusters.core.liqo.io-v1.yml}.
   */
  public static String manifestPath(Class<? extends CustomResource<?, ?>> type) {
    return MANIFEST_DIRECTORY + name(type) + "-v1.yml";
  }

  /**
   * Opens the manifest of the CRD of a custom resource; the caller closes the stream.
   *
   * @throws IllegalStateException if the manifest is not on the classpath, which means that this
   *     jar was built without running the CRD generator
   */
  public static InputStream openManifest(Class<? extends CustomResource<?, ?>> type) {
    String path = manifestPath(type);
    InputStream manifest = LiqoCrds.class.getClassLoader().getResourceAsStream(path);
    if (manifest == null) {
      throw new IllegalStateException(
          "CRD manifest "
              + path
              + " of "
              + type.getName()
              + " is not on the classpath: build liqo-api with its crd-generator-maven-plugin"
              + " execution enabled");
    }
    return manifest;
  }

  /**
   * Returns the definition of the CRD of a custom resource, as it must be installed.
   *
   * @throws IllegalStateException if the manifest is not on the classpath
   */
  public static CustomResourceDefinition definition(Class<? extends CustomResource<?, ?>> type) {
    try (InputStream manifest = openManifest(type)) {
      return SERIALIZATION.unmarshal(manifest, CustomResourceDefinition.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the CRD manifest " + manifestPath(type), e);
    }
  }
}
