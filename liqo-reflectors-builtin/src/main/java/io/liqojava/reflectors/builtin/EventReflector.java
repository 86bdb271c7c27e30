package io.liqojava.reflectors.builtin;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.EventSource;
import io.fabric8.kubernetes.api.model.EventSourceBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.liqojava.reflection.spi.ReflectionDirection;
import io.liqojava.reflection.spi.Reflector;
import io.liqojava.reflection.spi.ReflectorContext;
import java.util.Optional;

/** Forges the local Event of a remote one; see {@link EventReflectorProvider}. */
final class EventReflector implements Reflector<Event, Event> {

  private final ReflectorContext context;
  private final InvolvedObjects involvedObjects;

  EventReflector(ReflectorContext context, InvolvedObjects involvedObjects) {
    this.context = context;
    this.involvedObjects = involvedObjects;
  }

  @Override
  public ReflectionDirection direction() {
    return ReflectionDirection.REMOTE_TO_LOCAL;
  }

  @Override
  public Class<Event> sourceType() {
    return Event.class;
  }

  @Override
  public Class<Event> targetType() {
    return Event.class;
  }

  /**
   * The local twin of {@code remote}, or empty when it is not about a reflection from the local
   * cluster whose local object exists.
   *
   * @throws io.liqojava.reflection.spi.ReflectionException when the involved objects cannot be read
   */
  @Override
  public Optional<Event> forge(Event remote) {
    return involvedObjects.localTwin(remote.getInvolvedObject()).map(local -> forge(remote, local));
  }

  private Event forge(Event remote, InvolvedObjects.LocalObject local) {
    ObjectReference involved =
        new ObjectReferenceBuilder()
            .withApiVersion(local.apiVersion())
            .withKind(local.kind())
            .withNamespace(context.namespaces().local())
            .withName(local.name())
            .withUid(local.uid())
            .withFieldPath(remote.getInvolvedObject().getFieldPath())
            .build();
    return new EventBuilder()
        .withMetadata(
            ReflectedMetadata.of(remote, remote.getMetadata().getName(), context.policy()))
        .withInvolvedObject(involved)
        .withReason(remote.getReason())
        .withMessage(remote.getMessage())
        .withType(remote.getType())
        .withCount(remote.getCount())
        .withFirstTimestamp(remote.getFirstTimestamp())
        .withLastTimestamp(remote.getLastTimestamp())
        .withEventTime(remote.getEventTime())
        .withSeries(remote.getSeries())
        .withAction(remote.getAction())
        .withReportingComponent(remote.getReportingComponent())
        .withReportingInstance(remote.getReportingInstance())
        .withSource(source(remote.getSource()))
        .build();
  }

  /** {@code remote} with the component prefixed by the remote cluster's name. */
  private EventSource source(EventSource remote) {
    if (remote == null || remote.getComponent() == null || remote.getComponent().isEmpty()) {
      return remote;
    }
    return new EventSourceBuilder(remote)
        .withComponent(context.remoteCluster().clusterName() + "/" + remote.getComponent())
        .build();
  }
}
