package org.caseload.sim.decide;

/**
 * An estimated probability: {@code successes} of {@code trials}, with its 95% Wilson score
 * interval.
 *
 * @param successes replications in which the event held
 * @param trials replications run, at least 1
 * @implNote Immutable and thread-safe.
 */
public record Proportion(long successes, long trials) {

  private static final double Z = 1.959963984540054;

  public Proportion {
    if (trials < 1 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException("need 0 <= successes <= trials, trials >= 1; was "
          + successes + " of " + trials);
    }
  }

  public double estimate() {
    return (double) successes / trials;
  }

  /** Lower end of the 95% Wilson interval. */
  public double lower95() {
    return wilson(-1);
  }

  /** Upper end of the 95% Wilson interval. */
  public double upper95() {
    return wilson(1);
  }

  /** Whether the 95% interval lies wholly on one side of {@code p} ({@code p} excluded). */
  public boolean decided(double p) {
    return lower95() > p || upper95() < p;
  }

  private double wilson(int sign) {
    double n = trials;
    double p = estimate();
    double centre = p + Z * Z / (2 * n);
    double spread = Z * Math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n));
    return Math.min(1, Math.max(0, (centre + sign * spread) / (1 + Z * Z / n)));
  }
}
