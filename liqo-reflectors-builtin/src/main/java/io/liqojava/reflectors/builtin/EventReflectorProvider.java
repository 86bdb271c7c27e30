package io.liqojava.reflectors.builtin;

import io.fabric8.kubernetes.api.model.Event;
import io.liqojava.api.consts.Annotations;
import io.liqojava.api.consts.Labels;
import io.liqojava.reflection.spi.ReflectedResource;
import io.liqojava.reflection.spi.ReflectionDirection;
import io.liqojava.reflection.spi.Reflector;
import io.liqojava.reflection.spi.ReflectorContext;
import io.liqojava.reflection.spi.ReflectorProvider;

/**
 * Reflects core {@code v1} Events from the remote namespace back to the local one ({@link
 * ReflectionDirection#REMOTE_TO_LOCAL}), so that {@code kubectl describe} of a local object also
 * shows what happened to its reflection: a remote pod being pulled, a remote Service's load
 * balancer failing.
 *
 * <p>Only Events about a reflection made from the local cluster are reflected: an object of the
 * remote namespace labelled {@value Labels#REFLECTION_ORIGIN} with the local cluster ID, whose
 * local object (named by its {@value Annotations#REFLECTION_SOURCE} annotation) still exists.
 * Events about a {@code ShadowPod} are shown on the local Pod it offloads. The local Event keeps
 * the remote one's name, reason, message, type, count, timestamps, series, action and reporting
 * controller; it refers to the local object, and its source component is prefixed with the remote
 * cluster's name ({@code milan/kubelet}) to tell where it happened.
 */
public final class EventReflectorProvider implements ReflectorProvider {

  /** A provider; the reflection manager finds it with {@link java.util.ServiceLoader}. */
  public EventReflectorProvider() {}

  @Override
  public String name() {
    return "events";
  }

  @Override
  public ReflectedResource resource() {
    return ReflectedResource.of(Event.class);
  }

  @Override
  public Reflector<Event, Event> create(ReflectorContext context) {
    return new EventReflector(context, new InvolvedObjects(context));
  }
}
