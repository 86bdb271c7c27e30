package io.liqojava.core.offloading;

import io.liqojava.api.identity.ClusterIdentity;
import io.liqojava.api.offloading.v1beta1.NamespaceMappingStrategy;
import io.liqojava.api.offloading.v1beta1.NamespaceOffloadingSpec;

/**
 * The name of the twin namespace of a local namespace in the providers, by mapping strategy: {@code
 * DefaultName} (also when no strategy is set) gives {@code <namespace>-<local cluster ID>}, such as
 * {@code foo-lively-voice-dd8531}, cut to 63 characters; {@code EnforceSameName} the local name;
 * {@code SelectedName} {@code spec.remoteNamespaceName}.
 */
public final class RemoteNamespaceNames {

  private static final int MAX_LENGTH = 63;

  private RemoteNamespaceNames() {}

  /**
   * The twin namespace name of {@code localNamespace} offloaded with {@code spec} by the cluster
   * {@code localClusterId}.
   *
   * @throws IllegalArgumentException when {@code SelectedName} comes without a valid {@code
   *     spec.remoteNamespaceName}, saying what to set
   */
  public static String of(
      String localNamespace, NamespaceOffloadingSpec spec, String localClusterId) {
    NamespaceMappingStrategy strategy =
        spec == null || spec.getNamespaceMappingStrategy() == null
            ? NamespaceMappingStrategy.DEFAULT_NAME
            : spec.getNamespaceMappingStrategy();
    return switch (strategy) {
      case DEFAULT_NAME -> defaultName(localNamespace, localClusterId);
      case ENFORCE_SAME_NAME -> localNamespace;
      case SELECTED_NAME -> selectedName(spec.getRemoteNamespaceName());
    };
  }

  /** {@code <namespace>-<cluster ID>}, the namespace part shortened to fit 63 characters. */
  static String defaultName(String localNamespace, String localClusterId) {
    String suffix = "-" + localClusterId;
    int room = MAX_LENGTH - suffix.length();
    return room >= 1
        ? trimDashes(localNamespace.substring(0, Math.min(room, localNamespace.length()))) + suffix
        : trimDashes((localNamespace + suffix).substring(0, MAX_LENGTH));
  }

  private static String selectedName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(
          "spec.remoteNamespaceName is missing: the SelectedName strategy needs it; set it to the"
              + " name of the twin namespace, or use the DefaultName or EnforceSameName strategy");
    }
    try {
      ClusterIdentity.checkDnsLabel("spec.remoteNamespaceName", name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + " (it names a namespace)", e);
    }
    return name;
  }

  private static String trimDashes(String name) {
    int end = name.length();
    while (end > 0 && name.charAt(end - 1) == '-') {
      end--;
    }
    return name.substring(0, end);
  }
}
