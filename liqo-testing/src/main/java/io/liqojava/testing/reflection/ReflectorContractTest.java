package io.liqojava.testing.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.liqojava.api.consts.Annotations;
import io.liqojava.api.consts.Labels;
import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.core.reflection.ReflectionConfig;
import io.liqojava.core.reflection.ReflectionManager;
import io.liqojava.core.reflection.ReflectorRegistry;
import io.liqojava.reflection.spi.EventRecorder;
import io.liqojava.reflection.spi.NamespacePair;
import io.liqojava.reflection.spi.ReflectionDirection;
import io.liqojava.reflection.spi.Reflector;
import io.liqojava.reflection.spi.ReflectorContext;
import io.liqojava.reflection.spi.ReflectorProvider;
import io.liqojava.testing.LocalCluster;
import io.liqojava.testing.junit.Cluster;
import io.liqojava.testing.junit.LocalClusters;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract every {@link ReflectorProvider} must honour, checked against two real clusters of
 * the test bed with the real reflection manager. A plugin's test extends it and says how to make
 * and change a source object:
 *
 * <pre>{@code
 * class GreetingReflectorContractTest extends ReflectorContractTest<Greeting> {
 *   protected ReflectorProvider provider() { return new GreetingReflectorProvider(); }
 *   protected void prepare(LocalCluster cluster) { cluster.kubectl("apply", "-f", crdPath); }
 *   protected Greeting newSource(String name) { ... }
 *   protected void change(Greeting source) { source.getSpec().setText("changed"); }
 * }
 * }</pre>
 *
 * <p>The contract: the provider is registered for {@link ServiceLoader}; {@code forge} is
 * repeatable and leaves its input alone; a new source is reflected with the ownership labels and
 * what {@code forge} returned; updates and deletions propagate; an object in the way that
 * reflection did not create is never overwritten, and a {@code FailedReflection} event says so;
 * objects annotated {@code liqo.io/skip-reflection=true} are not reflected. Reflectors of the
 * remote-to-local direction are outside this contract (its tests are skipped).
 *
 * @param <S> the source type
 */
