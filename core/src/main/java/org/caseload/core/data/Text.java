package org.caseload.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** CSV cells, DfE number codes and names. */
final class Text {

  /**
   * Codes the DfE uses for suppressed, not applicable or unavailable figures, with the
   * government statistical service's (k, w), each also in brackets as the GSS writes them now
   * ("[c]", "[z]"): a newer release using one had better read as not published than be refused.
   */
  static final Set<String> MISSING_CODES = Set.of("", "x", "c", "z", "u", "low", ":", "..",
      "-", "na", "n/a", "k", "w");

  private Text() {}

  /** Splits one CSV line, honouring double quotes (RFC 4180). */
  static List<String> splitCsv(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString().trim());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString().trim());
    return cells;
  }

  /** The codes of {@link #MISSING_CODES} as a reason lists them. */
  static final String MISSING_CODES_SHOWN = "c, x, z, u, low, k, w, :, .., -, na, n/a, each"
      + " also in brackets, or empty";

  /**
   * A figure as the DfE writes one: digits with an optional sign, point, exponent and
   * thousands commas ("1,234.5"); not Java's other forms ("NaN", "Infinity", "0x1p3", "12d").
   */
  private static final Pattern FIGURE = Pattern.compile(
      "[+-]?(\\d[\\d,]*(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  /** Whether {@code cell} is one of the DfE's codes for a figure not published (or absent). */
  static boolean notPublished(String cell) {
    if (cell == null) {
      return true;
    }
    String code = cell.trim().toLowerCase(Locale.ROOT);
    if (code.length() > 2 && code.startsWith("[") && code.endsWith("]")) {
      code = code.substring(1, code.length() - 1).trim();
    }
    return MISSING_CODES.contains(code);
  }

  /**
   * A published figure, or NaN when missing, suppressed or not a figure ({@link
   * #notPublished} tells which); -0 is 0.
   */
  static double number(String cell) {
    if (notPublished(cell) || !FIGURE.matcher(cell.trim()).matches()) {
      return Double.NaN;
    }
    double value = Double.parseDouble(cell.trim().replace(",", ""));
    return Double.isFinite(value) ? value + 0.0 : Double.NaN;
  }

  /** A cell as a reason quotes it: in quotes, at most 40 characters, hidden ones as '?'. */
  static String shown(String cell) {
    String plain = org.caseload.core.scenario.PlainText.shown(cell);
    return "'" + (plain.length() > 40 ? plain.substring(0, 40) + "..." : plain) + "'";
  }

  /** The year of a time_period: 2022, or the first year of 202122 / 2021/22 forms. */
  static Integer year(String cell) {
    if (cell == null) {
      return null;
    }
    String digits = cell.trim();
    if (digits.matches("\\d{4}")) {
      return Integer.valueOf(digits);
    }
    if (digits.matches("\\d{6}")) {
      return Integer.valueOf(digits.substring(0, 4)) + 1;
    }
    return null;
  }
}
