package org.caseload.api.http;

import java.util.Locale;

/**
 * Whether results go as CSV: {@code ?format=csv}, or, without {@code ?format}, an
 * {@code Accept} header that weighs {@code text/csv} above {@code application/json} (RFC 9110
 * section 12.5.1: media types in any case, each type weighed by the most specific range that
 * names it, {@code q=0} meaning "not this"). JSON on a tie, when neither is acceptable, or
 * without the header: it is the default, and {@code Accept} is honoured only for CSV.
 *
 * @implNote Stateless.
 */
final class ResultFormat {

  private ResultFormat() {}

  static boolean csv(String format, String accept) {
    if (format != null) {
      return format.equals("csv");
    }
    if (accept == null) {
      return false;
    }
    double csv = weight(accept, "text", "csv");
    return csv > 0 && csv > weight(accept, "application", "json");
  }

  /**
   * The weight {@code accept} gives {@code type/subtype}: that of the most specific range
   * matching it (exact, then {@code type/*}, then {@code * /*}), 0 when none does. A range
   * with an unreadable weight is not counted.
   */
  static double weight(String accept, String type, String subtype) {
    double weight = 0;
    int specificity = -1;
    for (String element : accept.split(",")) {
      String[] parts = element.split(";");
      String range = parts[0].trim().toLowerCase(Locale.ROOT);
      int slash = range.indexOf('/');
      if (slash < 0) {
        continue;
      }
      String rangeType = range.substring(0, slash).trim();
      String rangeSubtype = range.substring(slash + 1).trim();
      int matches;
      if (rangeType.equals(type) && rangeSubtype.equals(subtype)) {
        matches = 2;
      } else if (rangeType.equals(type) && rangeSubtype.equals("*")) {
        matches = 1;
      } else if (rangeType.equals("*") && rangeSubtype.equals("*")) {
        matches = 0;
      } else {
        continue;
      }
      double q = q(parts);
      if (Double.isNaN(q) || matches < specificity) {
        continue;
      }
      if (matches > specificity) {
        specificity = matches;
        weight = q;
      } else {
        weight = Math.max(weight, q);
      }
    }
    return weight;
  }

  /** The {@code q} parameter of a range's parts: 1 without one, NaN when unreadable. */
  private static double q(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim();
      int equals = parameter.indexOf('=');
      if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase("q")) {
        String value = parameter.substring(equals + 1).trim();
        if (!value.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?")) {
          return Double.NaN;
        }
        return Double.parseDouble(value);
      }
    }
    return 1;
  }
}
