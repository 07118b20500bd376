package org.caseload.core.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** CSV cells, DfE number codes and names. */
final class Text {

  /** Codes the DfE uses for suppressed, not applicable or unavailable figures. */
  static final Set<String> MISSING_CODES = Set.of("", "x", "c", "z", "u", "low", ":", "..",
      "-", "na", "n/a");

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

  /** A published figure, or NaN when missing or suppressed. */
  static double number(String cell) {
    if (cell == null || MISSING_CODES.contains(cell.trim().toLowerCase(Locale.ROOT))) {
      return Double.NaN;
    }
    try {
      double value = Double.parseDouble(cell.trim().replace(",", ""));
      return Double.isFinite(value) ? value : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
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
