package io.liqojava.reflectors.builtin;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/** A mock API server, started, and a client of it that does not retry failed requests. */
final class MockCluster implements AutoCloseable {

  final KubernetesMockServer server;
  final KubernetesClient client;

  private MockCluster(KubernetesMockServer server) {
    this.server = server;
    server.init();
    this.client =
        server.createClient(
            builder -> builder.editOrNewConfig().withRequestRetryBackoffLimit(0).endConfig());
  }

  /**
   * A server answering only the requests it is told to {@linkplain KubernetesMockServer#expect}.
   */
  static MockCluster withExpectations() {
    return new MockCluster(new KubernetesMockServer(false));
  }

  /** A server that stores objects like an API server, and answers expectations first. */
  static MockCluster withCrud() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    return new MockCluster(
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false));
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
