package org.caseload.sim.engine;

import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.sim.summary.Summary;
import org.caseload.sim.target.Goal;

/**
 * A baseline and its variants run on the same random numbers, with per variant, per month and
 * metric, the paired difference (variant - baseline) and the probabilities that the variant
 * is better, the same, or worse (better and worse only for metrics where lower or higher is
 * better; NaN otherwise); the paired difference of cost per plan year and over the horizon;
 * and per target, the paired difference of the probabilities of meeting it.
 *
 * @param baseline the baseline's run (with the targets' probabilities)
 * @param variants each variant's run and its differences
 * @param commonRandomNumbers whether the variants shared the baseline's streams
 * @implNote Immutable and thread-safe.
 */
public record ComparisonResult(RunResult baseline, List<Variant> variants,
    boolean commonRandomNumbers) {

  public ComparisonResult {
    variants = List.copyOf(variants);
  }

  /**
   * One variant's run and its paired differences from the baseline.
   *
   * @param result the variant's run (with the targets' probabilities)
   * @param byMonth {@code byMonth.get(t - 1)} holds month t's differences by metric ordinal
   * @param extraCost the paired difference of cost totals (variant - baseline)
   * @param targets per target, the paired difference of the probability of meeting it
   */
  public record Variant(RunResult result, List<List<Difference>> byMonth, CostTotals extraCost,
      List<TargetDifference> targets) {
    public Variant {
      byMonth = byMonth.stream().map(List::copyOf).toList();
      targets = List.copyOf(targets);
    }

    /** The difference in {@code metric} at month {@code month}. */
    public Difference difference(int month, Metric metric) {
      return byMonth.get(month - 1).get(metric.ordinal());
    }

    /** The variant's name: its scenario's. */
    public String name() {
      return result.scenario().name();
    }
  }

  /**
   * The distribution of the paired difference and how often the variant was better, the
   * same (equal values: common for counts such as 0 vs 0 unallocated) or worse.
   */
  public record Difference(Summary summary, double probabilityBetter, double probabilitySame,
      double probabilityWorse) {
    /** Lower end of the 95% interval of the mean difference. */
    public double lower95() {
      return summary.ci95()[0];
    }

    /** Upper end of the 95% interval of the mean difference. */
    public double upper95() {
      return summary.ci95()[1];
    }
  }

  /**
   * The paired difference of the probability of meeting a goal (a target, or every target
   * together), variant - baseline: the
   * share of replications where only the variant met it minus the share where only the
   * baseline did. Its 95% interval is Tango's score interval (1998, "Equivalence test and
   * confidence interval for the difference in proportions for the paired-sample design",
   * Statistics in Medicine 17), the one Fagerland, Lydersen and Laake (2014) recommend: the
   * differences d whose score statistic, with the nuisance probability at its maximum
   * likelihood under d, is within 1.96. It keeps a width when no replication differs, and its
   * coverage, summed exactly over the outcomes (TargetDifferenceTest), is at least 93% on a grid
   * of 50, 200 and 1,000 replications (94.6-96.4% at 1,000) where replications differ often
   * or rarely, on one side or both: a nominal 95%. (Agresti and Min's interval, used before,
   * covered 87% where only one side ever differed.)
   *
   * @param target the goal
   * @param onlyVariant replications where the variant met the target and the baseline did not
   * @param onlyBaseline replications where the baseline met it and the variant did not
   * @param replications replications run
   */
  public record TargetDifference(Goal target, long onlyVariant, long onlyBaseline,
      long replications) {

    private static final double Z = 1.959963984540054;

    public double difference() {
      return (double) (onlyVariant - onlyBaseline) / replications;
    }

    public double lower95() {
      return bound(-1);
    }

    public double upper95() {
      return bound(1);
    }

    /**
     * The end of the interval on {@code side} (-1 lower, 1 upper): the farthest d from the
     * estimate whose score is within the normal quantile, by bisection between the estimate
     * and -1 or 1 (the score decreases in d); 64 halvings of at most 2 leave under 1e-18.
     */
    private double bound(int side) {
      double inside = difference();
      double outside = side;
      if (Math.abs(score(outside)) <= Z) {
        return outside;
      }
      for (int i = 0; i < 64; i++) {
        double middle = (inside + outside) / 2;
        if (Math.abs(score(middle)) <= Z) {
          inside = middle;
        } else {
          outside = middle;
        }
      }
      return inside;
    }

    /**
     * Tango's score for a difference d: (b - c - n d) / sqrt(n (2 q + d (1 - d))), where q,
     * the probability that only the baseline meets the target, is its maximum likelihood
     * under d: the root of 2n q^2 + (-b - c + (2n - b + c) d) q - c d (1 - d) = 0.
     */
    private double score(double d) {
      double n = replications;
      double b = onlyVariant;
      double c = onlyBaseline;
      double linear = -b - c + (2 * n - b + c) * d;
      double constant = -c * d * (1 - d);
      double q = (Math.sqrt(Math.max(0, linear * linear - 8 * n * constant)) - linear) / (4 * n);
      double variance = n * (2 * q + d * (1 - d));
      double gap = b - c - n * d;
      if (!(variance > 0)) {
        return gap == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, gap);
      }
      return gap / Math.sqrt(variance);
    }
  }
}
