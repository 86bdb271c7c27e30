package io.liqojava.api.offloading.v1beta1;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.liqojava.api.ApiGroups;

/**
 * An EndpointSlice a consumer cluster maintains in a provider cluster.
 *
 * <p>The provider keeps an EndpointSlice with the same content, so that services reach the
 * endpoints of every cluster.
 */
@Group(ApiGroups.OFFLOADING)
@Version(ApiGroups.VERSION)
@ShortNames({"shes", "sheps", "seps"})
@Categories(ApiGroups.CATEGORY)
public class ShadowEndpointSlice extends CustomResource<ShadowEndpointSliceSpec, Void>
    implements Namespaced {}
