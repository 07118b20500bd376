package org.caseload.sim.cli;

import java.util.Locale;
import org.caseload.core.metrics.Unit;

/** Formats a value for a table cell according to its unit. */
final class Cells {

  private Cells() {}

  static String format(Unit unit, double value) {
    return switch (unit) {
      case COUNT -> String.format(Locale.ROOT, "%.0f", value);
      case FTE, CASELOAD, MONTHS -> String.format(Locale.ROOT, "%.1f", value);
      case RATE -> String.format(Locale.ROOT, "%.3f", value);
      case MONEY -> String.format(Locale.ROOT, "%,.0f", value);
    };
  }
}
