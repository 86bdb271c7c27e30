package io.liqojava.api.offloading.v1beta1;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.liqojava.api.ApiGroups;

/**
 * The namespaces a consumer cluster wants in one provider cluster, and their state.
 *
 * <p>Written by the consumer into the tenant namespace the provider dedicates to it; the provider
 * creates the remote namespaces.
 */
@Group(ApiGroups.OFFLOADING)
@Version(ApiGroups.VERSION)
@ShortNames({"nm", "nsmap"})
@Categories(ApiGroups.CATEGORY)
public class NamespaceMap extends CustomResource<NamespaceMapSpec, NamespaceMapStatus>
    implements Namespaced {}
