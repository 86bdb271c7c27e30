package io.liqojava.samples.liqoctl;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --remote-kubeconfig} and {@code --remote-context}: the other cluster of a peering when the
 * CLI holds both clusters' credentials ({@code peer} and {@code unpeer}).
 */
final class RemoteClusterOptions {

  @Option(
      names = "--remote-kubeconfig",
      paramLabel = "FILE",
      description = "The kubeconfig of the provider cluster.")
  Path kubeconfig;

  @Option(
      names = "--remote-context",
      paramLabel = "NAME",
      description = "The context of --remote-kubeconfig to use (default: its current context).")
  String context;

  /** Whether the remote cluster was given. */
  boolean given() {
    return kubeconfig != null;
  }

  /** The problem with the options, if any: a context without a kubeconfig. */
  String problem() {
    return context != null && kubeconfig == null
        ? "--remote-context needs --remote-kubeconfig"
        : null;
  }

  /** Access to the remote cluster; connect with {@link ClusterAccess#connect()}. */
  ClusterAccess access(Map<String, String> environment) {
    return new ClusterAccess(kubeconfig, context, "--remote-kubeconfig", environment);
  }
}
