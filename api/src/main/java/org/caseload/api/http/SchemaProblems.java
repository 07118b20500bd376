package org.caseload.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.pointer.JsonPointer;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caseload.core.scenario.WrittenDecimal;

/**
 * The JSON Schema validator's output as a 400 naming each field: the innermost errors, each
 * at its path, in the API's words. Linear in the validator's output, and only the first
 * {@link ApiProblem#MAX_ERRORS} are put in words: a body with 60,000 unknown fields costs
 * one pass, not a comparison of every error with every other.
 *
 * @implNote Stateless and thread-safe.
 */
final class SchemaProblems {

  private static final Pattern REQUIRED =
      Pattern.compile("does not have required property \"([^\"]+)\"");

  /** How the validator begins the message of a key that breaks propertyNames. */
  private static final String PROPERTY_NAME = "Property name \"";

  /** The contract's limit on a key's length (Edits' propertyNames). */
  static final int MAX_KEY = 200;

  /**
   * The longest JSON pointer looked up in a body: the pointer's own parser recurses on each
   * character and overflowed the stack at a few thousand (a key of 3,000 characters); a
   * longer path holds a key the contract refuses anyway.
   */
  private static final int MAX_POINTER = 1_000;

  private SchemaProblems() {}

  /**
   * The problem of {@code e}; {@code parameter} is the parameter it is about, or null for the
   * body, and {@code checked} the JSON value checked (the body decoded), or null if unknown.
   */
  static ApiProblem of(SchemaValidationException e, String parameter, Object checked) {
    return of(e, parameter, checked, null);
  }

  /**
   * As {@link #of(SchemaValidationException, String, Object)}, with {@code exact} the body
   * with its numbers as written (or null): a bound a number breaks quotes it as written.
   */
  static ApiProblem of(SchemaValidationException e, String parameter, Object checked,
      JsonNode exact) {
    List<OutputUnit> leaves = leaves(e.getOutputUnit());
    Set<String> specific = new HashSet<>();
    for (OutputUnit leaf : leaves) {
      if (!echo(leaf)) {
        specific.add(String.valueOf(leaf.getInstanceLocation()));
      }
    }
    Set<ApiProblem.FieldError> errors = new LinkedHashSet<>();
    int total = 0;
    for (OutputUnit leaf : leaves) {
      if (!reported(leaf, leaves.size(), specific)) {
        continue;
      }
      total++;
      if (errors.size() < ApiProblem.MAX_ERRORS) {
        errors.add(error(leaf, parameter, checked, exact));
      }
    }
    if (errors.isEmpty()) {
      return ApiProblem.badField(parameter == null ? "body" : parameter,
          "does not match the API's contract");
    }
    return ApiProblem.badFields(new ArrayList<>(errors), total);
  }

  /**
   * Whether a leaf is an error of its own. A property that fails its own schema is also
   * reported as not matching "additionalProperties"; that echo is dropped, and a property
   * that fails only there is an unknown field.
   */
  private static boolean reported(OutputUnit leaf, int leaves, Set<String> specific) {
    if (!echo(leaf)) {
      String error = String.valueOf(leaf.getError());
      return !((error.startsWith("A subschema had errors")
          || error.startsWith("Items did not match schema")) && leaves > 1);
    }
    return String.valueOf(leaf.getKeywordLocation()).endsWith("/additionalProperties")
        && !specific.contains(String.valueOf(leaf.getInstanceLocation()));
  }

  private static ApiProblem.FieldError error(OutputUnit leaf, String parameter,
      Object checked, JsonNode exact) {
    String field = field(leaf.getInstanceLocation(), parameter);
    if (echo(leaf)) {
      return new ApiProblem.FieldError(field, "is not a known field");
    }
    String message = leaf.getError();
    if (message != null && message.startsWith(PROPERTY_NAME)) {
      // the contract's only rule on keys is their length (propertyNames: maxLength)
      int end = message.lastIndexOf('"');
      String key = end > PROPERTY_NAME.length() ? message.substring(PROPERTY_NAME.length(), end)
          : "";
      return new ApiProblem.FieldError(field + "." + Bodies.shown(key),
          "(a key) must have at most " + MAX_KEY + " characters");
    }
    String reason = asWritten(SchemaMessages.plain(message,
        valueAt(checked, leaf.getInstanceLocation())), exact, leaf.getInstanceLocation());
    Matcher required = REQUIRED.matcher(reason);
    if (required.find()) {
      return new ApiProblem.FieldError(field.equals("body") ? required.group(1)
          : field + "." + required.group(1), "is required");
    }
    return new ApiProblem.FieldError(field, reason);
  }

  /**
   * A bound's reason ("must be at least 1, was 0.0") with the number as it was written: the
   * validator's double had said {@code replications: 1e-400} was 0.0, a value not sent.
   */
  static String asWritten(String reason, JsonNode exact, String pointer) {
    Matcher bound = BOUND.matcher(reason);
    if (exact == null || pointer == null || pointer.length() > MAX_POINTER
        || !bound.matches()) {
      return reason;
    }
    JsonNode node;
    try {
      node = exact.at(pointer.replaceFirst("^#", ""));
    } catch (IllegalArgumentException e) {
      return reason;
    }
    return node.isNumber() ? bound.group(1) + Bodies.shown(WrittenDecimal.text(node)) : reason;
  }

  private static final Pattern BOUND =
      Pattern.compile("(must be (?:at least|at most|above|below) \\S+, was )\\S+");

  /** The value at {@code pointer} (a JSON pointer, perhaps after '#') in {@code root}, or null. */
  static Object valueAt(Object root, String pointer) {
    if (root == null || pointer == null || pointer.length() > MAX_POINTER) {
      return null;
    }
    try {
      return JsonPointer.from(pointer.replaceFirst("^#", "")).queryJson(root);
    } catch (IllegalArgumentException | ClassCastException e) {
      return null;
    }
  }

  private static boolean echo(OutputUnit leaf) {
    String keyword = String.valueOf(leaf.getKeywordLocation());
    return keyword.endsWith("/properties") || keyword.endsWith("/additionalProperties");
  }

  /** The innermost units, depth first, without recursion. */
  private static List<OutputUnit> leaves(OutputUnit root) {
    List<OutputUnit> leaves = new ArrayList<>();
    Deque<OutputUnit> stack = new ArrayDeque<>();
    if (root != null) {
      stack.push(root);
    }
    while (!stack.isEmpty()) {
      OutputUnit unit = stack.pop();
      List<OutputUnit> inner = unit.getErrors();
      if (inner != null && !inner.isEmpty()) {
        for (int i = inner.size() - 1; i >= 0; i--) {
          stack.push(inner.get(i));
        }
      } else if (unit.getError() != null) {
        leaves.add(unit);
      }
    }
    return leaves;
  }

  /** A JSON pointer ({@code /variants/0/preset}) as a path ({@code variants[0].preset}). */
  static String field(String pointer, String parameter) {
    String location = pointer == null ? "" : pointer.replaceFirst("^#", "");
    StringBuilder path = new StringBuilder(parameter == null ? "" : parameter);
    for (String part : location.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      String name = Bodies.shown(part.replace("~1", "/").replace("~0", "~"));
      if (name.chars().allMatch(Character::isDigit)) {
        path.append('[').append(name).append(']');
      } else {
        path.append(path.length() == 0 ? "" : ".").append(name);
      }
    }
    return path.length() == 0 ? "body" : path.toString();
  }
}
