package org.caseload.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.caseload.core.scenario.InvalidScenarioException;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioJson;

/**
 * Reading request bodies with the scenario format's strict JSON reader (duplicate keys are
 * errors), and fields of them, each failure a 400 naming the field.
 */
final class Bodies {

  private Bodies() {}

  /** The body as a JSON object. */
  static ObjectNode object(RoutingContext rc) {
    String text = rc.body() == null ? null : rc.body().asString();
    if (text == null || text.isBlank()) {
      throw ApiProblem.badField("body", "is empty; send a JSON object");
    }
    JsonNode node;
    try {
      node = ScenarioJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw ApiProblem.badField("body", "is not valid JSON"
          + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
              + ", column " + e.getLocation().getColumnNr() + ")")
          + ": " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw ApiProblem.badField("body", "must be a JSON object");
    }
    return (ObjectNode) node;
  }

  /** A whole number in {@code [min, max]}, or {@code fallback} when absent. */
  static long integer(JsonNode parent, String name, String field, long fallback, long min,
      long max) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw ApiProblem.badField(field, node.isNumber() && node.isIntegralNumber()
          ? "must be between " + min + " and " + max + ", was " + node.asText()
          : "must be a whole number, was " + node);
    }
    long value = node.asLong();
    if (value < min || value > max) {
      throw ApiProblem.badField(field, "must be between " + min + " and " + max + ", was "
          + value);
    }
    return value;
  }

  /** A string, or null when absent. */
  static String text(JsonNode parent, String name, String field) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw ApiProblem.badField(field, "must be a string, was " + node);
    }
    return node.asText();
  }

  static UUID uuid(String text, String field) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badField(field, "must be a UUID, was \"" + text + "\"");
    }
  }

  /** A scenario in the scenario format, validated as the CLI validates files. */
  static Scenario scenario(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      throw ApiProblem.badField(field, "must be a scenario (a JSON object)");
    }
    try {
      return ScenarioJson.fromTree(node);
    } catch (InvalidScenarioException e) {
      throw ApiProblem.badFields(prefixed(e, field));
    }
  }

  /** The scenario's problems as field errors under {@code field}. */
  static List<ApiProblem.FieldError> prefixed(InvalidScenarioException e, String field) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    e.problems().forEach(p -> errors.add(new ApiProblem.FieldError(
        p.path().isEmpty() ? field : field + (p.path().startsWith("[") ? "" : ".") + p.path(),
        p.reason())));
    return errors;
  }
}
