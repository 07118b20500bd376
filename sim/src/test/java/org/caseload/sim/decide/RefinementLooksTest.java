package org.caseload.sim.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.caseload.sim.presets.Presets;
import org.caseload.sim.target.TargetParser;
import org.junit.jupiter.api.Test;

/**
 * A goal-seek refines a plan near the boundary look by look, on nested replications, until its
 * interval excludes p ({@link GoalSeekRequest#looks()}, {@link Proportion#decided}). This
 * computes that procedure's outcome exactly, by carrying the distribution of the successes
 * from look to look (a binomial of each look's new replications), and checks what the
 * answer claims: the interval where it stops covers the probability with at least 95%, and a
 * plan whose probability is at most p is said to meet p surely with at most 2.5%. The same
 * computation with a plain 95% interval at every look is shown to fail both, as the
 * engine's rule did. Exact sums: nothing here fails by chance.
 */
class RefinementLooksTest {

  private static final double GOAL = 0.8;

  private static GoalSeekRequest request(int screen, int max) {
    return GoalSeekRequest.of(Presets.load("medway-2019").orElseThrow(),
        List.of(TargetParser.parse("caseload <= 18 at month 12")), GOAL,
        List.of(new Lever.Campaign(1, 3, 1000, Grid.of(1, 2, 1))), Objective.COST, 1)
        .withReplications(screen, max);
  }

  /** What the refinement ends with: the chance it covers, and says "surely meets p". */
  private record Outcome(double covered, double surelyMeets) {}

  private static Outcome refine(List<Integer> looks, double confidence, double probability) {
    double[] undecided = {1};
    int before = 0;
    double covered = 0;
    double surelyMeets = 0;
    for (int look = 0; look < looks.size(); look++) {
      int n = looks.get(look);
      double[] now = convolve(undecided, n - before, probability);
      before = n;
      double[] next = new double[n + 1];
      for (int k = 0; k <= n; k++) {
        if (now[k] == 0) {
          continue;
        }
        Proportion estimate = new Proportion(k, n, confidence);
        if (estimate.decided(GOAL) || look == looks.size() - 1) {
          covered += estimate.lower() <= probability && probability <= estimate.upper()
              ? now[k] : 0;
          surelyMeets += estimate.lower() > GOAL ? now[k] : 0;
        } else {
          next[k] = now[k];
        }
      }
      undecided = next;
    }
    return new Outcome(covered, surelyMeets);
  }

  /** The distribution of successes after {@code more} further trials of {@code p}. */
  private static double[] convolve(double[] counts, int more, double p) {
    BinomialDistribution added = new BinomialDistribution(null, more, p);
    double[] step = new double[more + 1];
    for (int j = 0; j <= more; j++) {
      step[j] = added.probability(j);
    }
    double[] out = new double[counts.length + more];
    for (int k = 0; k < counts.length; k++) {
      if (counts[k] != 0) {
        for (int j = 0; j <= more; j++) {
          out[k + j] += counts[k] * step[j];
        }
      }
    }
    return out;
  }

  @Test
  void defaultLooks_doubleFromTheScreenToTheMaximum_at99PercentEach() {
    GoalSeekRequest r = request(GoalSeekRequest.SCREEN, GoalSeekRequest.MAX);
    assertThat(r.looks()).containsExactly(256, 512, 1024, 2048, 4096);
    assertThat(r.confidence()).isEqualTo(0.99);
    assertThat(request(256, 256).looks()).containsExactly(256);
    assertThat(request(256, 256).confidence()).isEqualTo(0.95);
    assertThat(request(192, 1000).looks()).containsExactly(192, 384, 768, 1000);
  }

  @Test
  void whereItStops_theIntervalCovers95Percent_andAShortPlanIsRarelySaidToMeetP() {
    GoalSeekRequest r = request(GoalSeekRequest.SCREEN, GoalSeekRequest.MAX);
    for (double probability : new double[] {0.7, 0.78, 0.79, 0.795, 0.8, 0.805, 0.81, 0.83,
        0.9}) {
      Outcome outcome = refine(r.looks(), r.confidence(), probability);
      assertThat(outcome.covered()).as("coverage at %s", probability)
          .isGreaterThanOrEqualTo(0.95);
      if (probability <= GOAL) {
        assertThat(outcome.surelyMeets()).as("said to meet p at %s", probability)
            .isLessThanOrEqualTo(0.025);
      }
    }
    // a plain 95% interval at each look, as before: neither holds
    Outcome plain = refine(r.looks(), 0.95, GOAL);
    assertThat(plain.covered()).isLessThan(0.9);
    assertThat(plain.surelyMeets()).isGreaterThan(0.05);
  }
}
