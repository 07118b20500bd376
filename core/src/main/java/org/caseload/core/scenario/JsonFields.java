package org.caseload.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A reading view of one JSON object that records a problem, with its path, for every field
 * that is missing, of the wrong type or not known. Unreadable numbers read as NaN so that
 * reading goes on and every problem is found in one pass.
 */
final class JsonFields {

  private final JsonNode node;
  private final String path;
  private final Checks checks;
  private final Set<String> read = new LinkedHashSet<>();

  private JsonFields(JsonNode node, String path, Checks checks) {
    this.node = node;
    this.path = path;
    this.checks = checks;
  }

  /** A view of {@code node}, which must be an object; an empty view with a problem if not. */
  static JsonFields of(JsonNode node, String path, Checks checks) {
    if (node == null || !node.isObject()) {
      checks.addUnreadable(path, "must be an object, was " + describe(node));
      return new JsonFields(null, path, checks);
    }
    return new JsonFields(node, path, checks);
  }

  String path(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  /** The field's node, or null when absent (JSON null counts as present). */
  private JsonNode field(String field) {
    read.add(field);
    return node == null ? null : node.get(field);
  }

  private void missing(String field) {
    if (node != null) {
      checks.add(path(field), "is required");
    }
  }

  /** A number; {@code defaultValue} when absent, or a problem if that is null. */
  double number(String field, Double defaultValue) {
    JsonNode value = field(field);
    if (value == null) {
      if (defaultValue == null) {
        missing(field);
        return Double.NaN;
      }
      return defaultValue;
    }
    if (!value.isNumber()) {
      checks.add(path(field), "must be a number, was " + describe(value));
      return Double.NaN;
    }
    return value.doubleValue();
  }

  /** A number, or null when absent or JSON null (the field left unchanged). */
  Double optionalNumber(String field) {
    JsonNode value = field(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      checks.add(path(field), "must be a number or null (unchanged), was " + describe(value));
      return Double.NaN;
    }
    return value.doubleValue();
  }

  /** A number or JSON null, which reads as {@code +Infinity} (no limit). */
  double limit(String field, double defaultValue) {
    JsonNode value = field(field);
    if (value == null) {
      return defaultValue;
    }
    if (value.isNull()) {
      return Double.POSITIVE_INFINITY;
    }
    if (!value.isNumber()) {
      checks.add(path(field), "must be a number or null (no limit), was " + describe(value));
      return Double.NaN;
    }
    if (Double.isInfinite(value.doubleValue())) {
      // +Infinity is how "no limit" is held: a number too large for a double (1e309) had
      // read as null, where every other number field refuses it
      checks.add(path(field), "must be finite, or null for no limit; was a number "
          + (value.doubleValue() > 0 ? "above " : "below -")
          + "1.8e308, too large for a double");
      return Double.NaN;
    }
    return value.doubleValue();
  }

  /** A whole number that fits an int; {@code defaultValue} when absent. */
  int integer(String field, Integer defaultValue) {
    JsonNode value = field(field);
    if (value == null) {
      if (defaultValue == null) {
        missing(field);
        return 0;
      }
      return defaultValue;
    }
    return toInt(path(field), value);
  }

  /** A whole number or null. */
  Integer optionalInteger(String field) {
    JsonNode value = field(field);
    if (value == null || value.isNull()) {
      return null;
    }
    return toInt(path(field), value);
  }

  private int toInt(String at, JsonNode value) {
    if (!value.isNumber()) {
      checks.add(at, "must be a whole number, was " + describe(value));
      return 0;
    }
    double d = value.doubleValue();
    if (!WrittenDecimal.isWhole(value)) {
      checks.add(at, "must be a whole number, was " + WrittenDecimal.text(value));
      return 0;
    }
    if (Math.abs(d) > Integer.MAX_VALUE) {
      checks.add(at, "is far out of range, was " + value.asText());
      return 0;
    }
    return (int) d;
  }

  /** true or false; {@code defaultValue} when absent. */
  boolean bool(String field, Boolean defaultValue) {
    JsonNode value = field(field);
    if (value == null) {
      if (defaultValue == null) {
        missing(field);
        return false;
      }
      return defaultValue;
    }
    if (!value.isBoolean()) {
      checks.add(path(field), "must be true or false, was " + describe(value));
      return false;
    }
    return value.booleanValue();
  }

  /** A string; required. */
  String text(String field) {
    JsonNode value = field(field);
    if (value == null) {
      missing(field);
      return "";
    }
    if (!value.isTextual()) {
      checks.add(path(field), "must be a string, was " + describe(value));
      return "";
    }
    return value.textValue();
  }

  /** A nested object; when absent and optional, an empty view that yields defaults. */
  JsonFields object(String field, boolean required) {
    JsonNode value = field(field);
    if (value == null) {
      if (required) {
        missing(field);
      }
      return new JsonFields(null, path(field), checks);
    }
    return of(value, path(field), checks);
  }

  /** The elements of an array field; empty when absent (with a problem if required). */
  List<JsonNode> array(String field, boolean required) {
    return array(field, required, Integer.MAX_VALUE, "items");
  }

  /**
   * A list of at most {@code maxItems}; a longer one is refused as a whole, its items not
   * read ("must have at most 200 items, had 1000000"), as what it holds cannot be meant.
   */
  List<JsonNode> array(String field, boolean required, int maxItems, String itemsAre) {
    JsonNode value = field(field);
    if (value != null && value.isArray() && value.size() > maxItems) {
      checks.add(path(field), "must have at most " + maxItems + " " + itemsAre + ", had "
          + value.size());
      return new ArrayList<>();
    }
    List<JsonNode> items = new ArrayList<>();
    if (value == null) {
      if (required) {
        missing(field);
      }
      return items;
    }
    if (!value.isArray()) {
      checks.add(path(field), "must be an array, was " + describe(value));
      return items;
    }
    value.forEach(items::add);
    return items;
  }

  /** Records a problem at a path below this object. */
  void problem(String subPath, String reason) {
    checks.add(path(subPath), reason);
  }

  /** Whether the field is present; asked, it is a known field even where absent. */
  boolean has(String field) {
    read.add(field);
    return node != null && node.has(field);
  }

  /** Reports every field of the object that was never read as unknown. */
  void finish() {
    if (node == null) {
      return;
    }
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!read.contains(name)) {
        List<String> close = org.caseload.core.data.Names.closest(name, read, 1);
        boolean similar = !close.isEmpty()
            && org.caseload.core.data.Names.distance(name.toLowerCase(java.util.Locale.ROOT),
                close.get(0).toLowerCase(java.util.Locale.ROOT)) <= 2;
        checks.add(path(name), UNKNOWN + (similar ? SUGGEST + close.get(0) + "'?" : ""));
      }
    }
  }

  /** How a field the reader does not know starts its problem. */
  static final String UNKNOWN = "is not a known field";

  private static final String SUGGEST = "; did you mean '";

  /**
   * The field an unknown field's problem suggests ({@link #finish}: the known field a few
   * letters away), or null if it suggests none.
   */
  static String suggested(String reason) {
    int at = reason.indexOf(SUGGEST);
    return reason.startsWith(UNKNOWN) && at >= 0 && reason.endsWith("'?")
        ? reason.substring(at + SUGGEST.length(), reason.length() - 2) : null;
  }

  static String describe(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "missing";
    }
    if (value.isNull()) {
      return "null";
    }
    if (value.isTextual()) {
      String text = value.textValue();
      return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
    }
    if (value.isObject()) {
      return "an object";
    }
    if (value.isArray()) {
      return "an array";
    }
    return value.toString();
  }
}
