package io.liqojava.api.authentication.v1beta1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.liqojava.api.ApiGroups;

/**
 * A slice of the resources of a provider cluster, requested by a consumer.
 *
 * <p>The consumer fills the spec; the provider answers in the status with the granted resources and
 * the credentials to use them.
 */
@Group(ApiGroups.AUTHENTICATION)
@Version(ApiGroups.VERSION)
@ShortNames({"rslice"})
@Categories(ApiGroups.CATEGORY)
@AdditionalPrinterColumn(
    name = "Authentication",
    jsonPath = ".status.conditions[?(@.type==\"Authentication\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Resources",
    jsonPath = ".status.conditions[?(@.type==\"Resources\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class ResourceSlice extends CustomResource<ResourceSliceSpec, ResourceSliceStatus>
    implements Namespaced {}
