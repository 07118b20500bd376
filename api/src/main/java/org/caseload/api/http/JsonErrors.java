package org.caseload.api.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import org.caseload.core.scenario.JsonSyntax;

/**
 * The JSON reader's complaints in a planner's words ({@link JsonSyntax}, as the command line
 * says them), cut to a readable length: what is wrong with the body, never the reader's
 * classes or settings ({@code StreamReadConstraints.getMaxNestingDepth()},
 * {@code JsonReadFeature.ALLOW_COMMENTS}).
 *
 * @implNote Stateless and thread-safe.
 */
final class JsonErrors {

  private static final int LONGEST = 160;

  /** Standard JSON only: no NaN, comments, '+' signs or other extensions. */
  private static final JsonFactory STRICT = new JsonFactory();

  private JsonErrors() {}

  /** Why the body is not JSON the API reads. */
  static String plain(JsonProcessingException e) {
    return Bodies.shown(JsonSyntax.describe(e), LONGEST).strip();
  }

  /**
   * Why {@code text} (a body, decoded by {@link Utf8Body}) is not one standard JSON value,
   * with the line and column (a reason: "is not valid JSON: ..."), or null when it is one.
   * Stricter than the reader of requests: it also refuses what that reader lets pass or skips
   * (NaN and Infinity, data after the value), so that a body the contract's validator refused
   * is told why.
   */
  static String syntax(String text) {
    try (JsonParser parser = STRICT.createParser(text)) {
      if (parser.nextToken() == null) {
        return "is empty; send a JSON object";
      }
      parser.skipChildren();
      JsonLocation end = parser.currentLocation();
      try {
        if (parser.nextToken() == null) {
          return null;
        }
      } catch (JsonProcessingException e) {
        // what follows is not even JSON: it is still more after the value
      }
      return "has more after the JSON value that ends at " + place(end)
          + "; send one JSON object";
    } catch (JsonProcessingException e) {
      return "is not valid JSON: " + plain(e);
    } catch (IOException e) {
      return null; // a string cannot fail to read
    }
  }

  private static String place(JsonLocation location) {
    return location.getLineNr() == 1 ? "column " + location.getColumnNr()
        : "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
