package io.liqojava.api.ipam.v1beta1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Version;
import io.liqojava.api.ApiGroups;

/** A local IP address that remote clusters reach through a remapped address. */
@Group(ApiGroups.IPAM)
@Version(ApiGroups.VERSION)
@Categories(ApiGroups.CATEGORY)
@AdditionalPrinterColumn(
    name = "Local IP",
    jsonPath = ".spec.ip",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Remapped IP",
    jsonPath = ".status.ip",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Remapped IP CIDR",
    jsonPath = ".status.cidr",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class IP extends CustomResource<IPSpec, IPStatus> implements Namespaced {}
