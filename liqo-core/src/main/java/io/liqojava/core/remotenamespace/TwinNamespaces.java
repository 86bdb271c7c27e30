package io.liqojava.core.remotenamespace;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.liqojava.api.consts.Annotations;
import io.liqojava.api.consts.Labels;
import io.liqojava.core.install.AgentRbac;
import io.liqojava.core.tenant.TenantNamespaces;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a twin namespace of a consumer looks like on this, the provider, cluster: the Namespace, the
 * RoleBinding that gives the consumer its rights there, and the rules that decide whether an
 * existing Namespace is a consumer's twin (and so may be managed) or someone else's (and is never
 * touched).
 */
public final class TwinNamespaces {

  /** The name of the RoleBinding that binds the consumer to {@link #ROLE} in its twin namespace. */
  public static final String ROLE_BINDING = AgentRbac.REMOTE_NAMESPACE_ROLE;

  /** The ClusterRole a consumer holds in its twin namespaces. */
  public static final String ROLE = AgentRbac.REMOTE_NAMESPACE_ROLE;

  private static final String RBAC_GROUP = "rbac.authorization.k8s.io";
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final String FIX =
      "choose another remote name (mapping strategy DefaultName or SelectedName)";

  private TwinNamespaces() {}

  /** The twin namespace {@code remote} of namespace {@code local} of cluster {@code consumerId}. */
  public static Namespace namespace(String consumerId, String local, String remote) {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(remote)
        .addToLabels(Labels.REMOTE_CLUSTER_ID, consumerId)
        .addToLabels(Labels.MANAGED_BY, Labels.MANAGED_BY_NAMESPACE_MAP)
        .addToAnnotations(Annotations.ORIGIN_NAMESPACE, local)
        .endMetadata()
        .build();
  }

  /**
   * The RoleBinding of {@code consumerId} to {@link #ROLE} in its twin namespace {@code remote}.
   */
  public static RoleBinding roleBinding(String consumerId, String remote) {
    return new RoleBindingBuilder()
        .withNewMetadata()
        .withName(ROLE_BINDING)
        .withNamespace(remote)
        .addToLabels(Labels.REMOTE_CLUSTER_ID, consumerId)
        .addToLabels(Labels.MANAGED_BY, Labels.MANAGED_BY_NAMESPACE_MAP)
        .endMetadata()
        .withNewRoleRef(RBAC_GROUP, "ClusterRole", ROLE)
        .withSubjects(
            new SubjectBuilder()
                .withKind("User")
                .withApiGroup(RBAC_GROUP)
                .withName(consumerId)
                .build())
        .build();
  }

  /** The consumer whose twin {@code namespace} is, if it is a twin namespace at all. */
  public static Optional<String> consumerOf(Namespace namespace) {
    Map<String, String> labels = namespace.getMetadata().getLabels();
    if (labels == null || !Labels.MANAGED_BY_NAMESPACE_MAP.equals(labels.get(Labels.MANAGED_BY))) {
      return Optional.empty();
    }
    return Optional.ofNullable(labels.get(Labels.REMOTE_CLUSTER_ID)).filter(id -> !id.isEmpty());
  }

  /** The consumer namespace {@code namespace} is the twin of, if it is a twin namespace. */
  public static Optional<String> originOf(Namespace namespace) {
    Map<String, String> annotations = namespace.getMetadata().getAnnotations();
    return annotations == null
        ? Optional.empty()
        : Optional.ofNullable(annotations.get(Annotations.ORIGIN_NAMESPACE));
  }

  /** Whether {@code namespace} is the twin of namespace {@code local} of {@code consumerId}. */
  public static boolean isTwinOf(Namespace namespace, String consumerId, String local) {
    return consumerOf(namespace).filter(consumerId::equals).isPresent()
        && originOf(namespace).filter(local::equals).isPresent();
  }

  /**
   * Why the existing {@code namespace} cannot be the twin of {@code local} of {@code consumerId},
   * naming the conflict and the fix; empty when it is that twin.
   */
  public static Optional<String> conflict(Namespace namespace, String consumerId, String local) {
    String name = namespace.getMetadata().getName();
    Optional<String> owner = consumerOf(namespace);
    if (owner.isEmpty()) {
      return Optional.of(
          "namespace '"
              + name
              + "' already exists in this cluster and is not managed by Liqo for cluster "
              + consumerId
              + ": "
              + FIX
              + " or remove that namespace");
    }
    if (!owner.get().equals(consumerId)) {
      return Optional.of(
          "namespace '"
              + name
              + "' already exists in this cluster as a twin namespace of another cluster: "
              + FIX);
    }
    String origin = originOf(namespace).orElse("");
    if (!origin.equals(local)) {
      return Optional.of(alreadyTwinOf(name, origin, consumerId));
    }
    return Optional.empty();
  }

  /** The conflict of two local namespaces of {@code consumerId} mapped to the same name. */
  static String alreadyTwinOf(String remote, String otherLocal, String consumerId) {
    return "namespace '"
        + remote
        + "' is already the twin of namespace '"
        + otherLocal
        + "' of cluster "
        + consumerId
        + ": map each namespace to a remote namespace of its own";
  }

  /**
   * Why {@code remote} cannot be the name of a twin namespace of {@code local}, naming the fix;
   * empty when it can.
   */
  public static Optional<String> invalidName(String local, String remote) {
    Objects.requireNonNull(local, "local");
    if (remote == null
        || remote.isEmpty()
        || remote.length() > 63
        || !DNS_LABEL.matcher(remote).matches()) {
      return Optional.of(
          "remote namespace name '"
              + remote
              + "' for namespace '"
              + local
              + "' is not a valid namespace name: use at most 63 lower-case letters, digits and"
              + " '-', starting and ending with a letter or digit");
    }
    if (remote.startsWith(TenantNamespaces.PREFIX)
        || remote.startsWith("kube-")
        || remote.equals("default")
        || remote.equals("liqo")) {
      return Optional.of(
          "remote namespace name '"
              + remote
              + "' for namespace '"
              + local
              + "' is reserved in this cluster (default, liqo, kube-*, "
              + TenantNamespaces.PREFIX
              + "*): "
              + FIX);
    }
    return Optional.empty();
  }
}
