package org.caseload.sim.summary;

import com.datadoghq.sketch.ddsketch.mapping.CubicallyInterpolatedMapping;
import com.datadoghq.sketch.ddsketch.mapping.IndexMapping;

/**
 * How a {@link Tally}'s sketch keeps values. Every reported percentile is within 0.5%
 * (relative) of the exact nearest-rank percentile of the values added, and zero is exact.
 * {@link #WHOLE} is for metrics whose values are whole numbers (counts of children and
 * events, workers): those up to {@value WholeNumberMapping#EXACT_UP_TO} are reported
 * exactly, larger ones within 0.5% and rounded to whole numbers.
 *
 * @implNote Immutable and thread-safe.
 */
public enum Accuracy {
  /**
   * Whole numbers: exact to 1,024; above, bins of 0.4% relative accuracy, so that the
   * representative rounded to a whole number stays within 0.5% (0.004 x + 0.5 <= 0.005 x
   * for x >= 500).
   */
  WHOLE(new WholeNumberMapping(0.004)),
  /** Any finite value: 0.5% relative. */
  RELATIVE(new CubicallyInterpolatedMapping(Accuracy.RELATIVE_ACCURACY));

  /** The largest relative error of a reported percentile. */
  public static final double RELATIVE_ACCURACY = 0.005;

  /**
   * The most bins a sketch store keeps: beyond them, the bins nearest zero merge, so the
   * accuracy holds for values within a factor 10^35 of the largest magnitude (8,192 bins of
   * 1% width). Bounds a tally's memory at two stores of this many doubles (128 KiB); a
   * tally takes only the span of its values' bins, typically a few hundred.
   */
  static final int MAX_BINS = 8192;

  private final IndexMapping mapping;

  Accuracy(IndexMapping mapping) {
    this.mapping = mapping;
  }

  /** The accuracy for a metric whose values are whole numbers or not. */
  public static Accuracy of(boolean wholeNumbers) {
    return wholeNumbers ? WHOLE : RELATIVE;
  }

  /**
   * The most a reported percentile at {@code value} may differ from the exact nearest-rank
   * percentile of the values added: 0 for whole numbers up to
   * {@value WholeNumberMapping#EXACT_UP_TO} in magnitude (and for 0), else
   * {@link #RELATIVE_ACCURACY} of its magnitude.
   */
  public double maxError(double value) {
    double magnitude = Math.abs(value);
    return this == WHOLE && magnitude <= WholeNumberMapping.EXACT_UP_TO ? 0
        : RELATIVE_ACCURACY * magnitude;
  }

  /** The sketch's mapping of values to bins (shared: sketches merge only on equal mappings). */
  IndexMapping mapping() {
    return mapping;
  }
}
