package io.liqojava.api.networking.v1beta1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.liqojava.api.ApiGroups;

/**
 * The network configuration of a pair of clusters: their pod and external CIDRs and how they are
 * remapped.
 */
@Group(ApiGroups.NETWORKING)
@Version(ApiGroups.VERSION)
@ShortNames({"conf"})
@Categories(ApiGroups.CATEGORY)
@AdditionalPrinterColumn(
    name = "Desired Pod CIDR",
    jsonPath = ".spec.remote.cidr.pod",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Remapped Pod CIDR",
    jsonPath = ".status.remote.cidr.pod",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
    name = "Desired External CIDR",
    jsonPath = ".spec.remote.cidr.external",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Remapped External CIDR",
    jsonPath = ".status.remote.cidr.external",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Cluster ID",
    jsonPath = ".metadata.labels.liqo\\.io/remote-cluster-id",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
public class Configuration extends CustomResource<ConfigurationSpec, ConfigurationStatus>
    implements Namespaced {}
