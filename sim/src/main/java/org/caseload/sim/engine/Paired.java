package org.caseload.sim.engine;

import java.util.ArrayList;
import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.summary.Quantizer;
import org.caseload.sim.summary.Tally;

/**
 * Accumulates a comparison: each scenario's outcomes, and per variant, per month and metric,
 * the paired difference (variant - baseline) and how often the variant was better.
 *
 * @implNote Mutable, not thread-safe.
 */
final class Paired implements ChunkedRunner.Accumulator<Paired> {

  final Outcomes baseline;
  final List<Outcomes> variants = new ArrayList<>();
  final Tally[][][] differences;
  final long[][][] better;
  private final int months;
  private long replications;

  Paired(Scenario baseline, List<Scenario> variants) {
    this.baseline = new Outcomes(baseline, List.of());
    this.months = baseline.horizonMonths();
    for (Scenario variant : variants) {
      this.variants.add(new Outcomes(variant, List.of()));
    }
    differences = new Tally[variants.size()][months][Metric.COUNT];
    better = new long[variants.size()][months][Metric.COUNT];
    for (int v = 0; v < variants.size(); v++) {
      for (int t = 0; t < months; t++) {
        for (Metric m : Metric.values()) {
          differences[v][t][m.ordinal()] = new Tally(Quantizer.of(m.unit()));
        }
      }
    }
  }

  void record(double[][] base, int variant, double[][] rows) {
    for (int t = 0; t < months; t++) {
      for (Metric m : Metric.values()) {
        int i = m.ordinal();
        double difference = rows[t][i] - base[t][i];
        differences[variant][t][i].add(difference);
        if (m.better() == Metric.Better.LOWER ? difference < 0 : difference > 0) {
          better[variant][t][i]++;
        }
      }
    }
    variants.get(variant).record(rows);
  }

  void recordBaseline(double[][] base) {
    baseline.record(base);
    replications++;
  }

  @Override
  public void merge(Paired other) {
    baseline.merge(other.baseline);
    for (int v = 0; v < variants.size(); v++) {
      variants.get(v).merge(other.variants.get(v));
      for (int t = 0; t < months; t++) {
        for (int i = 0; i < Metric.COUNT; i++) {
          differences[v][t][i].merge(other.differences[v][t][i]);
          better[v][t][i] += other.better[v][t][i];
        }
      }
    }
    replications += other.replications;
  }

  @Override
  public void clear() {
    baseline.clear();
    for (int v = 0; v < variants.size(); v++) {
      variants.get(v).clear();
      for (int t = 0; t < months; t++) {
        for (int i = 0; i < Metric.COUNT; i++) {
          differences[v][t][i].clear();
          better[v][t][i] = 0;
        }
      }
    }
    replications = 0;
  }

  @Override
  public long replications() {
    return replications;
  }
}
