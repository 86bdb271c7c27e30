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
 * Credentials a consumer cluster holds to operate in a provider cluster.
 *
 * <p>Lives in the tenant namespace of the consumer dedicated to the provider.
 */
@Group(ApiGroups.AUTHENTICATION)
@Version(ApiGroups.VERSION)
@ShortNames({"id"})
@Categories(ApiGroups.CATEGORY)
@AdditionalPrinterColumn(
    name = "Type",
    jsonPath = ".spec.type",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
    name = "Kubeconfig Secret",
    jsonPath = ".status.kubeconfigSecretRef.name",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
public class Identity extends CustomResource<IdentitySpec, IdentityStatus> implements Namespaced {}
