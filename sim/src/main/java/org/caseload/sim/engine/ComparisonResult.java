package org.caseload.sim.engine;

import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.sim.summary.Summary;

/**
 * A baseline and its variants run on the same random numbers, with per variant, per month and
 * metric, the paired difference (variant - baseline) and the probability that the variant is
 * better (for metrics where lower or higher is better; NaN otherwise).
 *
 * @param baseline the baseline's run
 * @param variants each variant's run and its differences
 * @param commonRandomNumbers whether the variants shared the baseline's streams
 */
public record ComparisonResult(RunResult baseline, List<Variant> variants,
    boolean commonRandomNumbers) {

  public ComparisonResult {
    variants = List.copyOf(variants);
  }

  /** One variant's run and its paired differences from the baseline. */
  public record Variant(RunResult result, List<List<Difference>> byMonth) {
    public Variant {
      byMonth = byMonth.stream().map(List::copyOf).toList();
    }

    /** The difference in {@code metric} at month {@code month}. */
    public Difference difference(int month, Metric metric) {
      return byMonth.get(month - 1).get(metric.ordinal());
    }
  }

  /** The distribution of the paired difference and the chance the variant is better. */
  public record Difference(Summary summary, double probabilityBetter) {
    /** Lower end of the 95% interval of the mean difference. */
    public double lower95() {
      return summary.mean() - summary.halfWidth95();
    }

    /** Upper end of the 95% interval of the mean difference. */
    public double upper95() {
      return summary.mean() + summary.halfWidth95();
    }
  }
}
