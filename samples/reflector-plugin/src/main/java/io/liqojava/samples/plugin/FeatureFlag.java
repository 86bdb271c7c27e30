package io.liqojava.samples.plugin;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A feature flag of an application: whether a feature is on, and for which share of its users. It
 * is the sample's own custom resource, {@code featureflags.samples.liqojava.io} (short name {@code
 * ff}), which {@link FeatureFlagReflectorProvider} reflects into peered clusters so that offloaded
 * pods read the same flags as the local ones.
 *
 * <pre>{@code
 * apiVersion: samples.liqojava.io/v1alpha1
 * kind: FeatureFlag
 * metadata:
 *   name: one-page-checkout
 *   namespace: shop
 * spec:
 *   enabled: true
 *   rolloutPercent: 25
 *   description: The checkout on a single page
 * }</pre>
 *
 * <p>The build generates its CRD into the jar, as {@code
 * META-INF/fabric8/featureflags.samples.liqojava.io-v1.yml}; it must be installed in every cluster
 * that flags are reflected from or into.
 */
@Group("samples.liqojava.io")
@Version("v1alpha1")
@ShortNames("ff")
public class FeatureFlag extends CustomResource<FeatureFlagSpec, FeatureFlagStatus>
    implements Namespaced {}
