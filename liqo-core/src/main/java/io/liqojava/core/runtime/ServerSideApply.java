package io.liqojava.core.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Writes objects the way every liqo-java controller does: server-side apply under one field
 * manager, {@value #FIELD_MANAGER}, taking over conflicting fields. Applying the same desired state
 * twice is not a write; fields owned by others (users, other controllers) are left alone.
 */
public final class ServerSideApply {

  /** The field manager of every object liqo-java writes. */
  public static final String FIELD_MANAGER = "liqo-java";

  private ServerSideApply() {}

  /** Applies {@code desired} and returns the object as stored. */
  public static <T extends HasMetadata> T apply(KubernetesClient client, T desired) {
    return client.resource(desired).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
  }
}
