package io.liqojava.core.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** JSON of the webhooks: trees for requests and patches, fabric8 models for objects. */
final class AdmissionJson {

  static final KubernetesSerialization MODELS = new KubernetesSerialization();
  static final ObjectMapper TREES = new ObjectMapper();

  private AdmissionJson() {}

  /**
   * Converts a request's object to its model class.
   *
   * @throws IllegalArgumentException when it does not fit the model
   */
  static <T> T toModel(JsonNode object, Class<T> type) {
    try {
      return MODELS.convertValue(object, type);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "the object is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  /** A model value as a JSON tree. */
  static JsonNode toTree(Object value) {
    return MODELS.convertValue(value, JsonNode.class);
  }

  /** A JSONPatch {@code add} operation (which replaces an existing member). */
  static void add(ArrayNode patch, String path, Object value) {
    ObjectNode op = patch.addObject();
    op.put("op", "add");
    op.put("path", path);
    op.set("value", toTree(value));
  }

  /** An empty list of JSONPatch operations. */
  static ArrayNode newPatch() {
    return TREES.createArrayNode();
  }
}
