package io.liqojava.samples.liqoctl;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NodeSelector;
import io.liqojava.api.offloading.v1beta1.NamespaceMappingStrategy;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloading;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingSpec;
import io.liqojava.api.offloading.v1beta1.OffloadingPhase;
import io.liqojava.api.offloading.v1beta1.PodOffloadingStrategy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code liqoctl offload namespace}: creates or updates the NamespaceOffloading of a namespace and
 * waits until the agent has created its twin namespaces in the selected clusters.
 */
@Command(
    name = "namespace",
    mixinStandardHelpOptions = true,
    header = "Offloads a namespace to the peered clusters.",
    description = {
      "Offloads a namespace to (a subset of) the peered clusters: creates or updates its"
          + " NamespaceOffloading 'offloading', then waits until the agent has created the twin"
          + " namespaces and prints, for each remote cluster, whether it is selected and whether"
          + " its twin namespace is ready.",
      "The namespace mapping strategy cannot change once set: unoffload the namespace first.",
      "With --output, prints the NamespaceOffloading manifest instead (for kubectl apply -f or"
          + " GitOps) and changes nothing.",
      "Exits with 1 when the twin namespace could not be created in some cluster, or on timeout."
    },
    footer = {
      "",
      "Examples:",
      "  liqoctl offload namespace liqo-demo",
      "  liqoctl offload namespace liqo-demo \\",
      "      --namespace-mapping-strategy EnforceSameName \\",
      "      --pod-offloading-strategy LocalAndRemote \\",
      "      --selector 'topology.liqo.io/region=south'",
      "  liqoctl offload namespace foo \\",
      "      --selector 'region in (europe,us-west), !staging'",
      "  liqoctl offload namespace foo \\",
      "      --selector 'region in (europe,us-west)' --selector '!staging'",
      "  liqoctl offload namespace foo --namespace-mapping-strategy SelectedName \\",
      "      --remote-namespace-name bar",
      "  liqoctl offload namespace foo --output yaml"
    })
final class OffloadNamespaceCommand extends ClusterCommand {

  @Parameters(paramLabel = "NAME", description = "The namespace to offload.")
  String namespace;

  @Option(
      names = "--namespace-mapping-strategy",
      defaultValue = "DefaultName",
      converter = EnumValueConverter.MappingStrategy.class,
      completionCandidates = EnumValueConverter.MappingStrategy.class,
      paramLabel = "STRATEGY",
      description =
          "How the twin namespaces are named: ${COMPLETION-CANDIDATES} (default:"
              + " ${DEFAULT-VALUE}). DefaultName adds the local cluster name and a unique suffix;"
              + " EnforceSameName keeps the name; SelectedName uses --remote-namespace-name.")
  NamespaceMappingStrategy mappingStrategy;

  @Option(
      names = "--remote-namespace-name",
      paramLabel = "NAME",
      description = "The name of the twin namespaces, with SelectedName only.")
  String remoteNamespaceName;

  @Option(
      names = "--pod-offloading-strategy",
      defaultValue = "LocalAndRemote",
      converter = EnumValueConverter.PodStrategy.class,
      completionCandidates = EnumValueConverter.PodStrategy.class,
      paramLabel = "STRATEGY",
      description =
          "Where the pods of the namespace may run: ${COMPLETION-CANDIDATES} (default:"
              + " ${DEFAULT-VALUE}).")
  PodOffloadingStrategy podStrategy;

