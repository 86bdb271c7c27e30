package io.liqojava.api.offloading.v1beta1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.liqojava.api.ApiGroups;

/**
 * The virtual node through which a consumer cluster offloads pods to a provider cluster.
 *
 * <p>Lives in the tenant namespace of the consumer dedicated to the provider.
 */
@Group(ApiGroups.OFFLOADING)
@Version(ApiGroups.VERSION)
@ShortNames({"vn", "vnode", "virno", "vno"})
@Categories(ApiGroups.CATEGORY)
@AdditionalPrinterColumn(
    name = "Cluster ID",
    jsonPath = ".spec.clusterID",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Create Node",
    jsonPath = ".spec.createNode",
    type = AdditionalPrinterColumn.Type.BOOLEAN)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
    name = "Node",
    jsonPath = ".status.conditions[?(@.type==\"Node\")].status",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Virtual Kubelet",
    jsonPath = ".status.conditions[?(@.type==\"VirtualKubelet\")].status",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
public class VirtualNode extends CustomResource<VirtualNodeSpec, VirtualNodeStatus>
    implements Namespaced {}
