package io.liqojava.core.webhook;

/** Decides on the admission requests of one webhook path. Must be safe for concurrent calls. */
@FunctionalInterface
public interface AdmissionHandler {

  /**
   * Reviews one request.
   *
   * @param admission the request
   * @return the decision; a handler throws only on its own bugs (the server answers HTTP 500)
   */
  AdmissionDecision review(Admission admission);
}
