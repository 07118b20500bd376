package org.caseload.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.caseload.core.scenario.PlainText;

/**
 * Plain text in request bodies: no string or key may hold a control character (U+0000 to
 * U+001F, U+007F to U+009F) or half of a surrogate pair. PostgreSQL refuses NUL and would
 * store a lone surrogate as {@code ?}; planners never mean either.
 *
 * @implNote Stateless and thread-safe.
 */
final class Text {

  private Text() {}

  /** Throws a 400 naming every string or key of {@code body} that is not plain text. */
  static void requirePlain(JsonNode body) {
    List<ApiProblem.FieldError> errors = new ArrayList<>();
    int total = 0;
    Deque<Map.Entry<String, JsonNode>> stack = new ArrayDeque<>();
    stack.push(Map.entry("", body));
    while (!stack.isEmpty()) {
      Map.Entry<String, JsonNode> at = stack.pop();
      JsonNode node = at.getValue();
      String problem = node.isTextual() ? problem(node.textValue()) : null;
      if (problem != null && total++ < ApiProblem.MAX_ERRORS) {
        errors.add(new ApiProblem.FieldError(at.getKey().isEmpty() ? "body" : at.getKey(),
            problem));
      }
      if (node.isArray()) {
        for (int i = node.size() - 1; i >= 0; i--) {
          stack.push(Map.entry(at.getKey() + "[" + i + "]", node.get(i)));
        }
      } else if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          String path = (at.getKey().isEmpty() ? "" : at.getKey() + ".")
              + Bodies.shown(field.getKey());
          String keyProblem = problem(field.getKey());
          if (keyProblem != null && total++ < ApiProblem.MAX_ERRORS) {
            errors.add(new ApiProblem.FieldError(path, "(a key) " + keyProblem));
          }
          stack.push(Map.entry(path, field.getValue()));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw ApiProblem.badFields(errors, total);
    }
  }

  /** Why {@code text} is not plain text, or null when it is ({@link PlainText}). */
  static String problem(String text) {
    return PlainText.problem(text);
  }
}
