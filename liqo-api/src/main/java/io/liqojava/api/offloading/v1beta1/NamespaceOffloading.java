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
 * Enables the offloading of the namespace it lives in, and reports its progress.
 *
 * <p>Only the instance named {@value #DEFAULT_NAME} is considered, one per namespace.
 */
@Group(ApiGroups.OFFLOADING)
@Version(ApiGroups.VERSION)
@ShortNames({"nso", "nsof", "nsoff", "nsoffloading"})
@Categories(ApiGroups.CATEGORY)
@AdditionalPrinterColumn(
    name = "NamespaceMappingStrategy",
    jsonPath = ".spec.namespaceMappingStrategy",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "PodOffloadingStrategy",
    jsonPath = ".spec.podOffloadingStrategy",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "OffloadingPhase",
    jsonPath = ".status.offloadingPhase",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
    name = "RemoteNamespaceName",
    jsonPath = ".status.remoteNamespaceName",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
public class NamespaceOffloading
    extends CustomResource<NamespaceOffloadingSpec, NamespaceOffloadingStatus>
    implements Namespaced {

  /** The name a NamespaceOffloading must have to be considered: {@value}. */
  public static final String DEFAULT_NAME = "offloading";
}
