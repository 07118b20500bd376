package org.caseload.sim.engine;

import org.caseload.core.metrics.Metric;

/**
 * A request to stop early once the 95% confidence half-width of a metric's mean is at most
 * {@code halfWidth} in every month.
 */
public record Precision(Metric metric, double halfWidth) {

  public Precision {
    if (!(halfWidth > 0) || Double.isInfinite(halfWidth)) {
      throw new IllegalArgumentException("precision of " + metric
          + ": half-width must be a positive number, was " + halfWidth);
    }
  }
}
