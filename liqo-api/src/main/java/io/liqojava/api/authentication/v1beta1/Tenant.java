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
 * A consumer cluster, as seen by the provider it peers with.
 *
 * <p>Lives in the tenant namespace the provider dedicates to the consumer.
 */
@Group(ApiGroups.AUTHENTICATION)
@Version(ApiGroups.VERSION)
@ShortNames({"tn"})
@Categories(ApiGroups.CATEGORY)
@AdditionalPrinterColumn(
    name = "Condition",
    jsonPath = ".spec.tenantCondition",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class Tenant extends CustomResource<TenantSpec, TenantStatus> implements Namespaced {}
