package io.liqojava.core.reflection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.liqojava.api.consts.Annotations;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a reflection already holds what its source asks for, so that an unchanged source
 * costs no write. Two checks: every field of the desired object has the same value in the current
 * one (fields set by the remote cluster, such as a Service's cluster IP, do not matter), and the
 * digest of the desired object equals the one recorded at the last write (so a label or field the
 * source dropped is noticed too).
 */
final class Convergence {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private Convergence() {}

  /** A digest of {@code desired}'s content, labels and annotations. */
  static String digest(HasMetadata desired) {
    ObjectNode tree = MAPPER.valueToTree(desired);
    tree.remove("status");
    ObjectNode metadata = (ObjectNode) tree.get("metadata");
    ObjectNode kept = MAPPER.createObjectNode();
    kept.set("labels", metadata.get("labels"));
    kept.set("annotations", metadata.get("annotations"));
    tree.set("metadata", kept);
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(MAPPER.writeValueAsBytes(sorted(tree)));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException("cannot digest " + desired.getMetadata().getName(), e);
    }
  }

  /**
   * Whether {@code current} carries {@code desired} (already stamped with its digest): same digest,
   * and every field of {@code desired} present with the same value.
   */
  static boolean converged(HasMetadata desired, HasMetadata current) {
    String digest = annotation(desired, Annotations.REFLECTION_DIGEST);
    if (digest == null || !digest.equals(annotation(current, Annotations.REFLECTION_DIGEST))) {
      return false;
    }
    ObjectNode wanted = MAPPER.valueToTree(desired);
    ObjectNode actual = MAPPER.valueToTree(current);
    wanted.remove("status");
    JsonNode wantedMetadata = wanted.remove("metadata");
    JsonNode actualMetadata = actual.get("metadata");
    return contains(wanted, actual)
        && contains(wantedMetadata.get("labels"), actualMetadata.get("labels"))
        && contains(wantedMetadata.get("annotations"), actualMetadata.get("annotations"));
  }

  private static String annotation(HasMetadata object, String key) {
    Map<String, String> annotations = object.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(key);
  }

  /** Whether {@code actual} has every field of {@code wanted}; empty or null wants nothing. */
  private static boolean contains(JsonNode wanted, JsonNode actual) {
    if (wanted == null || wanted.isNull() || (wanted.isContainerNode() && wanted.isEmpty())) {
      return true;
    }
    if (actual == null || actual.isNull()) {
      return false;
    }
    if (wanted.isObject()) {
      if (!actual.isObject()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = wanted.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!contains(field.getValue(), actual.get(field.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (wanted.isArray()) {
      if (!actual.isArray() || actual.size() != wanted.size()) {
        return false;
      }
      for (int i = 0; i < wanted.size(); i++) {
        if (!contains(wanted.get(i), actual.get(i))) {
          return false;
        }
      }
      return true;
    }
    return wanted.equals(actual);
  }

  /** {@code node} with the fields of every object in alphabetical order. */
  private static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode result = MAPPER.createObjectNode();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      for (String name : names) {
        result.set(name, sorted(node.get(name)));
      }
      return result;
    }
    if (node.isArray()) {
      var result = MAPPER.createArrayNode();
      node.forEach(element -> result.add(sorted(element)));
      return result;
    }
    return node;
  }
}
