package org.caseload.sim.target;

import org.caseload.sim.summary.Summary;

/**
 * The estimated probability that a target holds, with its 95% Wilson score interval.
 *
 * @param target the target
 * @param successes replications in which it held
 * @param replications replications run
 */
public record TargetResult(Target target, long successes, long replications) {

  private static final double Z = 1.959963984540054;

  public double probability() {
    return replications == 0 ? Double.NaN : (double) successes / replications;
  }

  /**
   * The target as a metric that is 1 in a replication where it held and 0 elsewhere,
   * summarised as any metric is (so tidy CSV can carry it in a row): mean the probability,
   * sample sd and standard error, nearest-rank percentiles (0 or 1) and the share above 0
   * (the probability again).
   */
  public Summary outcome() {
    long n = replications;
    double p = probability();
    double sd = n < 2 ? 0
        : Math.sqrt((double) successes * (n - successes) / ((double) n * (n - 1)));
    double[] q = new double[Summary.PERCENTS.length];
    for (int i = 0; i < q.length; i++) {
      long rank = Math.max(1, (long) Math.ceil(Summary.PERCENTS[i] * (double) n / 100));
      q[i] = rank <= n - successes ? 0 : 1;
    }
    return new Summary(n, p, sd, n < 1 ? 0 : sd / Math.sqrt(n), q[0], q[1], q[2], q[3], q[4],
        q[5], q[6], p);
  }

  /** Lower end of the 95% Wilson interval. */
  public double lower95() {
    return wilson(-1);
  }

  /** Upper end of the 95% Wilson interval. */
  public double upper95() {
    return wilson(1);
  }

  private double wilson(int sign) {
    if (replications == 0) {
      return Double.NaN;
    }
    double n = replications;
    double p = probability();
    double centre = p + Z * Z / (2 * n);
    double spread = Z * Math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n));
    double bound = (centre + sign * spread) / (1 + Z * Z / n);
    return Math.min(1, Math.max(0, bound));
  }
}
