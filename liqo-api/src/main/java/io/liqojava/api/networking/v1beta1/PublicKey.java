package io.liqojava.api.networking.v1beta1;

import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.liqojava.api.ApiGroups;

/**
 * A public key a remote cluster needs to establish a tunnel, e.g. a WireGuard key.
 *
 * <p>The plural is {@code publickeies}, as in Liqo, so that manifests and RBAC rules written for
 * Liqo apply unchanged.
 */
@Group(ApiGroups.NETWORKING)
@Version(ApiGroups.VERSION)
@Plural("publickeies")
@ShortNames({"pk", "pkies", "pkey"})
@Categories(ApiGroups.CATEGORY)
public class PublicKey extends CustomResource<PublicKeySpec, Void> implements Namespaced {}
