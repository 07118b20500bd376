package org.caseload.sim.summary;

import org.caseload.core.metrics.Unit;

/**
 * Maps values to histogram keys at a fixed resolution per unit: counts exactly, FTE to 0.1,
 * caseloads and months to 0.01, rates to 0.001, and money to 0.1% of its size (a signed
 * logarithmic scale), so that a histogram's size depends on the spread of a metric, never on
 * the number of replications.
 *
 * @implNote Immutable and thread-safe.
 */
public enum Quantizer {
  EXACT(1),
  TENTHS(0.1),
  HUNDREDTHS(0.01),
  THOUSANDTHS(0.001),
  RELATIVE(0);

  private static final double LOG_STEP = Math.log1p(0.001);

  private final double resolution;

  Quantizer(double resolution) {
    this.resolution = resolution;
  }

  /** The quantizer for values of {@code unit}. */
  public static Quantizer of(Unit unit) {
    return switch (unit) {
      case COUNT -> EXACT;
      case FTE -> TENTHS;
      case CASELOAD, MONTHS -> HUNDREDTHS;
      case RATE -> THOUSANDTHS;
      case MONEY -> RELATIVE;
    };
  }

  public long key(double value) {
    if (this == RELATIVE) {
      long magnitude = Math.round(Math.log1p(Math.abs(value)) / LOG_STEP);
      return value < 0 ? -magnitude : magnitude;
    }
    return Math.round(value / resolution);
  }

  public double value(long key) {
    if (this == RELATIVE) {
      double magnitude = Math.expm1(Math.abs(key) * LOG_STEP);
      return key < 0 ? -magnitude : magnitude;
    }
    return this == EXACT ? key : key * resolution;
  }
}
