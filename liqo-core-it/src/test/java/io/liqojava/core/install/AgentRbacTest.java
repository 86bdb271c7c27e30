package io.liqojava.core.install;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.junit.LocalClusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The agent's ServiceAccount may do what the agent does and no more, as the API server's RBAC
 * authorizer answers it (what {@code kubectl auth can-i --as system:serviceaccount:liqo:liqo-agent}
 * prints).
 */
@LocalClusters({"naples"})
class AgentRbacTest {

  private static final String AGENT = "system:serviceaccount:liqo:liqo-agent";
  private static final String TENANT = "liqo-tenant-rome-1a2b3c";

  @BeforeAll
  static void install(LocalCluster naples) {
    new LiqoInstaller(naples.client()).install("naples", Map.of());
  }

  @Test
  void managesLiqoResourcesAndTheirStatus(LocalCluster naples) {
    assertThat(can(naples, "create", "core.liqo.io", "foreignclusters", "", null, null)).isTrue();
    assertThat(can(naples, "update", "core.liqo.io", "foreignclusters", "status", null, null))
        .isTrue();
    assertThat(
            can(
                naples,
                "patch",
                "authentication.liqo.io",
                "resourceslices",
                "status",
                TENANT,
                null))
        .isTrue();
    assertThat(
            can(naples, "update", "offloading.liqo.io", "virtualnodes", "finalizers", TENANT, null))
        .isTrue();
    assertThat(
            can(
                naples,
                "delete",
                "apiextensions.k8s.io",
                "customresourcedefinitions",
                "",
                null,
                null))
        .isFalse();
  }

  @Test
  void managesTenantNamespacesNodesAndDrainsVirtualNodes(LocalCluster naples) {
    assertThat(can(naples, "create", "", "namespaces", "", null, null)).isTrue();
    assertThat(can(naples, "delete", "", "namespaces", "", null, TENANT)).isTrue();
    assertThat(can(naples, "create", "", "nodes", "", null, null)).isTrue();
    assertThat(can(naples, "patch", "", "nodes", "status", null, "liqo-rome")).isTrue();
    assertThat(can(naples, "list", "", "pods", "", null, null)).isTrue();
    assertThat(can(naples, "create", "", "pods", "eviction", "default", "web-1")).isTrue();
    assertThat(can(naples, "create", "apps", "deployments", "", "default", null)).isFalse();
  }

  @Test
  void runsOffloadedPodsAndMirrorsTheirStatus(LocalCluster naples) {
    assertThat(can(naples, "create", "", "pods", "", "shop-rome", null)).isTrue();
    assertThat(can(naples, "patch", "", "pods", "status", "shop", "web-1")).isTrue();
    assertThat(can(naples, "create", "", "serviceaccounts", "token", "shop", "default")).isTrue();
    assertThat(can(naples, "create", "", "serviceaccounts", "", "shop", null)).isFalse();
    assertThat(can(naples, "update", "apps", "daemonsets", "", "kube-system", "cni")).isFalse();
  }

  @Test
  void bindsConsumersOnlyToTheRemoteNamespaceRoleAndRegistersOnlyItsWebhooks(LocalCluster naples) {
    String rbac = "rbac.authorization.k8s.io";
    String remoteRole = AgentRbac.REMOTE_NAMESPACE_ROLE;
    assertThat(can(naples, "bind", rbac, "clusterroles", "", null, remoteRole)).isTrue();
    assertThat(can(naples, "update", rbac, "rolebindings", "", "shop-rome", remoteRole)).isTrue();
    assertThat(can(naples, "update", rbac, "rolebindings", "", "shop-rome", "admin")).isFalse();
    assertThat(can(naples, "bind", rbac, "clusterroles", "", null, "admin")).isFalse();
    String admission = "admissionregistration.k8s.io";
    String webhooks = AgentRbac.WEBHOOK_CONFIGURATION;
    assertThat(can(naples, "patch", admission, "mutatingwebhookconfigurations", "", null, webhooks))
        .isTrue();
    assertThat(
            can(naples, "delete", admission, "validatingwebhookconfigurations", "", null, webhooks))
        .isTrue();
    assertThat(can(naples, "delete", admission, "mutatingwebhookconfigurations", "", null, "istio"))
        .isFalse();
  }

