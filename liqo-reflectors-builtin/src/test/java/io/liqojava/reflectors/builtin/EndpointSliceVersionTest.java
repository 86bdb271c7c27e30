package io.liqojava.reflectors.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.liqojava.reflection.spi.ReflectionException;
import io.liqojava.reflection.spi.Reflector;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each cluster is asked which version of discovery.k8s.io it serves. */
class EndpointSliceVersionTest {

  private static final String DISCOVERY = "/apis/discovery.k8s.io";

  private final MockCluster rome = MockCluster.withExpectations();
  private final MockCluster milan = MockCluster.withExpectations();

  @AfterEach
  void stopClusters() {
    rome.close();
    milan.close();
  }

  private static void serves(MockCluster cluster, String... versions) {
    cluster
        .server
        .expect()
        .get()
        .withPath(DISCOVERY)
        .andReturn(
            200,
            new APIGroupBuilder()
                .withName("discovery.k8s.io")
                .withVersions(
                    Arrays.stream(versions)
                        .map(v -> new GroupVersionForDiscovery("discovery.k8s.io/" + v, v))
                        .toList())
                .withNewPreferredVersion("discovery.k8s.io/" + versions[0], versions[0])
                .build())
        .always();
  }

  private Reflector<?, ?> create() {
    return new EndpointSliceReflectorProvider()
        .create(Fixtures.context(rome.client, milan.client).build());
  }

  @Test
  void followsTheVersionEachClusterServes() {
    serves(rome, "v1beta1");
    serves(milan, "v1");

    Reflector<?, ?> reflector = create();

    assertThat(reflector.sourceType())
        .isEqualTo(io.fabric8.kubernetes.api.model.discovery.v1beta1.EndpointSlice.class);
    assertThat(reflector.targetType())
        .isEqualTo(io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice.class);
  }

  @Test
  void prefersV1WhenBothAreServed() {
    serves(rome, "v1beta1", "v1");
    serves(milan, "v1", "v1beta1");

    Reflector<?, ?> reflector = create();

    assertThat(reflector.sourceType())
        .isEqualTo(io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice.class);
    assertThat(reflector.targetType())
        .isEqualTo(io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice.class);
  }

  @Test
  void clusterWithoutEndpointSlicesIsReportedWithTheFix() {
    serves(rome, "v1");

    ReflectionException failure = catchThrowableOfType(ReflectionException.class, this::create);

    assertThat(failure)
        .hasMessageContaining("remote cluster milan-4d5e6f")
        .hasMessageContaining("serves neither discovery.k8s.io/v1 nor discovery.k8s.io/v1beta1")
        .hasMessageContaining("disable the 'endpointslices' reflector");
    assertThat(failure.isRetryable()).isFalse();
  }

  @Test
  void unansweredDiscoveryIsRetryable() {
    serves(milan, "v1");
    rome.server.expect().get().withPath(DISCOVERY).andReturn(503, "unavailable").always();

    ReflectionException failure = catchThrowableOfType(ReflectionException.class, this::create);

    assertThat(failure).hasMessageContaining("could not ask the local cluster rome-1a2b3c");
    assertThat(failure.isRetryable()).isTrue();
  }
}
