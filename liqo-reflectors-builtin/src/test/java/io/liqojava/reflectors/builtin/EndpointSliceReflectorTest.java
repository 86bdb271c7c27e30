package io.liqojava.reflectors.builtin;

import static io.liqojava.reflectors.builtin.ForgedMetadataAssert.assertOnlyForgedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.ForZone;
import io.liqojava.reflection.spi.ReflectionException;
import io.liqojava.reflection.spi.ReflectorContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointSliceReflectorTest {

  private final ReflectorContext context =
      Fixtures.context().remapper(Fixtures.POD_CIDR_REMAPPER).build();

  private static ObjectMeta sliceMetadata() {
    return Fixtures.served(
        "web-x9z4q",
        Map.of(
            "kubernetes.io/service-name", "web",
            "endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io"),
        Map.of("endpoints.kubernetes.io/last-change-trigger-time", "2026-11-20T10:00:00Z"));
  }

  /** Three endpoints: a local pod, a pod offloaded to Milan, an address outside the cluster. */
  private static EndpointSlice v1Slice() {
    return new EndpointSliceBuilder()
        .withMetadata(sliceMetadata())
        .withAddressType("IPv4")
        .addNewPort()
        .withName("http")
        .withProtocol("TCP")
        .withPort(8080)
        .withAppProtocol("http")
        .endPort()
        .addNewEndpoint()
        .withAddresses("10.244.1.5")
        .withNewConditions()
        .withReady(true)
        .withServing(true)
        .withTerminating(false)
        .endConditions()
        .withHostname("web-0")
        .withNodeName("worker-1")
        .withZone("zone-a")
        .withNewTargetRef()
        .withKind("Pod")
        .withNamespace("shop")
        .withName("web-0")
        .withUid("0b6d3f6e-8a51-4bb4-a0b3-0c2b5b0c0003")
        .endTargetRef()
        .withNewHints()
        .addNewForZone("zone-a")
        .addNewForNode("worker-1")
        .endHints()
        .endEndpoint()
        .addNewEndpoint()
        .withAddresses("10.244.7.9")
        .withNodeName(Fixtures.VIRTUAL_NODE)
        .endEndpoint()
        .addNewEndpoint()
        .withAddresses("192.168.50.4")
        .endEndpoint()
        .build();
  }

  private static io.fabric8.kubernetes.api.model.discovery.v1beta1.EndpointSlice v1beta1Slice() {
    return new io.fabric8.kubernetes.api.model.discovery.v1beta1.EndpointSliceBuilder()
        .withMetadata(sliceMetadata())
        .withAddressType("IPv4")
        .addNewPort()
        .withName("http")
        .withProtocol("TCP")
        .withPort(8080)
        .endPort()
        .addNewEndpoint()
        .withAddresses("10.244.1.5")
        .withNewConditions()
        .withReady(true)
        .endConditions()
        .withHostname("web-0")
        .withTopology(
            Map.of(
                "kubernetes.io/hostname", "worker-1",
                "topology.kubernetes.io/zone", "zone-a",
                "topology.kubernetes.io/region", "europe"))
        .withNewTargetRef()
        .withKind("Pod")
        .withName("web-0")
        .endTargetRef()
        .endEndpoint()
        .addNewEndpoint()
        .withAddresses("10.244.7.9")
        .withTopology(Map.of("kubernetes.io/hostname", Fixtures.VIRTUAL_NODE))
        .endEndpoint()
        .build();
  }

  private <S extends HasMetadata, T extends HasMetadata> T forge(
      SliceCodec<S> source, SliceCodec<T> target, S slice) {
    return new EndpointSliceReflector<>(source, target, context).forge(slice).orElseThrow();
  }

  @Test
  void skipsEndpointsOnTheVirtualNodeAndRemapsTheOthers() {
    EndpointSlice target = forge(new V1SliceCodec(), new V1SliceCodec(), v1Slice());

    assertThat(target.getEndpoints())
        .extracting(Endpoint::getAddresses)
        .containsExactly(List.of("10.250.1.5"), List.of("192.168.50.4"));
  }

  @Test
  void dropsWhatNamesLocalObjectsAndKeepsTheRest() {
    EndpointSlice target = forge(new V1SliceCodec(), new V1SliceCodec(), v1Slice());

    Endpoint endpoint = target.getEndpoints().get(0);
    assertThat(endpoint.getTargetRef()).isNull();
    assertThat(endpoint.getNodeName()).isNull();
    assertThat(endpoint.getHints().getForNodes()).isNullOrEmpty();
    assertThat(endpoint.getHints().getForZones())
        .extracting(ForZone::getName)
        .containsExactly("zone-a");
    assertThat(endpoint.getConditions().getReady()).isTrue();
    assertThat(endpoint.getConditions().getServing()).isTrue();
    assertThat(endpoint.getConditions().getTerminating()).isFalse();
    assertThat(endpoint.getHostname()).isEqualTo("web-0");
    assertThat(endpoint.getZone()).isEqualTo("zone-a");
    assertThat(target.getAddressType()).isEqualTo("IPv4");
    assertThat(target.getPorts()).isEqualTo(v1Slice().getPorts());
  }

  @Test
  void isLabelledAsManagedByReflectionForTheRemoteControllerToIgnoreIt() {
    EndpointSlice target = forge(new V1SliceCodec(), new V1SliceCodec(), v1Slice());

    assertThat(target.getMetadata().getName()).isEqualTo("web-x9z4q");
    assertThat(target.getMetadata().getLabels())
        .isEqualTo(
            Map.of(
                "kubernetes.io/service-name", "web",
                "endpointslice.kubernetes.io/managed-by", "endpointslice.reflection.liqo.io"));
    assertThat(target.getMetadata().getAnnotations())
        .containsOnlyKeys("endpoints.kubernetes.io/last-change-trigger-time");
    assertOnlyForgedFields(target.getMetadata());
  }

  @Test
  void convertsV1beta1ToV1() {
    EndpointSlice target = forge(new V1beta1SliceCodec(), new V1SliceCodec(), v1beta1Slice());

    assertThat(target.getApiVersion()).isEqualTo("discovery.k8s.io/v1");
    assertThat(target.getEndpoints()).hasSize(1);
    Endpoint endpoint = target.getEndpoints().get(0);
    assertThat(endpoint.getAddresses()).containsExactly("10.250.1.5");
    assertThat(endpoint.getZone()).isEqualTo("zone-a");
    assertThat(endpoint.getNodeName()).isNull();
    assertThat(endpoint.getDeprecatedTopology()).isNullOrEmpty();
    assertThat(endpoint.getHostname()).isEqualTo("web-0");
    assertThat(endpoint.getConditions().getReady()).isTrue();
    assertThat(target.getPorts())
        .singleElement()
        .satisfies(
            port -> {
              assertThat(port.getName()).isEqualTo("http");
              assertThat(port.getProtocol()).isEqualTo("TCP");
              assertThat(port.getPort()).isEqualTo(8080);
            });
  }

  @Test
  void convertsV1ToV1beta1() {
    io.fabric8.kubernetes.api.model.discovery.v1beta1.EndpointSlice target =
        forge(new V1SliceCodec(), new V1beta1SliceCodec(), v1Slice());

    assertThat(target.getApiVersion()).isEqualTo("discovery.k8s.io/v1beta1");
    assertThat(target.getEndpoints()).hasSize(2);
    io.fabric8.kubernetes.api.model.discovery.v1beta1.Endpoint endpoint =
        target.getEndpoints().get(0);
    assertThat(endpoint.getAddresses()).containsExactly("10.250.1.5");
    assertThat(endpoint.getTopology()).isEqualTo(Map.of("topology.kubernetes.io/zone", "zone-a"));
    assertThat(endpoint.getNodeName()).isNull();
    assertThat(endpoint.getTargetRef()).isNull();
    assertThat(endpoint.getHints().getForZones())
        .extracting(io.fabric8.kubernetes.api.model.discovery.v1beta1.ForZone::getName)
        .containsExactly("zone-a");
    assertThat(endpoint.getConditions().getTerminating()).isFalse();
    assertThat(target.getPorts()).singleElement().extracting("appProtocol").isEqualTo("http");
  }

  @Test
  void v1beta1StaysV1beta1() {
    io.fabric8.kubernetes.api.model.discovery.v1beta1.EndpointSlice target =
        forge(new V1beta1SliceCodec(), new V1beta1SliceCodec(), v1beta1Slice());

    assertThat(target.getEndpoints())
        .singleElement()
        .satisfies(
            endpoint -> {
              assertThat(endpoint.getAddresses()).containsExactly("10.250.1.5");
              assertThat(endpoint.getTopology())
                  .isEqualTo(Map.of("topology.kubernetes.io/zone", "zone-a"));
            });
  }

  @Test
  void fqdnAddressesAreNotRemapped() {
    EndpointSlice source =
        new EndpointSliceBuilder(v1Slice())
            .withAddressType("FQDN")
            .withEndpoints(new EndpointBuilder().withAddresses("db.example.com").build())
            .build();

    EndpointSlice target = forge(new V1SliceCodec(), new V1SliceCodec(), source);

    assertThat(target.getEndpoints().get(0).getAddresses()).containsExactly("db.example.com");
  }

  @Test
  void addressThatIsNotAnIpIsRejected() {
    EndpointSlice source =
        new EndpointSliceBuilder(v1Slice())
            .withEndpoints(new EndpointBuilder().withAddresses("db.example.com").build())
            .build();

    ReflectionException rejected =
        catchThrowableOfType(
            ReflectionException.class, () -> forge(new V1SliceCodec(), new V1SliceCodec(), source));

    assertThat(rejected.isRetryable()).isFalse();
    assertThat(rejected).hasMessageContaining("web-x9z4q").hasMessageContaining("db.example.com");
  }

  @Test
  void sourceIsNeitherChangedNorShared() {
    EndpointSlice source = v1Slice();
    EndpointSlice before = new EndpointSliceBuilder(source).build();

    EndpointSlice target = forge(new V1SliceCodec(), new V1SliceCodec(), source);
    target.getEndpoints().get(0).getAddresses().set(0, "10.250.9.9");
    target.getPorts().get(0).setPort(9090);

    assertThat(source).isEqualTo(before);
  }
}
