package org.caseload.api.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON Schema validator's messages in the words the rest of the API uses ("must be a
 * whole number, was a string"), so a planner reads one voice whatever caught the mistake.
 */
final class SchemaMessages {

  private record Rule(Pattern pattern, Function<Matcher, String> plain) {}

  private static final Pattern TYPE =
      Pattern.compile("Instance type (\\w+) is invalid\\. Expected (\\w+)");

  private static final List<Rule> RULES = List.of(
      new Rule(TYPE, m -> "must be " + kind(m.group(2)) + ", was " + kind(m.group(1))),
      // an exclusive bound first: "0 is less than or equal to 0" had been "must be at least or"
      rule("(\\S+) is less than or equal to (\\S+)", m -> "must be above " + m.group(2)
          + ", was " + m.group(1)),
      rule("(\\S+) is greater than or equal to (\\S+)", m -> "must be below " + m.group(2)
          + ", was " + m.group(1)),
      rule("(\\S+) is less than (\\S+)", m -> "must be at least " + m.group(2) + ", was "
          + m.group(1)),
      rule("(\\S+) is greater than (\\S+)", m -> "must be at most " + m.group(2) + ", was "
          + m.group(1)),
      rule("Array has too few items \\(.*< (\\d+)\\)", m -> "must have at least " + m.group(1)
          + (m.group(1).equals("1") ? " item" : " items")),
      rule("Array has too many items \\(.*> (\\d+)\\)", m -> "must have at most " + m.group(1)
          + " items"),
      rule("String is too short \\(.*< (\\d+)\\)", m -> m.group(1).equals("1")
          ? "must not be empty" : "must have at least " + m.group(1) + " characters"),
      rule("String is too long \\(.*> (\\d+)\\)", m -> "must have at most " + m.group(1)
          + " characters"),
      rule("Instance does not match any of \\[(.*)\\]", m -> "must be one of "
          + m.group(1).replace("\"", "").replace(",", ", ")));

  private SchemaMessages() {}

  private static Rule rule(String regex, Function<Matcher, String> plain) {
    return new Rule(Pattern.compile(regex), plain);
  }

  /**
   * The longest message put in words: the rules' regular expressions take time that grows
   * with the square of a message's length (a key of 25,000 characters quoted in one had held
   * the event loop 25 s), and none of the messages they word is long.
   */
  private static final int LONGEST = 500;

  /** The plain form of {@code message}. */
  static String plain(String message) {
    if (message == null || message.length() > LONGEST) {
      return "is invalid";
    }
    if (message.startsWith("String does not match pattern")) {
      return "must be a UUID"; // the contract's only pattern is the Id schema's
    }
    for (Rule rule : RULES) {
      Matcher m = rule.pattern().matcher(message);
      if (m.find()) {
        return rule.plain().apply(m);
      }
    }
    return message;
  }

  /**
   * The plain form of {@code message} about {@code value}, the JSON value the validator
   * checked (null when unknown): a type mismatch then says what was sent ("must be a whole
   * number, was the number 2.5"), cut and cleaned as {@link Bodies#shown(String)} does.
   */
  static String plain(String message, Object value) {
    Matcher m = message == null || value == null || message.length() > LONGEST ? null
        : TYPE.matcher(message);
    if (m == null || !m.find()) {
      return plain(message);
    }
    return "must be " + kind(m.group(2)) + ", was " + described(value);
  }

  private static String described(Object value) {
    if (value instanceof String text) {
      return "the string \"" + Bodies.shown(text) + "\"";
    }
    if (value instanceof Double d && d.isInfinite()) {
      return "a number too large for a double (" + (d > 0 ? "above " : "below -") + "1.8e308)";
    }
    if (value instanceof Number number) {
      return "the number " + Bodies.shown(number.toString());
    }
    if (value instanceof Boolean bool) {
      return bool.toString();
    }
    if (value instanceof JsonArray) {
      return "an array";
    }
    return value instanceof JsonObject ? "an object" : "a " + value.getClass().getSimpleName();
  }

  private static String kind(String type) {
    return switch (type) {
      case "integer" -> "a whole number";
      case "number" -> "a number";
      case "string" -> "a string";
      case "object" -> "an object";
      case "array" -> "an array";
      case "boolean" -> "true or false";
      case "null" -> "null";
      default -> type;
    };
  }
}
