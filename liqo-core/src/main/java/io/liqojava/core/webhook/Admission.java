package io.liqojava.core.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One admission request, as the API server sent it in an {@code AdmissionReview} v1.
 *
 * @param uid the request UID, echoed in the response
 * @param operation CREATE, UPDATE, DELETE or CONNECT
 * @param namespace the namespace of the object; empty for cluster-scoped objects
 * @param name the name of the object; may be empty on CREATE (generateName)
 * @param object the object as it would be stored; a JSON null node for DELETE
 * @param oldObject the stored object for UPDATE and DELETE; a JSON null node otherwise
 */
public record Admission(
    String uid,
    String operation,
    String namespace,
    String name,
    JsonNode object,
    JsonNode oldObject) {

  /** Whether this is a CREATE. */
  public boolean isCreate() {
    return "CREATE".equals(operation);
  }

  /** Whether this is an UPDATE. */
  public boolean isUpdate() {
    return "UPDATE".equals(operation);
  }

  /** The old object, when there is one. */
  public Optional<JsonNode> previous() {
    return oldObject == null || oldObject.isNull() || oldObject.isMissingNode()
        ? Optional.empty()
        : Optional.of(oldObject);
  }
}
