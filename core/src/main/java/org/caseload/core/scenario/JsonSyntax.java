package org.caseload.core.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with malformed JSON, in a user's words: {@code the object opened at column 1
 * is not closed (a '}' is missing)} rather than the parser's message, which names its
 * internal settings.
 *
 * @implNote Stateless and thread-safe.
 */
public final class JsonSyntax {

  private static final Pattern UNCLOSED = Pattern.compile(
      "expected close marker for (Object|Array) \\(start marker at \\[.*?line: (\\d+), column:"
          + " (\\d+)\\]\\)");
  private static final Pattern STARTING = Pattern.compile(
      "\\(for (Object|Array) starting at \\[.*?line: (\\d+), column: (\\d+)\\]\\)");
  private static final Pattern CHARACTER = Pattern.compile(
      "\\('(.+?)' \\(code (\\d+)(?: / 0x[0-9a-fA-F]+)?\\)\\)");
  private static final Pattern VALUES = Pattern.compile("\\(JSON String, Number(?: \\(or"
      + " 'NaN'/'\\+INF'/'-INF'\\))?, Array, Object or token 'null', 'true' or 'false'\\)");
  private static final Pattern SOURCE = Pattern.compile("\\s*\\(?\\[Source:.*?\\]\\)?");
  /** ": enable `JsonReadFeature.X` to allow" and the like. */
  private static final Pattern ENABLE = Pattern.compile(":?\\s*enable `[^`]*`(?: to allow)?");
  /** "(not recognized as one since Feature 'X' not enabled for parser)". */
  private static final Pattern NOT_ENABLED = Pattern.compile(
      "\\s*\\(not recognized as one since Feature '\\w+' not enabled for parser\\)");
  private static final Pattern NON_STANDARD = Pattern.compile("^non-standard token '([^']*)'");
  /** A control character inside a text value, as the reader says it. */
  private static final Pattern RAW_CONTROL = Pattern.compile(
      "^Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
  /** What is left of a setting's name after the rest: a backticked name or an ALLOW_ flag. */
  private static final Pattern SETTING = Pattern.compile(
      "`[^`]*`|'?\\b[A-Z]+(?:_[A-Z]+)+\\b'?|\\b(?:Json\\w*Feature|Feature)\\b");

  /** The message of text after a JSON value, which {@link ScenarioJson#readTree} refuses. */
  static final String TRAILING = "unexpected text after the value";

  private JsonSyntax() {}

  /** The problem and where it is, e.g. {@code a '"' is missing: the text opened ... }. */
  public static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (e instanceof StreamConstraintsException) {
      return tooLarge(message);
    }
    if (message.equals(TRAILING)) {
      return TRAILING + at(e.getLocation());
    }
    if (message.contains("maybe a (non-standard) comment?")) {
      return "comments are not allowed in JSON" + at(e.getLocation());
    }
    if (message.contains("JSON spec does not allow numbers to have plus signs")) {
      JsonLocation where = e.getLocation(); // the reader stands just past the '+'
      return "unexpected character '+' in numeric value: JSON numbers have no '+' sign"
          + (where == null || where.getLineNr() < 1 ? ""
              : " (at " + place(where.getLineNr(), Math.max(1, where.getColumnNr() - 1)) + ")");
    }
    Matcher control = RAW_CONTROL.matcher(message);
    if (control.find()) {
      return "a text value holds a raw " + controlCharacter(Integer.parseInt(control.group(1)))
          + at(e.getLocation());
    }
    if (message.startsWith("Duplicate field '")) {
      return "duplicate key " + message.substring("Duplicate field ".length())
          + ": each key may appear once in an object" + at(e.getLocation());
    }
    Matcher unclosed = UNCLOSED.matcher(message);
    if (unclosed.find()) {
      boolean object = unclosed.group(1).equals("Object");
      return "the " + (object ? "object" : "list") + " opened at "
          + place(Integer.parseInt(unclosed.group(2)), Integer.parseInt(unclosed.group(3)))
          + " is not closed (a '" + (object ? "}" : "]") + "' is missing)";
    }
    if (message.contains("was expecting closing quote")) {
      return "a text value is not closed (a '\"' is missing)" + at(e.getLocation());
    }
    if (message.startsWith("Unexpected end-of-input")) {
      return "it ends too early" + at(e.getLocation());
    }
    Matcher starting = STARTING.matcher(message);
    if (starting.find()) {
      message = message.substring(0, starting.start()) + "for the "
          + (starting.group(1).equals("Object") ? "object" : "list") + " opened at "
          + place(Integer.parseInt(starting.group(2)), Integer.parseInt(starting.group(3)))
          + message.substring(starting.end());
    }
    String plain = SOURCE.matcher(VALUES.matcher(CHARACTER.matcher(message)
        .replaceAll(m -> Matcher.quoteReplacement(shown(Integer.parseInt(m.group(2))))))
        .replaceAll("(a text, number, list, object, true, false or null)")).replaceAll("");
    plain = plain.replace("double-quote to start field name",
        "a field name in double quotes");
    return withoutSettings(lowerFirst(plain)) + at(e.getLocation());
  }

