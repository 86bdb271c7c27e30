package io.liqojava.samples.liqoctl;

import picocli.CommandLine;

/** liqoctl's version, from its jar manifest. */
final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"liqoctl " + version() + " (liqo-java)"};
  }

  static String version() {
    String version = VersionProvider.class.getPackage().getImplementationVersion();
    return version == null ? "(development build)" : version;
  }
}
