package io.liqojava.core.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionList;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.liqojava.api.LiqoCrds;
import io.liqojava.api.core.v1beta1.ForeignCluster;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.junit.LocalClusters;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@LocalClusters({"a"})
class CrdInstallerTest {

  private static final String NAMESPACE = "crd-installer-test";

  private final LocalCluster cluster;
  private final KubernetesClient client;
  private final CrdInstaller installer;

  CrdInstallerTest(LocalCluster a) {
    this.cluster = a;
    this.client = a.client();
    this.installer = new CrdInstaller(client, Duration.ofSeconds(30));
  }

  @BeforeEach
  void installCrdsAndNamespace() {
    installer.install();
    client
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .serverSideApply();
  }

  @AfterEach
  void deleteSamples() {
    for (CustomResource<?, ?> sample : SampleResources.all(NAMESPACE)) {
      client.resource(sample).withTimeout(30, TimeUnit.SECONDS).delete();
    }
  }

  @Test
  void installsEveryCrdAndWaitsUntilEstablished() {
    List<CustomResourceDefinition> installed = installer.install();

    assertThat(installed)
        .extracting(crd -> crd.getMetadata().getName())
        .containsExactlyElementsOf(LiqoCrds.names());
    for (String name : LiqoCrds.names()) {
      CustomResourceDefinition crd = crds().withName(name).get();
      assertThat(crd.getStatus().getConditions())
          .anyMatch(c -> c.getType().equals("Established") && c.getStatus().equals("True"));
    }
  }

  @Test
  void installingAgainChangesNothing() throws InterruptedException {
    Map<String, String> before = resourceVersions();
    // Managed-field timestamps have a resolution of one second: let one pass, so that a needless
    // write shows up as a new resource version.
    Thread.sleep(1_100);

    installer.install();

    assertThat(resourceVersions()).isEqualTo(before);
  }

  @Test
  void installingRestoresACrdChangedInTheCluster() {
    String name = LiqoCrds.name(ForeignCluster.class);
    crds()
        .withName(name)
        .edit(
            crd -> {
              crd.getSpec().getNames().setShortNames(List.of("fcx"));
              crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns().remove(0);
              return crd;
            });

    installer.install();

    CustomResourceDefinition restored = crds().withName(name).get();
    assertThat(restored.getSpec().getNames().getShortNames()).containsExactly("fc");
    assertThat(restored.getSpec().getVersions().get(0).getAdditionalPrinterColumns())
        .extracting(CustomResourceColumnDefinition::getName)
        .startsWith("Type", "Outgoing Peering");
  }

  @Test
  void everyKindRoundTripsWithItsStatus() {
    List<CustomResource<?, ?>> samples = SampleResources.all(NAMESPACE);
    assertThat(samples).extracting(Object::getClass).containsExactlyElementsOf(LiqoCrds.types());

    for (CustomResource<?, ?> sample : samples) {
      roundTrip(sample);
    }
  }

  private <S, T, R extends CustomResource<S, T>> void roundTrip(R sample) {
    R created = client.resource(sample).create();
    assertThat(created.getSpec()).as("spec of %s", sample.getKind()).isEqualTo(sample.getSpec());
    if (sample.getStatus() == null) {
      return;
    }
    assertThat(created.getStatus())
        .as("status of a new %s, which only the status subresource sets", sample.getKind())
        .isNull();

    created.setStatus(sample.getStatus());
    client.resource(created).updateStatus();

    R read = client.resource(sample).get();
    assertThat(read.getSpec()).as("spec of %s", sample.getKind()).isEqualTo(sample.getSpec());
    assertThat(read.getStatus()).as("status of %s", sample.getKind()).isEqualTo(sample.getStatus());
  }

