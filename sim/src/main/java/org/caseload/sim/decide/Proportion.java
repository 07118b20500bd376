package org.caseload.sim.decide;

import org.caseload.sim.summary.ClopperPearson;

/**
 * An estimated probability: {@code successes} of {@code trials}, with its Clopper-Pearson
 * interval ({@link ClopperPearson}) of {@code confidence}.
 *
 * @param successes replications in which the event held
 * @param trials replications run, at least 1
 * @param confidence of the interval, in (0, 1): a goal-seek's is 95% shared over the looks it
 *     may take at a plan ({@link GoalSeekRequest#confidence()})
 * @implNote Immutable and thread-safe.
 */
public record Proportion(long successes, long trials, double confidence) {

  public Proportion {
    if (trials < 1 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException("need 0 <= successes <= trials, trials >= 1; was "
          + successes + " of " + trials);
    }
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
    }
  }

  public double estimate() {
    return (double) successes / trials;
  }

  /** Lower end of the interval. */
  public double lower() {
    return ClopperPearson.lower(successes, trials, confidence);
  }

  /** Upper end of the interval. */
  public double upper() {
    return ClopperPearson.upper(successes, trials, confidence);
  }

  /** Whether the interval lies wholly on one side of {@code p} ({@code p} excluded). */
  public boolean decided(double p) {
    return lower() > p || upper() < p;
  }
}
