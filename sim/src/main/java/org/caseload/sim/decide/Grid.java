package org.caseload.sim.decide;

import java.util.ArrayList;
import java.util.List;

/**
 * The values a lever may take, from its weakest ({@code from}) to its strongest ({@code to})
 * in steps of {@code step}: {@code to} may be below {@code from} (a retention multiplier of 1
 * down to 0.8 strengthens as it falls). The last value is always {@code to}: when the range
 * is not a whole number of steps, the last step is shorter (0..8/3 is 0, 3, 6, 8), so the
 * strongest value asked for is searched; a step longer than the range gives its two ends
 * (retention=1..0.8, the default step of 1, is 1 and 0.8).
 *
 * @param from the weakest value
 * @param to the strongest value
 * @param step the distance between values, positive
 * @implNote Immutable and thread-safe.
 */
public record Grid(double from, double to, double step) {

  /** The most values a grid may have. */
  public static final int MAX_VALUES = 1000;

  public Grid {
    if (!Double.isFinite(from) || !Double.isFinite(to)) {
      throw new IllegalArgumentException("range ends must be finite numbers");
    }
    if (from == to) {
      throw new IllegalArgumentException("range " + Cells.number(from) + ".."
          + Cells.number(to) + " has one value; a lever must be able to move");
    }
    if (!(step > 0) || !Double.isFinite(step)) {
      throw new IllegalArgumentException("step must be positive, was " + Cells.number(step));
    }
    if (Math.abs(to - from) / step + 1 > MAX_VALUES) {
      throw new IllegalArgumentException("range has more than " + MAX_VALUES + " values");
    }
  }

  public static Grid of(double from, double to, double step) {
    return new Grid(from, to, step);
  }

  /** The number of values. */
  public int size() {
    int steps = (int) Math.floor(Math.abs(to - from) / step + 1e-9);
    // an end within the 9-decimal rounding of values of the last step is that step, not one
    // more value
    return steps + (Math.abs(stepped(steps) - to) <= 1e-9 * Math.max(1, Math.abs(to)) ? 1 : 2);
  }

  /** Value {@code index}, 0 the weakest; the last is {@code to}. */
  public double value(int index) {
    return index == size() - 1 ? to : stepped(index);
  }

  /** {@code from} moved {@code steps} steps towards {@code to}, rounded to 9 decimals. */
  private double stepped(int steps) {
    double v = from + Math.signum(to - from) * step * steps;
    return Math.round(v * 1e9) / 1e9;
  }

  /** Every value, weakest first. */
  public List<Double> values() {
    List<Double> list = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      list.add(value(i));
    }
    return List.copyOf(list);
  }

  @Override
  public String toString() {
    return Cells.number(from) + ".." + Cells.number(to) + "/" + Cells.number(step);
  }

  /** Short numbers for messages. */
  static final class Cells {
    private Cells() {}

    static String number(double value) {
      if (value == Math.rint(value) && Math.abs(value) < 1e15) {
        return Long.toString((long) value);
      }
      return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
  }
}
