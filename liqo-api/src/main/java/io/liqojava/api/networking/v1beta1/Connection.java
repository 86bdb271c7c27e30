package io.liqojava.api.networking.v1beta1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.liqojava.api.ApiGroups;

/** The state of the tunnel between this cluster and a remote one. */
@Group(ApiGroups.NETWORKING)
@Version(ApiGroups.VERSION)
@ShortNames({"conn"})
@Categories(ApiGroups.CATEGORY)
@AdditionalPrinterColumn(
    name = "Type",
    jsonPath = ".spec.type",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Status",
    jsonPath = ".status.value",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
    name = "Latency",
    jsonPath = ".status.latency.value",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
public class Connection extends CustomResource<ConnectionSpec, ConnectionStatus>
    implements Namespaced {}