  @Test
  void readsWhatItReflectsAndRecordsEvents(LocalCluster naples) {
    assertThat(can(naples, "watch", "", "services", "", null, null)).isTrue();
    assertThat(can(naples, "list", "discovery.k8s.io", "endpointslices", "", null, null)).isTrue();
    assertThat(can(naples, "watch", "networking.k8s.io", "ingresses", "", null, null)).isTrue();
    assertThat(can(naples, "create", "", "events", "", "default", null)).isTrue();
    assertThat(can(naples, "patch", "", "events", "", "default", null)).isTrue();
    assertThat(can(naples, "update", "", "services", "", "default", "web")).isFalse();
    assertThat(can(naples, "delete", "networking.k8s.io", "ingresses", "", "default", "x"))
        .isFalse();
  }

  @Test
  void renewsLeasesOnlyInTheNodeLeaseAndLiqoNamespaces(LocalCluster naples) {
    assertThat(can(naples, "create", "coordination.k8s.io", "leases", "", "kube-node-lease", null))
        .isTrue();
    assertThat(can(naples, "update", "coordination.k8s.io", "leases", "", "liqo", "liqo-agent"))
        .isTrue();
    assertThat(can(naples, "create", "coordination.k8s.io", "leases", "", "kube-system", null))
        .isFalse();
  }

  @Test
  void keepsSecretsAndConfigMapsInLiqoAndTenantNamespaces(LocalCluster naples) {
    assertThat(can(naples, "create", "", "secrets", "", "liqo", null)).isTrue();
    assertThat(can(naples, "get", "", "configmaps", "", TENANT, "x")).isTrue();
    // RBAC cannot scope by namespace prefix: documented in AgentRbac
    assertThat(can(naples, "get", "", "secrets", "", "kube-system", "x")).isTrue();
  }

  @Test
  void issuesClientCertificatesOnlyThroughTheApiServerClientSigner(LocalCluster naples) {
    String group = "certificates.k8s.io";
    assertThat(can(naples, "create", group, "certificatesigningrequests", "", null, null)).isTrue();
    assertThat(can(naples, "update", group, "certificatesigningrequests", "approval", null, "x"))
        .isTrue();
    assertThat(can(naples, "approve", group, "signers", "", null, AgentRbac.CLIENT_SIGNER))
        .isTrue();
    assertThat(can(naples, "approve", group, "signers", "", null, "kubernetes.io/kubelet-serving"))
        .isFalse();
    assertThat(can(naples, "approve", group, "signers", "", null, "kubernetes.io/legacy-unknown"))
        .isFalse();
  }

  @Test
  void writesOnlyTheTenantRoleAndBindsOrEscalatesNothingElse(LocalCluster naples) {
    String rbac = "rbac.authorization.k8s.io";
    assertThat(can(naples, "patch", rbac, "roles", "", TENANT, "liqo-tenant")).isTrue();
    assertThat(can(naples, "patch", rbac, "rolebindings", "", TENANT, "liqo-tenant")).isTrue();
    assertThat(can(naples, "bind", rbac, "roles", "", TENANT, "liqo-tenant")).isTrue();
    assertThat(can(naples, "escalate", rbac, "roles", "", TENANT, "liqo-tenant")).isTrue();
    assertThat(can(naples, "patch", rbac, "roles", "", "kube-system", "admin")).isFalse();
    assertThat(can(naples, "bind", rbac, "clusterroles", "", null, "cluster-admin")).isFalse();
    assertThat(can(naples, "escalate", rbac, "roles", "", TENANT, "admin")).isFalse();
    assertThat(can(naples, "create", rbac, "clusterroles", "", null, null)).isFalse();
    assertThat(can(naples, "create", rbac, "clusterrolebindings", "", null, null)).isFalse();
  }

  private static boolean can(
      LocalCluster cluster,
      String verb,
      String group,
      String resource,
      String subresource,
      String namespace,
      String name) {
    ResourceAttributes attributes =
        new ResourceAttributesBuilder()
            .withVerb(verb)
            .withGroup(group)
            .withResource(resource)
            .withSubresource(subresource)
            .withNamespace(namespace)
            .withName(name)
            .build();
    SubjectAccessReview review =
        new SubjectAccessReviewBuilder()
            .withNewSpec()
            .withUser(AGENT)
            .withGroups(
                List.of(
                    "system:serviceaccounts",
                    "system:serviceaccounts:liqo",
                    "system:authenticated"))
            .withResourceAttributes(attributes)
            .endSpec()
            .build();
    return cluster
        .client()
        .authorization()
        .v1()
        .subjectAccessReview()
        .create(review)
        .getStatus()
        .getAllowed();
  }
}
