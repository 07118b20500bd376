package org.caseload.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.caseload.core.scenario.JsonSyntax;

/**
 * The JSON reader's complaints in a planner's words ({@link JsonSyntax}, as the command line
 * says them), cut to a readable length: what is wrong with the body, never the reader's
 * classes or settings ({@code StreamReadConstraints.getMaxNestingDepth()}).
 *
 * @implNote Stateless and thread-safe.
 */
final class JsonErrors {

  private static final int LONGEST = 160;

  private JsonErrors() {}

  /** Why the body is not JSON the API reads. */
  static String plain(JsonProcessingException e) {
    return Bodies.shown(JsonSyntax.describe(e), LONGEST).strip();
  }
}
