package io.liqojava.reflection.spi;

/** Which way a {@link Reflector} copies objects. */
public enum ReflectionDirection {
  /** Local objects are the source, reflections live in the remote namespace (ConfigMaps, ...). */
  LOCAL_TO_REMOTE,
  /** Remote objects are the source, reflections live in the local namespace (Events). */
  REMOTE_TO_LOCAL
}
