package io.liqojava.core.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.liqojava.api.offloading.v1beta1.NamespaceMappingStrategy;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloading;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The webhook {@value WebhookRegistration#NAMESPACE_OFFLOADING_WEBHOOK}: refuses a
 * NamespaceOffloading that would not work, with messages naming the field and the fix.
 *
 * <ul>
 *   <li>on creation, its name must be {@value NamespaceOffloading#DEFAULT_NAME};
 *   <li>{@code spec.namespaceMappingStrategy} and {@code spec.remoteNamespaceName} cannot change
 *       once set;
 *   <li>{@code SelectedName} requires {@code spec.remoteNamespaceName}, a DNS-1123 label, which
 *       other strategies refuse;
 *   <li>{@code spec.clusterSelector} follows {@link ClusterSelectorRules}.
 * </ul>
 *
 * <p>An update that leaves the spec as it was (finalizers, labels) is always admitted, so that an
 * object stored before these rules can still be deleted.
 */
public final class NamespaceOffloadingValidator implements AdmissionHandler {

  /** A validator; it needs no state. */
  public NamespaceOffloadingValidator() {}

  @Override
  public AdmissionDecision review(Admission admission) {
    if (!admission.isCreate() && !admission.isUpdate()) {
      return AdmissionDecision.allow();
    }
    NamespaceOffloading offloading;
    Optional<NamespaceOffloading> previous;
    try {
      offloading = AdmissionJson.toModel(admission.object(), NamespaceOffloading.class);
      previous =
          admission.isUpdate()
              ? admission.previous().map(NamespaceOffloadingValidator::toModel)
              : Optional.empty();
    } catch (IllegalArgumentException e) {
      return AdmissionDecision.deny(e.getMessage());
    }
    String namespace =
        admission.namespace().isEmpty()
            ? offloading.getMetadata().getNamespace()
            : admission.namespace();
    NamespaceOffloadingSpec spec = spec(offloading);
    List<String> violations = new ArrayList<>();
    if (admission.isCreate()) {
      String name = offloading.getMetadata() == null ? null : offloading.getMetadata().getName();
      if (!NamespaceOffloading.DEFAULT_NAME.equals(name)) {
        violations.add(
            "metadata.name must be '"
                + NamespaceOffloading.DEFAULT_NAME
                + "', not '"
                + (name == null ? "" : name)
                + "': only the NamespaceOffloading named '"
                + NamespaceOffloading.DEFAULT_NAME
                + "' is considered; create it with that name (liqoctl offload namespace "
                + namespace
                + " does)");
      }
    }
    if (previous.isPresent()) {
      NamespaceOffloadingSpec old = spec(previous.get());
      if (old.equals(spec)) {
        return AdmissionDecision.allow();
      }
      immutable(
          "spec.namespaceMappingStrategy",
          old.getNamespaceMappingStrategy(),
          spec.getNamespaceMappingStrategy(),
          namespace,
          "strategy",
          violations);
      immutable(
          "spec.remoteNamespaceName",
          old.getRemoteNamespaceName(),
          spec.getRemoteNamespaceName(),
          namespace,
          "name",
          violations);
    }
    remoteNamespaceName(spec, violations);
    violations.addAll(ClusterSelectorRules.violations(spec.getClusterSelector()));
    return violations.isEmpty()
        ? AdmissionDecision.allow()
        : AdmissionDecision.deny(String.join("; ", violations));
  }

  private static void immutable(
      String field,
      Object old,
      Object current,
      String namespace,
      String what,
      List<String> violations) {
    if (old != null && !Objects.equals(old, current)) {
      violations.add(
          field
              + " is immutable ("
              + old
              + " cannot become "
              + current
              + "): unoffload the namespace (liqoctl unoffload namespace "
              + namespace
              + ") and offload it again with the new "
              + what);
    }
  }

  private static void remoteNamespaceName(NamespaceOffloadingSpec spec, List<String> violations) {
    String remote = spec.getRemoteNamespaceName();
    boolean selected = spec.getNamespaceMappingStrategy() == NamespaceMappingStrategy.SELECTED_NAME;
    if (selected && (remote == null || remote.isEmpty())) {
      violations.add(
          "spec.remoteNamespaceName is required by namespaceMappingStrategy SelectedName: set it"
              + " to the name of the remote namespaces (a DNS-1123 label)");
    } else if (selected && !LabelSyntax.isDnsLabel(remote)) {
      violations.add(
          "spec.remoteNamespaceName '"
              + remote
              + "' is not a valid DNS-1123 label: use at most 63 lowercase alphanumerics or '-',"
              + " starting and ending with an alphanumeric");
    } else if (!selected && remote != null && !remote.isEmpty()) {
      violations.add(
          "spec.remoteNamespaceName is only used with namespaceMappingStrategy SelectedName, not "
              + (spec.getNamespaceMappingStrategy() == null
                  ? NamespaceMappingStrategy.DEFAULT_NAME
                  : spec.getNamespaceMappingStrategy())
              + ": remove it, or set namespaceMappingStrategy to SelectedName");
    }
  }

  private static NamespaceOffloading toModel(JsonNode node) {
    return AdmissionJson.toModel(node, NamespaceOffloading.class);
  }

  private static NamespaceOffloadingSpec spec(NamespaceOffloading offloading) {
    return offloading.getSpec() == null ? new NamespaceOffloadingSpec() : offloading.getSpec();
  }
}
