package io.liqojava.samples.localclusters;

import picocli.CommandLine;

/** The launcher's version, from its jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {"local-clusters " + (version == null ? "(development build)" : version)};
  }
}
