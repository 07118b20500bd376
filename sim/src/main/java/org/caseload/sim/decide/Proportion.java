package org.caseload.sim.decide;

import org.caseload.sim.summary.Wilson;

/**
 * An estimated probability: {@code successes} of {@code trials}, with its 95% Wilson score
 * interval ({@link Wilson}).
 *
 * @param successes replications in which the event held
 * @param trials replications run, at least 1
 * @implNote Immutable and thread-safe.
 */
public record Proportion(long successes, long trials) {

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
    return Wilson.lower95(successes, trials);
  }

  /** Upper end of the 95% Wilson interval. */
  public double upper95() {
    return Wilson.upper95(successes, trials);
  }

  /** Whether the 95% interval lies wholly on one side of {@code p} ({@code p} excluded). */
  public boolean decided(double p) {
    return lower95() > p || upper95() < p;
  }
}
