package io.liqojava.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.api.networking.v1beta1.Connection;
import io.liqojava.api.networking.v1beta1.PublicKey;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloading;
import io.liqojava.api.offloading.v1beta1.ShadowEndpointSlice;
import io.liqojava.api.offloading.v1beta1.ShadowPod;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LiqoCrdsTest {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** The kinds that, like in Liqo, have no status. */
  private static final Set<Class<?>> WITHOUT_STATUS =
      Set.of(ShadowEndpointSlice.class, PublicKey.class);

  static List<Class<? extends CustomResource<?, ?>>> types() {
    return LiqoCrds.types();
  }

  @Test
  void listsEveryLiqoKindOnce() {
    assertThat(LiqoCrds.names())
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrder(
            "foreignclusters.core.liqo.io",
            "tenants.authentication.liqo.io",
            "identities.authentication.liqo.io",
            "resourceslices.authentication.liqo.io",
            "virtualnodes.offloading.liqo.io",
            "namespaceoffloadings.offloading.liqo.io",
            "namespacemaps.offloading.liqo.io",
            "shadowpods.offloading.liqo.io",
            "shadowendpointslices.offloading.liqo.io",
            "configurations.networking.liqo.io",
            "gatewayservers.networking.liqo.io",
            "gatewayclients.networking.liqo.io",
            "publickeies.networking.liqo.io",
            "connections.networking.liqo.io",
            "networks.ipam.liqo.io",
            "ips.ipam.liqo.io");
  }

  @ParameterizedTest
  @MethodSource("types")
  void generatedManifestIsOnTheClasspathAndDescribesTheClass(
      Class<? extends CustomResource<?, ?>> type) throws IOException {
    CustomResourceDefinition crd;
    try (InputStream manifest = LiqoCrds.openManifest(type)) {
      crd = SERIALIZATION.unmarshal(manifest, CustomResourceDefinition.class);
    }

    assertThat(crd.getMetadata().getName()).isEqualTo(LiqoCrds.name(type));
    assertThat(crd.getSpec().getNames().getKind()).isEqualTo(type.getSimpleName());
    assertThat(crd.getSpec().getNames().getCategories()).containsExactly("liqo");
    assertThat(crd.getSpec().getScope())
        .isEqualTo(type == ForeignCluster.class ? "Cluster" : "Namespaced");
    assertThat(crd.getSpec().getVersions())
        .singleElement()
        .satisfies(
            version -> {
              assertThat(version.getName()).isEqualTo(ApiGroups.VERSION);
              assertThat(version.getServed()).isTrue();
              assertThat(version.getStorage()).isTrue();
              if (WITHOUT_STATUS.contains(type)) {
                assertThat(version.getSubresources()).isNull();
              } else {
                assertThat(version.getSubresources().getStatus()).isNotNull();
              }
            });
  }

  @Test
  void foreignClusterPrintsTheColumnsOfTheTutorials() {
    CustomResourceDefinitionVersion version = version(ForeignCluster.class);

    assertThat(version.getAdditionalPrinterColumns())
        .extracting(CustomResourceColumnDefinition::getName)
        .containsExactly(
            "Type",
            "Outgoing Peering",
            "Incoming Peering",
            "Networking",
            "Authentication",
            "Age",
            "Role",
            "Cluster ID");
    assertThat(version.getAdditionalPrinterColumns())
        .extracting(CustomResourceColumnDefinition::getPriority)
        .containsExactly(null, null, null, null, null, null, 1, 1);
    assertThat(version.getAdditionalPrinterColumns().get(1).getJsonPath())
        .isEqualTo(".status.peeringConditions[?(@.type==\"OutgoingPeering\")].status");
    assertThat(version.getAdditionalPrinterColumns().get(5).getType()).isEqualTo("date");
  }

  @Test
  void foreignClusterSchemaValidatesPeeringFields() {
    JSONSchemaProps spec = property(schema(ForeignCluster.class), "spec");
    assertThat(spec.getRequired()).containsExactly("clusterID");
    assertThat(enumValues(property(spec, "peeringType"))).containsExactly("InBand", "OutOfBand");
    assertThat(property(spec, "peeringType").getDefault().asText()).isEqualTo("OutOfBand");
    assertThat(enumValues(property(spec, "outgoingPeeringEnabled")))
        .containsExactlyInAnyOrder("Auto", "Yes", "No");
    assertThat(property(spec, "insecureSkipTLSVerify").getType()).isEqualTo("boolean");

    JSONSchemaProps status = property(schema(ForeignCluster.class), "status");
    assertThat(enumValues(property(status, "role")))
        .containsExactlyInAnyOrder("Provider", "Consumer", "ConsumerAndProvider", "Unknown");
    JSONSchemaProps condition = property(status, "peeringConditions").getItems().getSchema();
    assertThat(condition.getRequired()).containsExactlyInAnyOrder("type", "status");
    assertThat(enumValues(property(condition, "type")))
        .containsExactlyInAnyOrder(
            "OutgoingPeering",
            "IncomingPeering",
            "NetworkStatus",
            "AuthenticationStatus",
            "APIServerStatus");
    assertThat(enumValues(property(condition, "status")))
        .containsExactlyInAnyOrder(
            "None", "Pending", "Established", "Disconnecting", "Denied", "Error");
    assertThat(property(status, "tenantNamespace").getProperties())
        .containsOnlyKeys("local", "remote");
  }

  @Test
  void namespaceOffloadingSchemaMatchesTheSeedStatus() {
    JSONSchemaProps spec = property(schema(NamespaceOffloading.class), "spec");
    assertThat(enumValues(property(spec, "namespaceMappingStrategy")))
        .containsExactlyInAnyOrder("DefaultName", "EnforceSameName", "SelectedName");
    assertThat(property(spec, "namespaceMappingStrategy").getDefault().asText())
        .isEqualTo("DefaultName");
    assertThat(enumValues(property(spec, "podOffloadingStrategy")))
        .containsExactlyInAnyOrder("LocalAndRemote", "Local", "Remote");
    assertThat(property(spec, "podOffloadingStrategy").getDefault().asText())
        .isEqualTo("LocalAndRemote");
    assertThat(property(spec, "clusterSelector").getProperties()).containsKey("nodeSelectorTerms");

    JSONSchemaProps status = property(schema(NamespaceOffloading.class), "status");
    assertThat(enumValues(property(status, "offloadingPhase")))
        .containsExactlyInAnyOrder(
            "Ready", "NoClusterSelected", "InProgress", "SomeFailed", "AllFailed", "Terminating");
    assertThat(property(status, "remoteNamespaceName").getType()).isEqualTo("string");
    JSONSchemaProps condition =
        property(status, "remoteNamespacesConditions")
            .getAdditionalProperties()
            .getSchema()
            .getItems()
            .getSchema();
    assertThat(enumValues(property(condition, "type")))
        .containsExactlyInAnyOrder("OffloadingRequired", "Ready");
    assertThat(enumValues(property(condition, "status")))
        .containsExactlyInAnyOrder("True", "False", "Unknown");
    assertThat(condition.getProperties())
        .containsOnlyKeys("type", "status", "reason", "message", "lastTransitionTime");
  }

  @Test
  void requiredFieldsAreRequired() {
    assertThat(property(schema(Connection.class), "spec").getRequired())
        .containsExactlyInAnyOrder("type", "gatewayRef");
    assertThat(property(schema(PublicKey.class), "spec").getRequired())
        .containsExactly("publicKey");
  }

  @Test
  void byteArraysAreBase64Strings() {
    JSONSchemaProps publicKey = property(property(schema(PublicKey.class), "spec"), "publicKey");
    assertThat(publicKey.getType()).isEqualTo("string");
  }

  @Test
  void shadowPodWrapsAPodSpec() {
    JSONSchemaProps pod = property(property(schema(ShadowPod.class), "spec"), "pod");
    assertThat(pod.getProperties()).containsKeys("containers", "volumes", "nodeName");
    assertThat(enumValues(property(property(schema(ShadowPod.class), "status"), "phase")))
        .containsExactlyInAnyOrder("Pending", "Running", "Succeeded", "Failed", "Unknown");
  }

  private static CustomResourceDefinitionVersion version(
      Class<? extends CustomResource<?, ?>> type) {
    return LiqoCrds.definition(type).getSpec().getVersions().get(0);
  }

  private static JSONSchemaProps schema(Class<? extends CustomResource<?, ?>> type) {
    return version(type).getSchema().getOpenAPIV3Schema();
  }

  private static JSONSchemaProps property(JSONSchemaProps object, String name) {
    assertThat(object.getProperties()).containsKey(name);
    return object.getProperties().get(name);
  }

  private static List<String> enumValues(JSONSchemaProps property) {
    return property.getEnum().stream().map(JsonNode::asText).toList();
  }
}
