package io.liqojava.core.peering;

import java.util.List;

/**
 * The outcome of tearing down a peering.
 *
 * @param leftovers what could not be cleaned up, typically in a provider that was unreachable, each
 *     naming the object and how to remove it; empty when everything was removed
 */
public record UnpeerReport(List<String> leftovers) {

  /** Copies the list. */
  public UnpeerReport {
    leftovers = List.copyOf(leftovers);
  }

  /** Whether everything was removed. */
  public boolean complete() {
    return leftovers.isEmpty();
  }
}
