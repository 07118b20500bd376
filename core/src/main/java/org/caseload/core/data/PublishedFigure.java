package org.caseload.core.data;

import java.util.Locale;

/**
 * The range a figure of a DfE table can hold: the one place of that bound, read by the
 * calibration and by the backtest alike, so that both refuse the same figures in the same
 * words. Every published figure is a count, FTE, rate or percentage, none negative, and none
 * near eight times England's 11.9 million children (the largest in data/dfe).
 */
public final class PublishedFigure {

  /**
   * The largest figure a published table may hold. A hostile or mistyped figure beyond it
   * (1e300), or below 0 (-5), is refused naming its column, area and year.
   */
  public static final double MAX = 100_000_000;

  private PublishedFigure() {}

  /** Whether {@code v} is a figure a table could hold; a missing one (NaN) is not refused. */
  public static boolean possible(double v) {
    return !(v < 0 || v > MAX);
  }

  /**
   * Why {@code v} of {@code column} is refused: "inpost_fte is -5 in the data: a published
   * figure is from 0 to 100,000,000" ({@code column} may name its area and year too).
   */
  public static String refusal(String column, double v) {
    return column + " is " + shown(v) + " in the data: a published figure is from 0 to "
        + String.format(Locale.ROOT, "%,d", (long) MAX);
  }

  /** {@code v} as typed in a table: plain digits, or E-notation when absurdly large. */
  private static String shown(double v) {
    return Math.abs(v) >= 1e15 ? String.format(Locale.ROOT, "%.3g", v)
        : new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }
}