@LocalClusters({"origin", "provider"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ReflectorContractTest<S extends HasMetadata> {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String LOCAL_NAMESPACE = "contract";
  private static final String REMOTE_NAMESPACE = "contract-origin";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ClusterIdentity originIdentity =
      ClusterIdentity.builder().clusterId("origin-c0ffee").clusterName("origin").build();
  private final ClusterIdentity providerIdentity =
      ClusterIdentity.builder().clusterId("provider-c0ffee").clusterName("provider").build();

  private KubernetesClient local;
  private KubernetesClient remote;
  private Reflector<S, ? extends HasMetadata> reflector;
  private ReflectionManager manager;

  /** The provider under test. */
  protected abstract ReflectorProvider provider();

  /** A new, valid source object called {@code name}, without a namespace. */
  protected abstract S newSource(String name);

  /** Changes {@code source} in a way that its reflection must show. */
  protected abstract void change(S source);

  /** Prepares each cluster before the tests, for example by installing a CRD; default nothing. */
  protected void prepare(LocalCluster cluster) {}

  @BeforeAll
  void startReflection(
      @Cluster("origin") LocalCluster origin, @Cluster("provider") LocalCluster provider) {
    prepare(origin);
    prepare(provider);
    local = origin.client();
    remote = provider.client();
    createNamespace(local, LOCAL_NAMESPACE);
    createNamespace(remote, REMOTE_NAMESPACE);
    reflector = reflectorFor(context());
    manager =
        ReflectionManager.builder(local, remote, originIdentity, providerIdentity)
            .registry(ReflectorRegistry.of(List.of(provider())))
            // One worker: objects are reflected in the order their events arrive, so that a
            // later object's reflection proves that an earlier one was handled.
            .config(ReflectionConfig.builder().putWorkers(provider().resource(), 1).build())
            .start();
    manager.startReflection(NamespacePair.of(LOCAL_NAMESPACE, REMOTE_NAMESPACE));
    await().atMost(TIMEOUT).until(() -> manager.isSynced(LOCAL_NAMESPACE));
  }

  @AfterAll
  void stopReflection() {
    if (manager != null) {
      manager.close();
    }
  }

  @Test
  void providerIsRegisteredForServiceLoader() {
    assertThat(
            ServiceLoader.load(ReflectorProvider.class).stream().map(ServiceLoader.Provider::type))
        .as(
            "META-INF/services/%s lists %s",
            ReflectorProvider.class.getName(), provider().getClass())
        .contains(provider().getClass().asSubclass(ReflectorProvider.class));
    assertThat(provider().name()).as("provider name").isNotBlank();
    assertThat(provider().defaultWorkers()).as("default workers").isPositive();
  }

  @Test
  void forgeIsRepeatableAndLeavesTheSourceAlone() {
    assumeLocalToRemote();
    S source = inNamespace(newSource("forge-check"));
    String before = Serialization.asJson(source);
    var first = reflector.forge(source);
    var second = reflector.forge(source);
    assertThat(Serialization.asJson(source)).as("the source after forge").isEqualTo(before);
    assertThat(first.map(Serialization::asJson)).isEqualTo(second.map(Serialization::asJson));
    assertThat(first).as("the reflection of a plain source").isPresent();
  }

  @Test
  void reflectsNewObjectsWithOwnershipAndForgedContent() {
    assumeLocalToRemote();
    S source = create(newSource("created"));
    HasMetadata target = awaitReflectionOf(source);
    assertThat(target.getMetadata().getLabels())
        .containsEntry(Labels.REFLECTION_ORIGIN, originIdentity.clusterId())
        .containsEntry(Labels.REFLECTION_DESTINATION, providerIdentity.clusterId())
        .containsEntry(Labels.MANAGED_BY, Labels.MANAGED_BY_REFLECTION);
  }

  @Test
  void propagatesUpdates() {
    assumeLocalToRemote();
    S source = create(newSource("updated"));
    awaitReflectionOf(source);
    change(source);
    source.getMetadata().setResourceVersion(null);
    S changed = local.resource(source).update();
    awaitReflectionOf(changed);
  }

  @Test
  void deletesTheReflectionOfADeletedObject() {
    assumeLocalToRemote();
    S source = create(newSource("deleted"));
    HasMetadata target = awaitReflectionOf(source);
    local.resource(source).delete();
    await().atMost(TIMEOUT).until(() -> remote.resource(target).get() == null);
  }

  @Test
  void neverOverwritesAnObjectItDidNotCreate() {
    assumeLocalToRemote();
    S probe = inNamespace(newSource("foreign"));
    HasMetadata foreign = reflector.forge(probe).orElseThrow();
    foreign.getMetadata().setNamespace(REMOTE_NAMESPACE);
    foreign.getMetadata().setLabels(Map.of("owner", "someone-else"));
    HasMetadata existing = remote.resource(foreign).create();
    S source = create(newSource("foreign"));
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(
                        local.v1().events().inNamespace(LOCAL_NAMESPACE).list().getItems().stream()
                            .filter(
                                e ->
                                    source
                                        .getMetadata()
                                        .getUid()
                                        .equals(e.getInvolvedObject().getUid()))
                            .map(e -> e.getReason() + ": " + e.getMessage()))
                    .anySatisfy(
                        event ->
                            assertThat(event)
                                .startsWith("FailedReflection")
                                .contains("already exists in cluster provider")));
    HasMetadata after = remote.resource(existing).get();
    assertThat(after.getMetadata().getResourceVersion())
        .as("the foreign object's resource version")
        .isEqualTo(existing.getMetadata().getResourceVersion());
    assertThat(after.getMetadata().getLabels()).doesNotContainKey(Labels.REFLECTION_ORIGIN);
  }

  @Test
  void doesNotReflectObjectsAnnotatedToSkipReflection() {
    assumeLocalToRemote();
    S skipped = newSource("skipped");
    Map<String, String> annotations = new HashMap<>();
    if (skipped.getMetadata().getAnnotations() != null) {
      annotations.putAll(skipped.getMetadata().getAnnotations());
    }
    annotations.put(Annotations.SKIP_REFLECTION, "true");
    skipped.getMetadata().setAnnotations(annotations);
    S skippedSource = create(skipped);
    S witness = create(newSource("witness")); // reflected after the skipped one was handled
    awaitReflectionOf(witness);
    HasMetadata forged = reflector.forge(skippedSource).orElseThrow();
    forged.getMetadata().setNamespace(REMOTE_NAMESPACE);
    assertThat(remote.resource(forged).get()).as("reflection of a skipped object").isNull();
  }

  /** A client of the local (origin) cluster, for tests a subclass adds. */
  protected final KubernetesClient localClient() {
    return local;
  }

  /** A client of the remote (provider) cluster. */
  protected final KubernetesClient remoteClient() {
    return remote;
  }

  /** The local namespace the tests create sources in. */
  protected final String localNamespace() {
    return LOCAL_NAMESPACE;
  }

  /** The remote namespace reflections appear in. */
  protected final String remoteNamespace() {
    return REMOTE_NAMESPACE;
  }

  private S create(S source) {
    return local.resource(inNamespace(source)).create();
  }

  private S inNamespace(S source) {
    source.getMetadata().setNamespace(LOCAL_NAMESPACE);
    return source;
  }

  /** Waits until the remote object is what forge says for the current source; returns it. */
  private HasMetadata awaitReflectionOf(S source) {
    HasMetadata[] found = new HasMetadata[1];
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              S current = local.resource(source).get();
              HasMetadata expected = reflector.forge(current).orElseThrow();
              expected.getMetadata().setNamespace(REMOTE_NAMESPACE);
              HasMetadata actual = remote.resource(expected).get();
              assertThat(actual).as("reflection of %s", source.getMetadata().getName()).isNotNull();
              assertThat(
                      carries(MAPPER.valueToTree(expected), MAPPER.valueToTree(actual), "content"))
                  .as(
                      "reflection of %s carries what forge returned",
                      source.getMetadata().getName())
                  .isTrue();
              found[0] = actual;
            });
    return found[0];
  }

  /** Whether {@code actual} has every field of {@code expected} but server-owned metadata. */
  private static boolean carries(JsonNode expected, JsonNode actual, String path) {
    if (expected == null
        || expected.isNull()
        || (expected.isContainerNode() && expected.isEmpty())) {
      return true;
    }
    if (actual == null) {
      return false;
    }
    if (expected.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (path.equals("content") && field.getKey().equals("status")) {
          continue;
        }
        if (path.equals("metadata")
            && !Set.of("name", "labels", "annotations").contains(field.getKey())) {
          continue;
        }
        if (!carries(field.getValue(), actual.get(field.getKey()), field.getKey())) {
          return false;
        }
      }
      return true;
    }
    if (expected.isArray()) {
      if (actual.size() != expected.size()) {
        return false;
      }
      for (int i = 0; i < expected.size(); i++) {
        if (!carries(expected.get(i), actual.get(i), path + "[]")) {
          return false;
        }
      }
      return true;
    }
    return expected.equals(actual);
  }

  private void assumeLocalToRemote() {
    Assumptions.assumeTrue(
        reflector.direction() == ReflectionDirection.LOCAL_TO_REMOTE,
        "the contract covers local-to-remote reflectors");
  }

  @SuppressWarnings("unchecked")
  private Reflector<S, ? extends HasMetadata> reflectorFor(ReflectorContext context) {
    return (Reflector<S, ? extends HasMetadata>) provider().create(context);
  }

  private ReflectorContext context() {
    EventRecorder discard =
        new EventRecorder() {
          @Override
          public void normal(HasMetadata object, String reason, String message) {}

          @Override
          public void warning(HasMetadata object, String reason, String message) {}
        };
    return ReflectorContext.builder()
        .localClient(local)
        .remoteClient(remote)
        .namespaces(NamespacePair.of(LOCAL_NAMESPACE, REMOTE_NAMESPACE))
        .localCluster(originIdentity)
        .remoteCluster(providerIdentity)
        .events(discard)
        .build();
  }

  private static void createNamespace(KubernetesClient client, String name) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .serverSideApply();
  }
}
