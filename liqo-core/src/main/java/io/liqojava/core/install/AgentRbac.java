package io.liqojava.core.install;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import io.fabric8.kubernetes.api.model.rbac.SubjectBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.liqojava.api.ApiGroups;
import io.liqojava.api.LiqoCrds;
import io.liqojava.api.consts.Labels;
import io.liqojava.core.identity.LiqoNamespace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The least-privilege identity of the agent in a real cluster, where it runs as a Deployment: the
 * ServiceAccount {@code liqo/liqo-agent} and the RBAC that allows exactly what the agent does.
 *
 * <ul>
 *   <li>the Liqo custom resources (with their status and finalizers);
 *   <li>namespaces, for the tenant namespaces {@code liqo-tenant-<cluster ID>};
 *   <li>nodes and their status, for virtual nodes; pods, their status and their eviction: the
 *       provider creates pods from ShadowPods, the consumer copies their status back and drains a
 *       virtual node when peering stops; service account tokens (TokenRequest), which offloaded
 *       pods use to reach their origin's API server;
 *   <li>Secrets and ConfigMaps, in {@code liqo} and the tenant namespaces;
 *   <li>CertificateSigningRequests, their approval, and {@code approve} on the signer {@value
 *       #CLIENT_SIGNER} only, to issue client certificates to consumers;
 *   <li>Roles and RoleBindings named {@value #TENANT_ROLE}, the consumers' rights in their tenant
 *       namespace, with {@code bind} and {@code escalate} on that name only; RoleBindings named
 *       {@value #REMOTE_NAMESPACE_ROLE}, a consumer's rights in its twin namespaces, with {@code
 *       bind} on the ClusterRole of that name only;
 *   <li>the webhook configurations named {@value #WEBHOOK_CONFIGURATION}, which the agent registers
 *       with the certificate it serves;
 *   <li>Leases in {@code kube-node-lease} (virtual node heartbeats) and {@code liqo} (the agent's
 *       own heartbeat), through Roles in those two namespaces.
 * </ul>
 *
 * <p>{@link #remoteNamespaceRoles()} are the rights a consumer holds in the twin namespaces a
 * provider creates for it: the objects reflection writes and ShadowPods, read access to the pods
 * made from them and to events. The ClusterRole {@value #REMOTE_NAMESPACE_ROLE} aggregates every
 * ClusterRole labelled {@code liqo.io/aggregate-to-remote-namespace=true}, so a reflector plugin
 * adds the rights its kind needs with a ClusterRole of its own.
 *
 * <p>Kubernetes RBAC cannot scope a rule to namespaces whose names share a prefix, and tenant
 * namespaces come and go with peerings, so the rules on Secrets, ConfigMaps, pods, Roles and
 * RoleBindings apply to every namespace. Likewise {@code create} and {@code list} cannot be limited
 * to resource names. Treat the agent's ServiceAccount as a cluster administrator's credential.
 */
public final class AgentRbac {

  /** The agent's ServiceAccount (in {@code liqo}), ClusterRole and bindings. */
  public static final String NAME = "liqo-agent";

  /** The namespace of node leases, where virtual nodes renew theirs. */
  public static final String NODE_LEASE_NAMESPACE = "kube-node-lease";

  /** The Role (and RoleBinding) that gives a consumer its rights in its tenant namespace. */
  public static final String TENANT_ROLE = "liqo-tenant";

  /**
   * The ClusterRole a consumer's identity is bound to (by a RoleBinding of the same name) in each
   * of its twin namespaces.
   */
  public static final String REMOTE_NAMESPACE_ROLE = "liqo-remote-namespace";

  /** The ClusterRole with the built-in rights aggregated into {@link #REMOTE_NAMESPACE_ROLE}. */
  public static final String REMOTE_NAMESPACE_BUILTIN_ROLE = "liqo-remote-namespace-builtin";

  /** The name of the agent's MutatingWebhookConfiguration and ValidatingWebhookConfiguration. */
  public static final String WEBHOOK_CONFIGURATION = "liqo-webhooks";

  /** The signer of the client certificates the agent issues to consumers. */
  public static final String CLIENT_SIGNER = "kubernetes.io/kube-apiserver-client";

  private static final String RBAC_GROUP = "rbac.authorization.k8s.io";
  private static final List<String> ALL_VERBS =
      List.of("get", "list", "watch", "create", "update", "patch", "delete");
  private static final List<String> READ_VERBS = List.of("get", "list", "watch");

  private AgentRbac() {}

  /** The ServiceAccount, ClusterRole, ClusterRoleBinding and lease Roles, in apply order. */
  public static List<HasMetadata> objects() {
    List<HasMetadata> objects = new ArrayList<>();
    objects.add(serviceAccount());
    objects.add(clusterRole());
    objects.add(clusterRoleBinding());
    objects.addAll(remoteNamespaceRoles());
    for (String namespace : List.of(NODE_LEASE_NAMESPACE, LiqoNamespace.NAME)) {
      objects.add(leaseRole(namespace));
      objects.add(leaseRoleBinding(namespace));
    }
    return objects;
  }

  /** The ServiceAccount {@code liqo/liqo-agent} the agent's Deployment runs as. */
  public static ServiceAccount serviceAccount() {
    return new ServiceAccountBuilder().withMetadata(metadata(LiqoNamespace.NAME)).build();
  }

  /** The cluster-wide rules of the agent. */
  public static ClusterRole clusterRole() {
    List<PolicyRule> rules = new ArrayList<>(liqoResourceRules());
    rules.add(rule("", List.of("namespaces"), ALL_VERBS));
    rules.add(rule("", List.of("nodes"), ALL_VERBS));
    rules.add(rule("", List.of("nodes/status"), List.of("get", "update", "patch")));
    rules.add(rule("", List.of("pods"), ALL_VERBS));
    rules.add(rule("", List.of("pods/status"), List.of("get", "update", "patch")));
    rules.add(rule("", List.of("serviceaccounts/token"), List.of("create")));
    rules.add(rule("", List.of("pods/eviction"), List.of("create")));
    rules.add(rule("", List.of("secrets", "configmaps"), ALL_VERBS));
    // Resource reflection reads what it reflects, and records and reflects events.
    rules.add(rule("", List.of("services"), READ_VERBS));
    rules.add(rule("discovery.k8s.io", List.of("endpointslices"), READ_VERBS));
    rules.add(rule("networking.k8s.io", List.of("ingresses"), READ_VERBS));
    rules.add(
        rule("", List.of("events"), List.of("get", "list", "watch", "create", "patch", "delete")));
    rules.add(
        rule(
            "certificates.k8s.io",
            List.of("certificatesigningrequests"),
            List.of("get", "list", "watch", "create", "delete")));
    rules.add(
        rule(
            "certificates.k8s.io",
            List.of("certificatesigningrequests/approval"),
            List.of("get", "update", "patch")));
    rules.add(
        named(rule("certificates.k8s.io", List.of("signers"), List.of("approve")), CLIENT_SIGNER));
    rules.add(
        rule(RBAC_GROUP, List.of("roles", "rolebindings"), List.of("list", "watch", "create")));
    rules.add(
        named(
            rule(
                RBAC_GROUP,
                List.of("roles", "rolebindings"),
                List.of("get", "update", "patch", "delete")),
            TENANT_ROLE));
    rules.add(named(rule(RBAC_GROUP, List.of("roles"), List.of("bind", "escalate")), TENANT_ROLE));
    rules.add(
        named(
            rule(RBAC_GROUP, List.of("rolebindings"), List.of("get", "update", "patch", "delete")),
            REMOTE_NAMESPACE_ROLE));
    rules.add(
        named(rule(RBAC_GROUP, List.of("clusterroles"), List.of("bind")), REMOTE_NAMESPACE_ROLE));
    String admission = "admissionregistration.k8s.io";
    List<String> webhookConfigurations =
        List.of("mutatingwebhookconfigurations", "validatingwebhookconfigurations");
    rules.add(rule(admission, webhookConfigurations, List.of("list", "watch", "create")));
    rules.add(
        named(
            rule(admission, webhookConfigurations, List.of("get", "update", "patch", "delete")),
            WEBHOOK_CONFIGURATION));
    return new ClusterRoleBuilder().withMetadata(metadata(null)).withRules(rules).build();
  }

  /**
   * The ClusterRole {@value #REMOTE_NAMESPACE_ROLE}, which aggregates the ClusterRoles labelled
   * {@code liqo.io/aggregate-to-remote-namespace=true}, and {@value
   * #REMOTE_NAMESPACE_BUILTIN_ROLE}, the built-in rights it aggregates.
   */
  public static List<ClusterRole> remoteNamespaceRoles() {
    ClusterRole aggregate =
        new ClusterRoleBuilder()
            .withMetadata(named(metadata(null), REMOTE_NAMESPACE_ROLE))
            .withNewAggregationRule()
            .addNewClusterRoleSelector()
            .addToMatchLabels(Labels.AGGREGATE_TO_REMOTE_NAMESPACE, Labels.TRUE)
            .endClusterRoleSelector()
            .endAggregationRule()
            .build();
    ObjectMeta builtinMetadata = named(metadata(null), REMOTE_NAMESPACE_BUILTIN_ROLE);
    builtinMetadata.getLabels().put(Labels.AGGREGATE_TO_REMOTE_NAMESPACE, Labels.TRUE);
    ClusterRole builtin =
        new ClusterRoleBuilder()
            .withMetadata(builtinMetadata)
            .withRules(
                rule(ApiGroups.OFFLOADING, List.of("shadowpods"), ALL_VERBS),
                rule(ApiGroups.OFFLOADING, List.of("shadowpods/status"), READ_VERBS),
                rule("", List.of("pods"), READ_VERBS),
                rule("", List.of("configmaps", "secrets", "services"), ALL_VERBS),
                rule("discovery.k8s.io", List.of("endpointslices"), ALL_VERBS),
                rule("networking.k8s.io", List.of("ingresses"), ALL_VERBS),
                rule("", List.of("events"), READ_VERBS))
            .build();
    return List.of(aggregate, builtin);
  }

  /** Binds {@link #clusterRole()} to the agent's ServiceAccount. */
  public static ClusterRoleBinding clusterRoleBinding() {
    return new ClusterRoleBindingBuilder()
        .withMetadata(metadata(null))
        .withNewRoleRef(RBAC_GROUP, "ClusterRole", NAME)
        .withSubjects(subject())
        .build();
  }

  /** The agent's rights on Leases in {@code namespace}. */
  public static Role leaseRole(String namespace) {
    return new RoleBuilder()
        .withMetadata(metadata(namespace))
        .withRules(rule("coordination.k8s.io", List.of("leases"), ALL_VERBS))
        .build();
  }

  /** Binds {@link #leaseRole(String)} to the agent's ServiceAccount. */
  public static RoleBinding leaseRoleBinding(String namespace) {
    return new RoleBindingBuilder()
        .withMetadata(metadata(namespace))
        .withNewRoleRef(RBAC_GROUP, "Role", NAME)
        .withSubjects(subject())
        .build();
  }

  /** One rule per Liqo API group, over its resources and their status and finalizers. */
  private static List<PolicyRule> liqoResourceRules() {
    Map<String, List<String>> resourcesByGroup = new LinkedHashMap<>();
    for (Class<? extends CustomResource<?, ?>> type : LiqoCrds.types()) {
      String plural = HasMetadata.getPlural(type);
      resourcesByGroup
          .computeIfAbsent(HasMetadata.getGroup(type), group -> new ArrayList<>())
          .addAll(List.of(plural, plural + "/status", plural + "/finalizers"));
    }
    List<PolicyRule> rules = new ArrayList<>();
    resourcesByGroup.forEach((group, resources) -> rules.add(rule(group, resources, ALL_VERBS)));
    return rules;
  }

  private static PolicyRule rule(String group, List<String> resources, List<String> verbs) {
    return new PolicyRuleBuilder()
        .withApiGroups(group)
        .withResources(resources)
        .withVerbs(verbs)
        .build();
  }

  private static PolicyRule named(PolicyRule rule, String resourceName) {
    rule.setResourceNames(List.of(resourceName));
    return rule;
  }

  private static ObjectMeta named(ObjectMeta metadata, String name) {
    metadata.setName(name);
    return metadata;
  }

  private static Subject subject() {
    return new SubjectBuilder()
        .withKind("ServiceAccount")
        .withName(NAME)
        .withNamespace(LiqoNamespace.NAME)
        .build();
  }

  private static ObjectMeta metadata(String namespace) {
    return new ObjectMetaBuilder()
        .withName(NAME)
        .withNamespace(namespace)
        .addToLabels(LiqoNamespace.MANAGED_BY_LABEL, LiqoNamespace.MANAGED_BY_VALUE)
        .build();
  }
}
