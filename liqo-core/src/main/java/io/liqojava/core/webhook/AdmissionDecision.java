package io.liqojava.core.webhook;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Objects;
import java.util.Optional;

/**
 * What a webhook answers: allowed (possibly with a JSONPatch) or refused with a message.
 *
 * @param allowed whether the request is admitted
 * @param message why it was refused; what the user reads after "denied the request: "
 * @param patch the JSONPatch operations of a mutation; empty when nothing changes
 */
public record AdmissionDecision(boolean allowed, String message, Optional<ArrayNode> patch) {

  /** Checks the fields. */
  public AdmissionDecision {
    Objects.requireNonNull(patch, "patch");
    if (!allowed && (message == null || message.isBlank())) {
      throw new IllegalArgumentException("a refusal needs a message");
    }
    if (!allowed && patch.isPresent()) {
      throw new IllegalArgumentException("a refusal cannot carry a patch");
    }
  }

  /** Admits the request unchanged. */
  public static AdmissionDecision allow() {
    return new AdmissionDecision(true, null, Optional.empty());
  }

  /** Admits the request with the given JSONPatch operations (none: unchanged). */
  public static AdmissionDecision patch(ArrayNode operations) {
    return new AdmissionDecision(
        true, null, operations.isEmpty() ? Optional.empty() : Optional.of(operations));
  }

  /** Refuses the request with {@code message}. */
  public static AdmissionDecision deny(String message) {
    return new AdmissionDecision(false, message, Optional.empty());
  }
}
