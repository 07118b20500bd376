package org.caseload.sim.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of cells laid out in columns as wide as their widest cell, two spaces apart, aligned as
 * {@code align} says column by column ({@code 'l'} left, {@code 'r'} right; right beyond it).
 *
 * @implNote Mutable, not thread-safe.
 */
final class TextGrid {

  private final String align;
  private final List<String[]> rows = new ArrayList<>();

  TextGrid(String align) {
    this.align = align;
  }

  void add(List<String> cells) {
    rows.add(cells.toArray(new String[0]));
  }

  /** The rows, each ending in a newline, trailing spaces removed. */
  String render() {
    int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int c = 0; c < row.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        if (c > 0) {
          line.append("  ");
        }
        String pad = " ".repeat(widths[c] - row[c].length());
        boolean left = c < align.length() && align.charAt(c) == 'l';
        line.append(left ? row[c] + pad : pad + row[c]);
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
