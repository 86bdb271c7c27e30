package io.liqojava.samples.liqoctl;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.liqojava.core.crd.CrdInstallationException;
import io.liqojava.core.install.LiqoInstallationException;
import io.liqojava.core.peering.PeeringException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * A liqoctl command that works on the selected cluster: connects, runs, and reports failures as one
 * clear line on standard error with exit code 1.
 */
abstract class ClusterCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public final Integer call() {
    try {
      validate();
      if (!needsCluster()) {
        return runWithoutCluster();
      }
      try (Cluster cluster = root().clusterAccess().connect()) {
        return run(cluster);
      }
    } catch (CommandLine.ParameterException e) {
      throw e;
    } catch (CliException
        | LiqoInstallationException
        | PeeringException
        | CrdInstallationException e) {
      return fail(e.getMessage());
    } catch (KubernetesClientException e) {
      return fail(Errors.describe(e));
    } catch (IllegalArgumentException e) {
      return fail(e.getMessage());
    }
  }

  /** Checks the arguments before connecting; throws {@link CommandLine.ParameterException}. */
  void validate() {}

  /** Whether this run needs the cluster; when not, {@link #runWithoutCluster()} does the work. */
  boolean needsCluster() {
    return true;
  }

  /** Does the work of a run that needs no cluster; returns the exit code. */
  int runWithoutCluster() {
    throw new UnsupportedOperationException("this command needs a cluster");
  }

  /** Does the work; returns the exit code. */
  abstract int run(Cluster cluster) throws CliException;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Prints a line now, for progress. */
  void say(String line) {
    out().println(line);
    out().flush();
  }

  Liqoctl root() {
    return (Liqoctl) spec.root().userObject();
  }

  CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  int fail(String message) {
    out().flush();
    err().println("Error: " + message);
    err().flush();
    return 1;
  }
}
