package io.liqojava.testing;

import java.util.regex.Pattern;

/** Checks of Kubernetes object names, with messages that say what a valid name looks like. */
final class Names {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private Names() {}

  static void checkDnsLabel(String what, String value) {
    if (value.length() > 63 || !DNS_LABEL.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what
              + " '"
              + value
              + "' is not valid: use at most 63 lower-case letters, digits and"
              + " '-', starting and ending with a letter or digit (for example 'rome')");
    }
  }

  static void checkDnsSubdomain(String what, String value) {
    if (value.length() > 253 || !DNS_SUBDOMAIN.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what
              + " '"
              + value
              + "' is not valid: use lower-case letters, digits, '-' and '.',"
              + " starting and ending with a letter or digit (for example 'rome-worker')");
    }
  }
}