  @Option(
      names = "--selector",
      paramLabel = "SELECTOR",
      description = {
        "Offloads only to the clusters whose virtual node labels match. Comma-separated"
            + " requirements must all hold: k=v, k==v, k!=v, k in (a,b), k notin (a,b), k"
            + " (label present), !k (label absent). Repeatable: a cluster matching any of the"
            + " selectors is selected. Default: every peered cluster."
      })
  List<String> selectors = List.of();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "Print the NamespaceOffloading manifest (yaml or json) and change nothing.")
  OffloadingManifest.Format output;

  @Option(
      names = "--timeout",
      defaultValue = "2m",
      converter = DurationConverter.ZeroAllowed.class,
      paramLabel = "DURATION",
      description =
          "How long to wait for the twin namespaces (default: ${DEFAULT-VALUE}); 0 does not wait.")
  Duration timeout;

  private NamespaceOffloading desired;

  @Override
  void validate() {
    if (!Offloadings.validNamespaceName(namespace)) {
      throw usage(
          "'" + namespace + "' is not a namespace name: " + Offloadings.namespaceNameRule());
    }
    boolean selectedName = mappingStrategy == NamespaceMappingStrategy.SELECTED_NAME;
    if (selectedName && remoteNamespaceName == null) {
      throw usage(
          "--namespace-mapping-strategy SelectedName needs the name of the twin namespaces: add"
              + " --remote-namespace-name NAME");
    }
    if (!selectedName && remoteNamespaceName != null) {
      throw usage(
          "--remote-namespace-name is only used with --namespace-mapping-strategy SelectedName"
              + " (the strategy is "
              + mappingStrategy
              + "): add --namespace-mapping-strategy SelectedName, or drop"
              + " --remote-namespace-name");
    }
    if (selectedName && !Offloadings.validNamespaceName(remoteNamespaceName)) {
      throw usage(
          "Invalid value for option '--remote-namespace-name': '"
              + remoteNamespaceName
              + "' is not a namespace name: "
              + Offloadings.namespaceNameRule());
    }
    NodeSelector clusterSelector;
    try {
      clusterSelector = ClusterSelectorParser.parse(selectors);
    } catch (IllegalArgumentException e) {
      throw usage("Invalid value for option '--selector': " + e.getMessage());
    }
    desired =
        OffloadingManifest.build(
            namespace, mappingStrategy, remoteNamespaceName, podStrategy, clusterSelector);
  }

  @Override
  boolean needsCluster() {
    return output == null;
  }

  @Override
  int runWithoutCluster() {
    out().print(OffloadingManifest.render(desired, output));
    out().flush();
    return 0;
  }

  @Override
  int run(Cluster cluster) {
    if (!Offloadings.crdInstalled(cluster)) {
      return fail(
          "Liqo is not installed on this cluster ("
              + cluster.describe()
              + "): run 'liqoctl install', then offload the namespace");
    }
    checkNamespace(cluster);
    NamespaceOffloading existing = Offloadings.resource(cluster, namespace).get();
    if (existing != null) {
      checkUpdatable(existing);
    }
    NamespaceOffloading applied =
        cluster
            .client()
            .resource(desired)
            .fieldManager(Offloadings.FIELD_MANAGER)
            .forceConflicts()
            .serverSideApply();
    say(
        Offloadings.describe(namespace)
            + (existing == null
                ? " created"
                : Objects.equals(existing.getSpec(), applied.getSpec()) ? " unchanged" : " updated")
            + " ("
            + cluster.describe()
            + "): "
            + summary());
    if (timeout.isZero()) {
      say(
          "Not waiting (--timeout 0). Follow it with: kubectl get namespaceoffloadings "
              + NamespaceOffloading.DEFAULT_NAME
              + " -n "
              + namespace
              + " -o yaml");
      return 0;
    }
    return await(cluster);
  }

  private void checkNamespace(Cluster cluster) {
    Optional<Namespace> found = Offloadings.namespace(cluster, namespace);
    if (found.isEmpty()) {
      throw new CliException(
          "namespace "
              + namespace
              + " does not exist in this cluster ("
              + cluster.describe()
              + "): create it with 'kubectl create namespace "
              + namespace
              + "', then offload it");
    }
    if (found.get().getMetadata().getDeletionTimestamp() != null) {
      throw new CliException(
          "namespace " + namespace + " is being deleted: it cannot be offloaded");
    }
  }

  private void checkUpdatable(NamespaceOffloading existing) {
    if (existing.getMetadata().getDeletionTimestamp() != null) {
      throw new CliException(
          "namespace "
              + namespace
              + " is being unoffloaded: wait until 'liqoctl unoffload namespace "
              + namespace
              + "' completes, then offload it again");
    }
    NamespaceOffloadingSpec spec =
        Optional.ofNullable(existing.getSpec()).orElseGet(NamespaceOffloadingSpec::new);
    NamespaceMappingStrategy current =
        Optional.ofNullable(spec.getNamespaceMappingStrategy())
            .orElse(NamespaceMappingStrategy.DEFAULT_NAME);
    boolean sameName =
        current != NamespaceMappingStrategy.SELECTED_NAME
            || Objects.equals(spec.getRemoteNamespaceName(), remoteNamespaceName);
    if (current != mappingStrategy || !sameName) {
      throw new CliException(
          "namespace "
              + namespace
              + " is already offloaded with namespace mapping strategy "
              + mapping(current, spec.getRemoteNamespaceName())
              + ", which cannot change (to "
              + mapping(mappingStrategy, remoteNamespaceName)
              + "). Keep it by passing --namespace-mapping-strategy "
              + current
              + (current == NamespaceMappingStrategy.SELECTED_NAME
                  ? " --remote-namespace-name " + spec.getRemoteNamespaceName()
                  : "")
              + ", or first run 'liqoctl unoffload namespace "
              + namespace
              + "' (this deletes the twin namespaces and what they hold) and offload again."
              + " Nothing was changed");
    }
  }

  private static String mapping(NamespaceMappingStrategy strategy, String remoteName) {
    return strategy == NamespaceMappingStrategy.SELECTED_NAME
        ? strategy + " (" + remoteName + ")"
        : strategy.value();
  }

  private String summary() {
    return "namespace mapping "
        + mapping(mappingStrategy, remoteNamespaceName)
        + ", pods "
        + podStrategy
        + ", clusters "
        + (selectors.isEmpty()
            ? "all"
            : "matching "
                + String.join(" or ", selectors.stream().map(s -> "'" + s.trim() + "'").toList()));
  }

  private int await(Cluster cluster) {
    Map<String, String> names = Offloadings.clusterNames(cluster);
    say("Waiting for the twin namespaces (at most " + DurationConverter.format(timeout) + ")");
    OffloadingReport report =
        Polling.until(
            () ->
                Optional.ofNullable(Offloadings.resource(cluster, namespace).get())
                    .map(offloading -> new OffloadingReport(offloading, names))
                    .orElse(null),
            r -> r == null || r.settled(),
            r -> "  " + (r == null ? "the NamespaceOffloading was deleted" : r.progress()),
            timeout,
            this::say);
    if (report == null) {
      return fail(
          Offloadings.describe(namespace)
              + " was deleted while waiting (by 'liqoctl unoffload namespace "
              + namespace
              + "'?): offload it again");
    }
    if (!report.settled()) {
      if (report.observed()) {
        printTable(report);
      }
      return fail(
          "namespace "
              + namespace
              + " is not offloaded yet after "
              + DurationConverter.format(timeout)
              + ": "
              + report.pending()
              + ". The NamespaceOffloading is stored and the agent goes on; run this command again"
              + " to keep waiting");
    }
    OffloadingPhase phase = report.phase().orElseThrow();
    printTable(report);
    return switch (phase) {
      case READY -> {
        say("Namespace " + namespace + " is offloaded.");
        yield 0;
      }
      case NO_CLUSTER_SELECTED -> {
        say(
            "No peered cluster matches the cluster selector: namespace "
                + namespace
                + " is offloaded to the clusters that match once they peer.");
        yield 0;
      }
      case TERMINATING ->
          fail(
              "namespace "
                  + namespace
                  + " is being unoffloaded: wait until that completes, then offload it again");
      default ->
          fail(
              "the twin namespace of "
                  + namespace
                  + " could not be created in "
                  + (phase == OffloadingPhase.ALL_FAILED ? "any" : "some")
                  + " selected cluster (phase "
                  + phase
                  + "): see the reasons above. If the name is taken there, unoffload the"
                  + " namespace and offload it with another --namespace-mapping-strategy");
    };
  }

  private void printTable(OffloadingReport report) {
    say(
        "Offloading of namespace "
            + namespace
            + ": phase "
            + report.phase().map(OffloadingPhase::value).orElse("unknown")
            + report.remoteNamespaceName().map(name -> ", remote namespace " + name).orElse(""));
    report.printTable(out());
    out().flush();
  }
}
