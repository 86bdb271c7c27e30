package io.liqojava.api.networking.v1beta1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.liqojava.api.ApiGroups;

/** A gateway that opens a tunnel towards a remote gateway server. */
@Group(ApiGroups.NETWORKING)
@Version(ApiGroups.VERSION)
@ShortNames({"gwc", "gwclient"})
@Categories(ApiGroups.CATEGORY)
@AdditionalPrinterColumn(
    name = "Template Name",
    jsonPath = ".spec.clientTemplateRef.name",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "IP",
    jsonPath = ".spec.endpoint.addresses[*]",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Port",
    jsonPath = ".spec.endpoint.port",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
    name = "Template Kind",
    jsonPath = ".spec.clientTemplateRef.kind",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Template Namespace",
    jsonPath = ".spec.clientTemplateRef.namespace",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Protocol",
    jsonPath = ".spec.endpoint.protocol",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "MTU",
    jsonPath = ".spec.mtu",
    type = AdditionalPrinterColumn.Type.INTEGER,
    priority = 1)
public class GatewayClient extends CustomResource<GatewayClientSpec, GatewayClientStatus>
    implements Namespaced {}
