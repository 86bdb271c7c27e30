package io.liqojava.reflectors.builtin;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;

/**
 * Reads and writes the {@link Slice} of one version of the EndpointSlice model.
 *
 * @param <X> the model class of that version
 */
interface SliceCodec<X extends HasMetadata> {

  /** The model class. */
  Class<X> type();

  /** The content of {@code slice}. */
  Slice read(X slice);

  /** A new slice with {@code metadata} and the content {@code slice}. */
  X write(ObjectMeta metadata, Slice slice);
}
