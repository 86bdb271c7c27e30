package io.liqojava.samples.liqoctl;

import io.liqojava.api.offloading.v1beta1.NamespaceOffloading;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingStatus;
import io.liqojava.api.offloading.v1beta1.OffloadingPhase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code liqoctl unoffload namespace}: deletes the NamespaceOffloading of a namespace and waits
 * until the agent has removed the twin namespaces and released it.
 */
@Command(
    name = "namespace",
    mixinStandardHelpOptions = true,
    header = "Stops offloading a namespace, deleting its twin namespaces.",
    description = {
      "Stops offloading a namespace: deletes its NamespaceOffloading and waits until the agent"
          + " has deleted the twin namespaces in the remote clusters, with everything reflected"
          + " there; offloaded pods are rescheduled locally.",
      "WARNING: this is a destructive operation. All resources in the remote namespaces, created"
          + " by Liqo or by hand, are removed, including persistent storage volumes. Double-check"
          + " the namespace and make sure no important data is still there.",
      "A namespace that is not offloaded is left as it is (exit code 0)."
    },
    footer = {
      "",
      "Examples:",
      "  liqoctl unoffload namespace liqo-demo",
      "  liqoctl unoffload namespace foo --timeout 5m"
    })
final class UnoffloadNamespaceCommand extends ClusterCommand {

  @Parameters(paramLabel = "NAME", description = "The namespace to stop offloading.")
  String namespace;

  @Option(
      names = "--timeout",
      defaultValue = "2m",
      converter = DurationConverter.ZeroAllowed.class,
      paramLabel = "DURATION",
      description =
          "How long to wait for the twin namespaces to be removed (default: ${DEFAULT-VALUE}); 0"
              + " does not wait.")
  Duration timeout;

  @Override
  void validate() {
    if (!Offloadings.validNamespaceName(namespace)) {
      throw usage(
          "'" + namespace + "' is not a namespace name: " + Offloadings.namespaceNameRule());
    }
  }

  @Override
  int run(Cluster cluster) {
    if (!Offloadings.crdInstalled(cluster)
        || Offloadings.resource(cluster, namespace).get() == null) {
      say(
          "Namespace "
              + namespace
              + " is not offloaded in this cluster ("
              + cluster.describe()
              + "): nothing to do.");
      return 0;
    }
    say("Unoffloading namespace " + namespace + " (" + cluster.describe() + ")");
    Offloadings.resource(cluster, namespace).delete();
    say("Deleted " + Offloadings.describe(namespace));
    if (timeout.isZero()) {
      say(
          "Not waiting (--timeout 0): the agent removes the twin namespaces, then the"
              + " NamespaceOffloading disappears.");
      return 0;
    }
    Map<String, String> names = Offloadings.clusterNames(cluster);
    say(
        "Waiting for the twin namespaces to be removed (at most "
            + DurationConverter.format(timeout)
            + ")");
    NamespaceOffloading left =
        Polling.until(
            () -> Offloadings.resource(cluster, namespace).get(),
            offloading -> offloading == null,
            offloading -> "  " + progress(offloading, names),
            timeout,
            this::say);
    if (left != null) {
      return fail(
          "namespace "
              + namespace
              + " is still being unoffloaded after "
              + DurationConverter.format(timeout)
              + ": "
              + progress(left, names)
              + ". Check that the agent of this cluster runs ('liqoctl status'), then run this"
              + " command again to keep waiting");
    }
    say("Namespace " + namespace + " is no longer offloaded.");
    return 0;
  }

  /** What the deletion waits for. */
  private static String progress(NamespaceOffloading offloading, Map<String, String> names) {
    if (offloading == null) {
      return "twin namespaces removed";
    }
    List<String> finalizers =
        Optional.ofNullable(offloading.getMetadata().getFinalizers()).orElse(List.of());
    Optional<NamespaceOffloadingStatus> status = Optional.ofNullable(offloading.getStatus());
    List<String> clusters =
        new OffloadingReport(offloading, names)
            .rows().stream()
                .filter(row -> !row.selected().equals("no"))
                .map(OffloadingReport.Row::cluster)
                .toList();
    return "waiting for the agent to remove the twin namespaces"
        + (clusters.isEmpty() ? "" : " in " + String.join(", ", clusters))
        + " (phase "
        + status
            .map(NamespaceOffloadingStatus::getOffloadingPhase)
            .map(OffloadingPhase::value)
            .orElse("unknown")
        + (finalizers.isEmpty() ? "" : ", finalizers " + String.join(", ", finalizers))
        + ")";
  }
}