  /** Which of the reader's limits the text exceeds, in the limits' own numbers. */
  private static String tooLarge(String message) {
    StreamReadConstraints limits = ScenarioJson.inputLimits();
    if (message.contains("nesting depth")) {
      return "it is nested more than " + limits.getMaxNestingDepth() + " levels deep";
    }
    if (message.startsWith("Number value length")) {
      return "it has a number longer than " + limits.getMaxNumberLength() + " characters";
    }
    if (message.startsWith("String value length")) {
      return "it has a text longer than " + limits.getMaxStringLength() + " characters";
    }
    if (message.startsWith("Name length")) {
      return "it has a key longer than " + limits.getMaxNameLength() + " characters";
    }
    if (message.startsWith("Token count")) {
      return String.format(java.util.Locale.ROOT, "it holds more than %,d brackets, names and"
          + " values (no scenario needs that many)", limits.getMaxTokenCount());
    }
    return "it is larger or deeper than the reader accepts";
  }

  /** A character as a reader can see it: quoted, or its code when it is invisible. */
  /** A control character named, with how JSON writes it: "new line (U+000A): ... \\n". */
  private static String controlCharacter(int code) {
    return switch (code) {
      case '\n' -> "new line (U+000A): write it escaped, as \\n";
      case '\t' -> "tab (U+0009): write it escaped, as \\t";
      case '\r' -> "carriage return (U+000D): write it escaped, as \\r";
      default -> String.format("control character U+%04X: write it escaped, as \\u%04X", code,
          code);
    };
  }

  private static String shown(int code) {
    int type = Character.getType(code);
    boolean invisible = Character.isISOControl(code) || Character.isWhitespace(code)
        || type == Character.FORMAT || type == Character.UNASSIGNED
        || type == Character.SURROGATE || type == Character.PRIVATE_USE;
    return invisible ? String.format("U+%04X (an invisible character)", code)
        : "'" + new String(Character.toChars(code)) + "'";
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? ""
        : " (at " + place(location.getLineNr(), location.getColumnNr()) + ")";
  }

  private static String place(int line, int column) {
    return line == 1 ? "column " + column : "line " + line + ", column " + column;
  }

  /** {@code text} with every name of the reader's settings taken out. */
  private static String withoutSettings(String text) {
    String plain = NOT_ENABLED.matcher(text).replaceAll("");
    plain = ENABLE.matcher(plain).replaceAll("");
    plain = NON_STANDARD.matcher(plain).replaceAll("'$1' is not a JSON value");
    return SETTING.matcher(plain).replaceAll("").replaceAll("\\s+(?=[),:])", "")
        .replaceAll("\\s{2,}", " ").strip();
  }

  private static String lowerFirst(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }
}
