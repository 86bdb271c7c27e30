package io.liqojava.core.events;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.liqojava.reflection.spi.EventRecorder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records core/v1 Events in a cluster, as {@code kubectl describe} shows them. An event that
 * repeats (same object, type, reason and message) within ten minutes increments the count of the
 * one recorded before instead of creating another. Recording is best effort: a failure is logged,
 * never thrown.
 */
public final class KubernetesEvents implements EventRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(KubernetesEvents.class);

  private final KubernetesClient client;
  private final String component;
  private final Cache<EventIdentity, Recorded> recent =
      Caffeine.newBuilder().maximumSize(4096).expireAfterWrite(Duration.ofMinutes(10)).build();

  private record EventIdentity(String uid, String type, String reason, String message) {}

  private record Recorded(String namespace, String name, int count) {}

  /**
   * Records events through {@code client} as {@code component} (the event's source, for example
   * {@code liqo-reflection}).
   */
  public KubernetesEvents(KubernetesClient client, String component) {
    this.client = Objects.requireNonNull(client, "client");
    this.component = Objects.requireNonNull(component, "component");
  }

  @Override
  public void normal(HasMetadata object, String reason, String message) {
    record(object, "Normal", reason, message);
  }

  @Override
  public void warning(HasMetadata object, String reason, String message) {
    record(object, "Warning", reason, message);
  }

  private void record(HasMetadata object, String type, String reason, String message) {
    var metadata = object.getMetadata();
    EventIdentity identity = new EventIdentity(metadata.getUid(), type, reason, message);
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    try {
      Recorded earlier = recent.getIfPresent(identity);
      if (earlier != null && increment(earlier, now)) {
        recent.put(
            identity, new Recorded(earlier.namespace(), earlier.name(), earlier.count() + 1));
        return;
      }
      Event event = create(object, type, reason, message, now);
      recent.put(identity, new Recorded(metadata.getNamespace(), event.getMetadata().getName(), 1));
    } catch (KubernetesClientException e) {
      LOG.debug(
          "could not record event {} on {}/{}: {}",
          reason,
          metadata.getNamespace(),
          metadata.getName(),
          e.getMessage());
    }
  }

  private boolean increment(Recorded earlier, String now) {
    String patch = "{\"count\":" + (earlier.count() + 1) + ",\"lastTimestamp\":\"" + now + "\"}";
    try {
      client
          .v1()
          .events()
          .inNamespace(earlier.namespace())
          .withName(earlier.name())
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
      return true;
    } catch (KubernetesClientException e) {
      return false; // expired or deleted: record a new one
    }
  }

  private Event create(HasMetadata object, String type, String reason, String message, String now) {
    var metadata = object.getMetadata();
    String name =
        metadata.getName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(metadata.getNamespace())
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion(object.getApiVersion())
                    .withKind(object.getKind())
                    .withName(metadata.getName())
                    .withNamespace(metadata.getNamespace())
                    .withUid(metadata.getUid())
                    .withResourceVersion(metadata.getResourceVersion())
                    .build())
            .withType(type)
            .withReason(reason)
            .withMessage(message)
            .withCount(1)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withNewSource()
            .withComponent(component)
            .endSource()
            .build();
    return client.v1().events().inNamespace(metadata.getNamespace()).resource(event).create();
  }
}
