package org.caseload.core.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Objects;

/**
 * One field of a scenario set by its path in the JSON form, such as
 * {@code parameters.demand.annualGrowth = 0.08} or {@code teams[1].establishment = 197.4}.
 * Apply settings with {@link ScenarioEdits}.
 *
 * @param path the field's path: names separated by dots, array elements by {@code [index]}
 * @param value the new value, any JSON (a number, text, true/false, null, an object or array)
 * @implNote Immutable and thread-safe.
 */
public record FieldSetting(String path, JsonNode value) {

  public FieldSetting {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(value, "value");
  }

  /** A setting of {@code path} to {@code value}. */
  public static FieldSetting of(String path, JsonNode value) {
    return new FieldSetting(path, value);
  }

  /**
   * Reads {@code PATH=VALUE}. VALUE is read as JSON when it is JSON ({@code 0.08},
   * {@code true}, {@code null}, {@code [1, 2]}, {@code "text"}), otherwise as text, so
   * {@code name=Medway plan} needs no quotes.
   *
   * @throws InvalidScenarioException with one problem, if there is no {@code =} or no path,
   *     or VALUE is JSON but for a duplicate key
   */
  public static FieldSetting parse(String assignment) {
    int equals = assignment.indexOf('=');
    if (equals <= 0) {
      throw new InvalidScenarioException(List.of(Problem.of(assignment,
          "must be PATH=VALUE, e.g. parameters.demand.annualGrowth=0.08")));
    }
    String path = assignment.substring(0, equals).strip();
    String text = assignment.substring(equals + 1).strip();
    return new FieldSetting(path, value(path, text));
  }

  /**
   * VALUE as JSON, or as text when it is not JSON; JSON but for a duplicate key, or larger or
   * deeper than the reader takes, is a problem in the words a file's would be (read as text,
   * they had been reported as "must be an object, was the string", and a duplicate key in
   * the JSON library's words).
   */
  private static JsonNode value(String path, String text) {
    try {
      JsonNode node = ScenarioJson.readTree(text);
      if (node != null && !node.isMissingNode()) {
        return node;
      }
    } catch (JsonProcessingException e) {
      if (e instanceof StreamConstraintsException
          || String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
        throw new InvalidScenarioException(List.of(Problem.of(path, "is not valid JSON: "
            + JsonSyntax.describe(e))));
      }
      // not JSON: the text itself
    }
    return TextNode.valueOf(text);
  }

  /** {@code path=value}, the value as JSON. */
  @Override
  public String toString() {
    return path + "=" + value;
  }
}
