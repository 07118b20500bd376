package org.caseload.sim.summary;

import org.caseload.core.metrics.Unit;

/**
 * Maps values to histogram keys at a fixed resolution per unit (counts 1, FTE 0.1, caseloads
 * and months 0.01, rates 0.001, money £1), exactly up to 2,048 units and with 11 significant
 * bits above (a relative error under 0.05%, as HdrHistogram does). {@link Histogram} then
 * keeps at most 512 buckets of these keys, merging neighbours when values spread wider.
 *
 * @implNote Immutable and thread-safe.
 */
public enum Quantizer {
  EXACT(1),
  TENTHS(0.1),
  HUNDREDTHS(0.01),
  THOUSANDTHS(0.001),
  POUNDS(1);

  private static final int BITS = 11;
  private static final long LINEAR = 1L << BITS;
  private static final long HALF = LINEAR >> 1;

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
      case MONEY -> POUNDS;
    };
  }

  public long key(double value) {
    long units = Math.round(value / resolution);
    long magnitude = Math.abs(units);
    if (magnitude < LINEAR) {
      return units;
    }
    int shift = 63 - Long.numberOfLeadingZeros(magnitude) - (BITS - 1);
    long mantissa = magnitude >>> shift;
    long key = LINEAR + (shift - 1) * HALF + (mantissa - HALF);
    return units < 0 ? -key : key;
  }

  /** The value a key stands for: exact below 2,048 units, else its bucket's middle. */
  public double value(long key) {
    long magnitude = Math.abs(key);
    double units;
    if (magnitude < LINEAR) {
      units = magnitude;
    } else {
      long shift = (magnitude - LINEAR) / HALF + 1;
      long mantissa = (magnitude - LINEAR) % HALF + HALF;
      units = (mantissa << shift) + ((1L << shift) - 1) / 2.0;
    }
    double value = units * resolution;
    return key < 0 ? -value : value;
  }
}
