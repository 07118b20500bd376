package org.caseload.sim.engine;

import org.caseload.core.metrics.Metric;

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
  }
}
