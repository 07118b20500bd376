package org.caseload.core.calibration;

/**
 * The plausible range of a derived figure: a ratio of published figures outside it is taken
 * as a quirk of the data and clamped to it.
 *
 * @param min the least plausible value
 * @param max the greatest plausible value
 */
record Bounds(double min, double max) {

  /** {@code value} clamped to the range. */
  double clamp(double value) {
    return Math.max(min, Math.min(max, value));
  }

  /** {@code numerator / denominator} clamped to the range; NaN when either is missing. */
  double ratio(double numerator, double denominator) {
    if (Double.isNaN(numerator) || Double.isNaN(denominator) || denominator <= 0) {
      return Double.NaN;
    }
    return clamp(numerator / denominator);
  }
}
