package io.liqojava.core.identity;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.liqojava.core.runtime.ServerSideApply;

/** The namespace that holds liqo-java's own state in a cluster: identity, token, agent. */
public final class LiqoNamespace {

  /** The namespace name, as in Liqo. */
  public static final String NAME = "liqo";

  /** The label that marks objects liqo-java manages. */
  public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";

  /** The value of {@link #MANAGED_BY_LABEL}. */
  public static final String MANAGED_BY_VALUE = "liqo-java";

  private LiqoNamespace() {}

  /** Creates the namespace, or adds our label to it; other fields are left alone. */
  public static void ensure(KubernetesClient client) {
    ServerSideApply.apply(client, namespace());
  }

  /** The namespace as installed: its name and the {@link #MANAGED_BY_LABEL} label. */
  public static Namespace namespace() {
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(NAME)
        .addToLabels(MANAGED_BY_LABEL, MANAGED_BY_VALUE)
        .endMetadata()
        .build();
  }
}
