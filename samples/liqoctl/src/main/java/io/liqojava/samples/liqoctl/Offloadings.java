package io.liqojava.samples.liqoctl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloading;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** What the offload and unoffload commands share: finding namespaces and their offloading. */
final class Offloadings {

  /** The field manager of liqoctl's writes, distinct from the agent's so they never clash. */
  static final String FIELD_MANAGER = "liqoctl";

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final int MAX_DNS_LABEL = 63;

  private Offloadings() {}

  /** Whether {@code name} can name a namespace. */
  static boolean validNamespaceName(String name) {
    return name.length() <= MAX_DNS_LABEL && DNS_LABEL.matcher(name).matches();
  }

  /** The rule a namespace name must follow, for messages. */
  static String namespaceNameRule() {
    return "at most 63 lower-case letters, digits and '-', starting and ending with a letter or"
        + " digit";
  }

  /** The namespace {@code name}, if it exists. */
  static Optional<Namespace> namespace(Cluster cluster, String name) {
    return Optional.ofNullable(cluster.client().namespaces().withName(name).get());
  }

  /** Whether the NamespaceOffloading CRD is installed (by 'liqoctl install'). */
  static boolean crdInstalled(Cluster cluster) {
    return cluster
            .client()
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .withName(HasMetadata.getFullResourceName(NamespaceOffloading.class))
            .get()
        != null;
  }

  /** The NamespaceOffloading of {@code namespace}. */
  static Resource<NamespaceOffloading> resource(Cluster cluster, String namespace) {
    return cluster
        .client()
        .resources(NamespaceOffloading.class)
        .inNamespace(namespace)
        .withName(NamespaceOffloading.DEFAULT_NAME);
  }

  /** The cluster names of the ForeignClusters by cluster ID; empty without ForeignClusters. */
  static Map<String, String> clusterNames(Cluster cluster) {
    Map<String, String> names = new HashMap<>();
    for (ForeignCluster fc : cluster.client().resources(ForeignCluster.class).list().getItems()) {
      if (fc.getSpec() != null && fc.getSpec().getClusterID() != null) {
        names.put(fc.getSpec().getClusterID(), fc.getMetadata().getName());
      }
    }
    return names;
  }

  /** How the NamespaceOffloading of {@code namespace} is shown in messages. */
  static String describe(String namespace) {
    return "NamespaceOffloading " + namespace + "/" + NamespaceOffloading.DEFAULT_NAME;
  }
}
