package org.caseload.sim.engine;

import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.sim.summary.Summary;
import org.caseload.sim.target.Target;

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
   * The paired difference of the probability of meeting a target, variant - baseline: the
   * share of replications where only the variant met it minus the share where only the
   * baseline did. Its 95% interval is Agresti and Min's (2005, "Simple improved confidence
   * intervals for comparing matched proportions", Statistics in Medicine 24): the Wald
   * interval after adding half a replication to each cell of the paired 2 x 2 table, which
   * keeps its coverage near 95% and does not collapse to zero width when no replication
   * differs.
   *
   * @param target the target
   * @param onlyVariant replications where the variant met the target and the baseline did not
   * @param onlyBaseline replications where the baseline met it and the variant did not
   * @param replications replications run
   */
  public record TargetDifference(Target target, long onlyVariant, long onlyBaseline,
      long replications) {

    private static final double Z = 1.959963984540054;

    public double difference() {
      return (double) (onlyVariant - onlyBaseline) / replications;
    }

    public double lower95() {
      return Math.max(-1, adjusted() - halfWidth());
    }

    public double upper95() {
      return Math.min(1, adjusted() + halfWidth());
    }

    /** The difference with half a replication added to each cell (n + 2 in all). */
    private double adjusted() {
      return (onlyVariant - onlyBaseline) / (replications + 2.0);
    }

    private double halfWidth() {
      double n = replications + 2.0;
      double a = onlyVariant + 0.5;
      double b = onlyBaseline + 0.5;
      double variance = ((a + b) - (a - b) * (a - b) / n) / (n * n);
      return Z * Math.sqrt(variance);
    }
  }
}