  @Test
  void rejectsAnUnknownEnumValueNamingTheField() {
    GenericKubernetesResource offloading =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("offloading.liqo.io/v1beta1")
            .withKind("NamespaceOffloading")
            .withNewMetadata()
            .withName("offloading")
            .withNamespace(NAMESPACE)
            .endMetadata()
            .addToAdditionalProperties("spec", Map.of("podOffloadingStrategy", "Sideways"))
            .build();

    assertThatThrownBy(() -> client.resource(offloading).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.podOffloadingStrategy")
        .hasMessageContaining("Sideways")
        .hasMessageContaining("LocalAndRemote");
  }

  @Test
  void rejectsAForeignClusterWithoutClusterId() {
    ForeignCluster withoutId = SampleResources.foreignCluster("milan");
    withoutId.getSpec().setClusterID(null);

    assertThatThrownBy(() -> client.resource(withoutId).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.clusterID")
        .hasMessageContaining("Required value");
  }

  @Test
  void kubectlPrintsForeignClustersLikeTheTutorials() {
    ForeignCluster milan = client.resource(SampleResources.foreignCluster("milan")).create();
    milan.setStatus(SampleResources.foreignCluster("milan").getStatus());
    client.resource(milan).updateStatus();

    List<String> table = cluster.kubectl("get", "foreignclusters", "milan").lines().toList();
    List<String> wide =
        cluster.kubectl("get", "foreignclusters", "milan", "-o", "wide").lines().toList();

    assertThat(table.get(0))
        .matches("NAME +TYPE +OUTGOING PEERING +INCOMING PEERING +NETWORKING +AUTHENTICATION +AGE");
    assertThat(table.get(1))
        .matches("milan +OutOfBand +Established +None +Established +Established +\\w+");
    assertThat(wide.get(0))
        .matches(
            "NAME +TYPE +OUTGOING PEERING +INCOMING PEERING +NETWORKING +AUTHENTICATION +AGE"
                + " +ROLE +CLUSTER ID");
    assertThat(wide.get(1)).matches("milan +OutOfBand .* +Provider +" + SampleResources.CLUSTER_ID);
  }

  @Test
  void namesTakenByAnotherCrdFailTheInstallationNamingTheCrd() {
    installer.uninstall();
    CustomResourceDefinition impostor =
        new CustomResourceDefinitionBuilder(LiqoCrds.definition(ForeignCluster.class))
            .editMetadata()
            .withName("impostors.core.liqo.io")
            .endMetadata()
            .editSpec()
            .editNames()
            .withKind("Impostor")
            .withPlural("impostors")
            .withSingular("impostor")
            .endNames()
            .endSpec()
            .build();
    client.resource(impostor).create();
    try {
      assertThatThrownBy(installer::install)
          .isInstanceOfSatisfying(
              CrdInstallationException.class,
              e -> assertThat(e.crdName()).isEqualTo("foreignclusters.core.liqo.io"))
          .hasMessageContaining("foreignclusters.core.liqo.io")
          .hasMessageContaining("NamesAccepted=False")
          .hasMessageContaining("\"fc\"");
    } finally {
      client.resource(impostor).withTimeout(30, TimeUnit.SECONDS).delete();
    }
    installer.install();
  }

  @Test
  void uninstallingRemovesTheCrdsAndTheirResources() {
    client.resource(SampleResources.foreignCluster("milan")).create();
    client.resource(SampleResources.namespaceOffloading(NAMESPACE)).create();

    try {
      installer.uninstall();

      for (String name : LiqoCrds.names()) {
        assertThat(crds().withName(name).get()).as(name).isNull();
      }
      assertThatCode(installer::uninstall).as("uninstalling again").doesNotThrowAnyException();
    } finally {
      installer.install();
    }
  }

  private Map<String, String> resourceVersions() {
    return LiqoCrds.names().stream()
        .collect(
            Collectors.toMap(
                name -> name,
                name -> crds().withName(name).get().getMetadata().getResourceVersion()));
  }

  private NonNamespaceOperation<
          CustomResourceDefinition,
          CustomResourceDefinitionList,
          Resource<CustomResourceDefinition>>
      crds() {
    return client.apiextensions().v1().customResourceDefinitions();
  }
}
