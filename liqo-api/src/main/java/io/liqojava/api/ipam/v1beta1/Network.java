package io.liqojava.api.ipam.v1beta1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.liqojava.api.ApiGroups;

/** A CIDR reserved in the address space of this cluster, remapped if it conflicts with another. */
@Group(ApiGroups.IPAM)
@Version(ApiGroups.VERSION)
@ShortNames({"net"})
@Categories(ApiGroups.CATEGORY)
@AdditionalPrinterColumn(
    name = "Desired CIDR",
    jsonPath = ".spec.cidr",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Remapped CIDR",
    jsonPath = ".status.cidr",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class Network extends CustomResource<NetworkSpec, NetworkStatus> implements Namespaced {}
