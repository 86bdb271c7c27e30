package io.liqojava.api.internal;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.liqojava.api.LiqoCrds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A build step that runs right after the fabric8 CRD generator and finishes its manifests, so that
 * the YAML packaged in the jar is exactly what must be installed.
 *
 * <ul>
 *   <li>The generator sorts printer columns by JSON path; kubectl prints them in manifest order.
 *       They are put back in the order in which {@link AdditionalPrinterColumn} declares them on
 *       the class, so that {@code kubectl get foreignclusters} prints the columns Liqo's
 *       documentation shows.
 *   <li>{@code priority: 0} is the default, which the API server does not store; it is dropped, so
 *       that re-applying an unchanged manifest is not a write.
 * </ul>
 *
 * <p>Not part of the API: invoked by the build as {@code CrdManifestFinisher <classes directory>}.
 */
public final class CrdManifestFinisher {

  private static final String HEADER =
      "# Generated from the liqo-api model classes by the fabric8 CRD generator; do not edit.\n";

  private CrdManifestFinisher() {}

  /** Finishes every Liqo CRD manifest under the given output directory. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CrdManifestFinisher <classes directory>");
    }
    KubernetesSerialization serialization = new KubernetesSerialization();
    for (Class<? extends CustomResource<?, ?>> type : LiqoCrds.types()) {
      Path manifest = Path.of(args[0]).resolve(LiqoCrds.manifestPath(type));
      CustomResourceDefinition crd =
          serialization.unmarshal(
              Files.readString(manifest, StandardCharsets.UTF_8), CustomResourceDefinition.class);
      finish(crd, type);
      String yaml = serialization.asYaml(crd);
      Files.writeString(manifest, HEADER + yaml.replaceFirst("^---\n", ""), StandardCharsets.UTF_8);
    }
  }

  /** Orders the printer columns as declared on {@code type} and drops default priorities. */
  static void finish(CustomResourceDefinition crd, Class<?> type) {
    List<String> declaredOrder =
        Arrays.stream(type.getAnnotationsByType(AdditionalPrinterColumn.class))
            .map(AdditionalPrinterColumn::jsonPath)
            .toList();
    for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
      List<CustomResourceColumnDefinition> columns =
          new ArrayList<>(version.getAdditionalPrinterColumns());
      columns.sort(Comparator.comparingInt(column -> declaredOrder.indexOf(column.getJsonPath())));
      for (CustomResourceColumnDefinition column : columns) {
        if (Integer.valueOf(0).equals(column.getPriority())) {
          column.setPriority(null);
        }
      }
      version.setAdditionalPrinterColumns(columns);
    }
  }
}
