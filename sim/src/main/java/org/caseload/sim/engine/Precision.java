package org.caseload.sim.engine;

import java.math.BigDecimal;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.Unit;

/**
 * A request to stop early once the 95% confidence half-width of a metric's mean is at most
 * {@code halfWidth} (in the metric's own unit) in every month, judged after each chunk of 64
 * once at least {@link #MIN_REPLICATIONS} replications are merged; a month whose replications
 * all agree is not judged precise, so a metric that never varies runs every replication.
 */
public record Precision(Metric metric, double halfWidth) {

  /** Replications before a run may stop early: fewer say too little of the spread. */
  public static final int MIN_REPLICATIONS = 100;

  public Precision {
    if (!(halfWidth > 0) || Double.isInfinite(halfWidth)) {
      throw new IllegalArgumentException("precision of " + metric
          + ": half-width must be a positive number, was " + halfWidth);
    }
    String problem = shareProblem(metric, halfWidth);
    if (problem != null) {
      throw new IllegalArgumentException("precision of " + metric + ": " + problem);
    }
  }

  /**
   * Why {@code halfWidth} cannot be a share's ({@link Unit#RATE}: a fraction from 0 to 1), or
   * null: a half-width of 1 or more is met by any 100 replications and was almost surely meant
   * in points ({@code vacancyRate=5} had stopped a run at 128 replications, ±5 meant as ±5
   * points); the command line and the API both refuse it so.
   */
  public static String shareProblem(Metric metric, double halfWidth) {
    if (metric.unit() != Unit.RATE || halfWidth < 1) {
      return null;
    }
    String shown = BigDecimal.valueOf(halfWidth).stripTrailingZeros().toPlainString();
    return metric + " is a share from 0 to 1, so its half-width must be below 1"
        + (halfWidth <= 100 ? ": for " + shown + (halfWidth == 1 ? " point" : " points") + " write "
        + BigDecimal.valueOf(halfWidth).movePointLeft(2).stripTrailingZeros().toPlainString()
        : ", was " + shown);
  }
}
