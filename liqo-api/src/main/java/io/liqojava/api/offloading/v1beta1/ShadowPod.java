package io.liqojava.api.offloading.v1beta1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.liqojava.api.ApiGroups;

/**
 * A pod offloaded to a provider cluster, which the provider keeps running even while the consumer
 * is unreachable.
 *
 * <p>The provider creates a pod with the same name and namespace from the spec, and recreates it if
 * it disappears.
 */
@Group(ApiGroups.OFFLOADING)
@Version(ApiGroups.VERSION)
@ShortNames({"shp", "shpod"})
@Categories(ApiGroups.CATEGORY)
@AdditionalPrinterColumn(
    name = "Status",
    jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class ShadowPod extends CustomResource<ShadowPodSpec, ShadowPodStatus>
    implements Namespaced {}
