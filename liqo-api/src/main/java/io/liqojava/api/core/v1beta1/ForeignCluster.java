package io.liqojava.api.core.v1beta1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;
import io.liqojava.api.ApiGroups;

/**
 * A remote cluster known to this one, and the state of the peering with it.
 *
 * <p>Cluster-scoped, conventionally named after the remote cluster. {@code kubectl get
 * foreignclusters} prints the peering type and the status of the outgoing peering, incoming
 * peering, networking and authentication; {@code -o wide} adds the role and the cluster ID.
 */
@Group(ApiGroups.CORE)
@Version(ApiGroups.VERSION)
@ShortNames({"fc"})
@Categories(ApiGroups.CATEGORY)
@AdditionalPrinterColumn(
    name = "Type",
    jsonPath = ".spec.peeringType",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Outgoing Peering",
    jsonPath = ".status.peeringConditions[?(@.type==\"OutgoingPeering\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Incoming Peering",
    jsonPath = ".status.peeringConditions[?(@.type==\"IncomingPeering\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Networking",
    jsonPath = ".status.peeringConditions[?(@.type==\"NetworkStatus\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Authentication",
    jsonPath = ".status.peeringConditions[?(@.type==\"AuthenticationStatus\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
    name = "Role",
    jsonPath = ".status.role",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Cluster ID",
    jsonPath = ".spec.clusterID",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
public class ForeignCluster extends CustomResource<ForeignClusterSpec, ForeignClusterStatus> {}
