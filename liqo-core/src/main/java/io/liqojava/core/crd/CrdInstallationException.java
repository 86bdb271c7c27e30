package io.liqojava.core.crd;

/** Thrown when a Liqo CRD cannot be installed in, or removed from, a cluster. */
public class CrdInstallationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String crdName;

  CrdInstallationException(String crdName, String message, Throwable cause) {
    super(message, cause);
    this.crdName = crdName;
  }

  /** Returns the name of the CRD at fault, e.g. {@code foreignclusters.core.liqo.io}. */
  public String crdName() {
    return crdName;
  }
}
