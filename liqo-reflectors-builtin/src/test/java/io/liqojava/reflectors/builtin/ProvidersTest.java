package io.liqojava.reflectors.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.liqojava.reflection.spi.ReflectedResource;
import io.liqojava.reflection.spi.ReflectorProvider;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ProvidersTest {

  private final List<ReflectorProvider> providers =
      ServiceLoader.load(ReflectorProvider.class).stream()
          .map(ServiceLoader.Provider::get)
          .toList();

  @Test
  void serviceLoaderFindsEveryBuiltInProviderUnderAUniqueName() {
    assertThat(providers)
        .extracting(
            ReflectorProvider::name,
            ReflectorProvider::resource,
            ReflectorProvider::priority,
            ReflectorProvider::defaultWorkers)
        .containsExactlyInAnyOrder(
            tuple("configmaps", ReflectedResource.of("", "ConfigMap"), 0, 3),
            tuple("secrets", ReflectedResource.of("", "Secret"), 0, 3),
            tuple("services", ReflectedResource.of("", "Service"), 0, 3),
            tuple(
                "endpointslices", ReflectedResource.of("discovery.k8s.io", "EndpointSlice"), 0, 10),
            tuple("ingresses", ReflectedResource.of("networking.k8s.io", "Ingress"), 0, 3),
            tuple("events", ReflectedResource.of("", "Event"), 0, 3));
    assertThat(providers).extracting(ReflectorProvider::name).doesNotHaveDuplicates();
  }
}
