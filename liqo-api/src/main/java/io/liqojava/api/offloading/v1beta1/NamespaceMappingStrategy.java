package io.liqojava.api.offloading.v1beta1;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the twin namespaces of an offloaded namespace are named in the remote clusters. */
public enum NamespaceMappingStrategy {
  /** The local name plus the local cluster name and a unique suffix, which prevents conflicts. */
  DEFAULT_NAME("DefaultName"),

  /** The local name; creation fails if the name is taken in a remote cluster. */
  ENFORCE_SAME_NAME("EnforceSameName"),

  /** The name given in {@link NamespaceOffloadingSpec#getRemoteNamespaceName()}. */
  SELECTED_NAME("SelectedName");

  private final String value;

  NamespaceMappingStrategy(String value) {
    this.value = value;
  }

  /** Returns the value as written in the resource, e.g. in YAML. */
  @JsonValue
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
