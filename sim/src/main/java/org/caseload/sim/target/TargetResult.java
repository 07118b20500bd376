package org.caseload.sim.target;

import org.caseload.sim.summary.Accuracy;
import org.caseload.sim.summary.Summary;
import org.caseload.sim.summary.Tally;
import org.caseload.sim.summary.ClopperPearson;

/**
 * The estimated probability that a goal holds (a target, or every target together), with its
 * 95% Clopper-Pearson interval ({@link ClopperPearson}).
 *
 * @param target the goal
 * @param successes replications in which it held
 * @param replications replications run
 */
public record TargetResult(Goal target, long successes, long replications) {

  public double probability() {
    return replications == 0 ? Double.NaN : (double) successes / replications;
  }

  /**
   * The goal as a metric that is 1 in a replication where it held and 0 elsewhere,
   * summarised as any metric is, by a {@link Tally} of those 0s and 1s (so tidy CSV can carry
   * it in a row): its mean is the probability, its share above 0 the probability again.
   */
  public Summary outcome() {
    Tally tally = new Tally(Accuracy.of(true));
    for (long i = 0; i < replications; i++) {
      tally.add(i < replications - successes ? 0 : 1);
    }
    return tally.summary();
  }

  /** Lower end of the 95% interval. */
  public double lower95() {
    return ClopperPearson.lower95(successes, replications);
  }

  /** Upper end of the 95% interval. */
  public double upper95() {
    return ClopperPearson.upper95(successes, replications);
  }
}
