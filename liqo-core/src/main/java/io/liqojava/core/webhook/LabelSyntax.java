package io.liqojava.core.webhook;

import java.util.regex.Pattern;

/** The Kubernetes syntax of names, label keys and label values. */
final class LabelSyntax {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern QUALIFIED_NAME =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

  private LabelSyntax() {}

  /** A DNS-1123 label: at most 63 lowercase alphanumerics or '-', alphanumeric at both ends. */
  static boolean isDnsLabel(String value) {
    return value != null && value.length() <= 63 && DNS_LABEL.matcher(value).matches();
  }

  /** A label key: an optional DNS-1123 subdomain prefix and '/', then a name of up to 63. */
  static boolean isLabelKey(String key) {
    if (key == null || key.isEmpty()) {
      return false;
    }
    int slash = key.indexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      if (prefix.isEmpty() || prefix.length() > 253 || !DNS_SUBDOMAIN.matcher(prefix).matches()) {
        return false;
      }
    }
    return name.length() <= 63 && QUALIFIED_NAME.matcher(name).matches();
  }

  /** A label value: empty, or up to 63 alphanumerics, '-', '_' or '.', alphanumeric at ends. */
  static boolean isLabelValue(String value) {
    return value != null
        && (value.isEmpty() || (value.length() <= 63 && QUALIFIED_NAME.matcher(value).matches()));
  }
}
