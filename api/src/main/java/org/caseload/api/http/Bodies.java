package org.caseload.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.caseload.core.scenario.InvalidScenarioException;
import org.caseload.core.scenario.PlainText;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioJson;
import org.caseload.core.scenario.WrittenDecimal;

/**
 * Reading request bodies with the scenario format's strict JSON reader (duplicate keys are
 * errors), and fields of them, each failure a 400 naming the field. Every string and key of
 * a body is checked for control characters and lone surrogates ({@link Text}), so none
 * reaches the database. Work here grows with the body: handlers call it off the event loop.
 *
 * @implNote Stateless and thread-safe.
 */
final class Bodies {

  /** The most characters of a client's value a reason repeats. */
  static final int SHOWN = 60;

  private Bodies() {}

  /** The body (as {@link Utf8Body} decoded it) as a JSON object. */
  static ObjectNode object(RoutingContext rc) {
    String text = Utf8Body.text(rc);
    if (text == null || text.isBlank()) {
      throw ApiProblem.badField("body", "is empty; send a JSON object");
    }
    JsonNode node;
    try {
      node = ScenarioJson.inputMapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw ApiProblem.badField("body", "is not valid JSON: " + JsonErrors.plain(e));
    }
    if (node == null || !node.isObject()) {
      throw ApiProblem.badField("body", "must be a JSON object");
    }
    Text.requirePlain(node);
    return (ObjectNode) node;
  }

  /**
   * A request as a run stores and shows it ({@code request}): as sent, but a whole number
   * written with a point or an exponent is written back as that whole number where it fits a
   * long, not as its double ({@code 12345678901234567890e-1} had been echoed as
   * 1.23456789012345677E18, another seed, so that the request sent again ran other numbers).
   */
  static String echo(ObjectNode body) {
    return exact(body).toString();
  }

  private static JsonNode exact(JsonNode node) {
    if (node instanceof WrittenDecimal) {
      OptionalLong whole = WrittenDecimal.exactLong(node);
      return whole.isPresent() ? LongNode.valueOf(whole.getAsLong()) : node;
    }
    if (node.isObject()) {
      ObjectNode copy = ((ObjectNode) node).objectNode();
      node.properties().forEach(field -> copy.set(field.getKey(), exact(field.getValue())));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = ((ArrayNode) node).arrayNode();
      node.forEach(element -> copy.add(exact(element)));
      return copy;
    }
    return node;
  }

  /**
   * A client's value as a reason may repeat it: at most {@value #SHOWN} characters, control
   * characters and lone surrogates replaced by U+FFFD.
   */
  static String shown(String value) {
    return shown(value, SHOWN);
  }

  /**
   * A reason of the server's that repeats a client's {@code value} in quotes ({@code 'VALUE'
   * is not ...}), with that value as {@link #shown(String)} shows it: only what the client
   * sent is cut, never the server's explanation.
   */
  static String shownIn(String reason, String value) {
    return reason.replace("'" + value + "'", "'" + shown(value) + "'");
  }

  /** As {@link #shown(String)}, with at most {@code max} characters. */
  static String shown(String value, int max) {
    String cut = value.length() > max ? value.substring(0, max) + "..." : value;
    StringBuilder out = new StringBuilder(cut.length());
    for (int i = 0; i < cut.length(); i++) {
      char c = cut.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < cut.length()
          && Character.isLowSurrogate(cut.charAt(i + 1));
      if (pair) {
        out.append(c).append(cut.charAt(++i));
      } else {
        out.append(PlainText.hidden(c) || Character.isSurrogate(c) ? '\uFFFD' : c);
      }
    }
    return out.toString();
  }

  private static String shown(JsonNode node) {
    return shown(node.toString());
  }

  /**
   * A whole number in {@code [min, max]}, or {@code fallback} when absent. Written with an
   * exponent or a point ({@code 1e3}, {@code 6.0}) it is read as the whole number written, as
   * JSON Schema's "integer" (the contract's) and the scenario format read it, exactly
   * ({@link WrittenDecimal}: {@code 9007199254740993.0} is that number, not its double's
   * ...992, and {@code 0.99999999999999999999} is a fraction, not 1).
   */
  static long integer(JsonNode parent, String name, String field, long fallback, long min,
      long max) {
    JsonNode node = parent.get(name);
    if (node == null || node.isNull()) {
      return fallback;
    }
    return integer(node, field, min, max);
  }

  /** The whole number {@code node} (not null), in {@code [min, max]}, read as above. */
  static long integer(JsonNode node, String field, long min, long max) {
    if (!node.isNumber() || Double.isNaN(node.doubleValue())
        || !WrittenDecimal.isWhole(node)) {
      throw ApiProblem.badField(field, "must be a whole number, was "
          + shown(WrittenDecimal.text(node)));
    }
    OptionalLong value = WrittenDecimal.exactLong(node);
    if (value.isEmpty() || value.getAsLong() < min || value.getAsLong() > max) {
      throw ApiProblem.badField(field, "must be between " + min + " and " + max + ", was "
          + shown(WrittenDecimal.text(node)));
    }
    return value.getAsLong();
  }

  /**
   * A probability's double, refused where the double is 0 or 1 and the number written is not:
   * {@code 1e-400}, between 0 and 1 as written, had been refused as "was 0.0", a value not sent,
   * and {@code -1e-400} as if it were 0; the range itself is the caller's to check.
   */
  static double probability(JsonNode node, String field) {
    double value = node.asDouble();
    BigDecimal written = WrittenDecimal.decimal(node);
    if ((value == 0 || value == 1) && written.compareTo(BigDecimal.valueOf(value)) != 0) {
      boolean inside = written.signum() > 0 && written.compareTo(BigDecimal.ONE) < 0;
      throw ApiProblem.badField(field, (inside ? "is too close to " + (value == 0 ? "0" : "1")
          + " to compute with (a double reads it as " + (value == 0 ? "0" : "1") + ")"
          : "must be strictly between 0 and 1") + ", was " + shown(WrittenDecimal.text(node)));
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
      throw ApiProblem.badField(field, "must be a string, was " + shown(node));
    }
    return node.asText();
  }

  static UUID uuid(String text, String field) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badField(field, "must be a UUID, was \"" + shown(text) + "\"");
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
      throw ApiProblem.badFields(prefixed(e, field), e.problems().size());
    }
  }

  /** The scenario's problems (the first {@link ApiProblem#MAX_ERRORS}) under {@code field}. */
  static List<ApiProblem.FieldError> prefixed(InvalidScenarioException e, String field) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    e.problems().stream().limit(ApiProblem.MAX_ERRORS).forEach(p -> errors.add(
        new ApiProblem.FieldError(p.path().isEmpty() ? field
            : field + (p.path().startsWith("[") ? "" : ".") + p.path(), p.reason())));
    return errors;
  }
}
