package org.caseload.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import org.caseload.core.scenario.ScenarioJson;

/**
 * The JSON reader's complaints in a planner's words: what is wrong with the body, never the
 * reader's classes or settings ({@code StreamReadConstraints.getMaxNestingDepth()}).
 *
 * @implNote Stateless and thread-safe.
 */
final class JsonErrors {

  private static final int LONGEST = 160;

  private JsonErrors() {}

  /** Why the body is not JSON the API reads. */
  static String plain(JsonProcessingException e) {
    StreamReadConstraints limits = ScenarioJson.mapper().getFactory().streamReadConstraints();
    String message = String.valueOf(e.getOriginalMessage());
    if (e instanceof StreamConstraintsException) {
      if (message.contains("nesting depth")) {
        return "is nested more than " + limits.getMaxNestingDepth() + " levels deep";
      }
      if (message.startsWith("Number value length")) {
        return "has a number longer than " + limits.getMaxNumberLength() + " characters";
      }
      if (message.startsWith("String value length")) {
        return "has a string longer than " + limits.getMaxStringLength() + " characters";
      }
      if (message.startsWith("Name length")) {
        return "has a key longer than the reader accepts";
      }
      return "is larger or deeper than the reader accepts";
    }
    if (message.startsWith("Duplicate field '")) {
      return "Duplicate key " + message.substring("Duplicate field ".length())
          + ": each key may appear once in an object";
    }
    String plain = message.lines().findFirst().orElse("")
        .replaceAll(" \\(code \\d+\\)", "")
        .replaceAll("\\(JSON String, Number, Array, Object or token 'null', 'true' or"
            + " 'false'\\)", "(a string, number, array, object, true, false or null)")
        .replaceAll("`[^`]*`", "")
        .replaceAll("\\s*\\[Source:.*", "");
    return Bodies.shown(plain, LONGEST).strip();
  }
}
