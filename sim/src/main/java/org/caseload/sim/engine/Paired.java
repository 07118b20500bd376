package org.caseload.sim.engine;

import java.util.ArrayList;
import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.summary.Accuracy;
import org.caseload.sim.summary.Tally;
import org.caseload.sim.target.Goal;
import org.caseload.sim.target.Target;

/**
 * Accumulates a comparison: each scenario's outcomes (with the targets), and per variant,
 * per month and metric, the paired difference (variant - baseline) and how often it was below
 * and above zero; per variant the paired difference of cost per plan year and over the
 * horizon; per variant and goal ({@link Goal#of}), how often only the variant or only the
 * baseline met it.
 *
 * @implNote Mutable, not thread-safe.
 */
final class Paired implements ChunkedRunner.Accumulator<Paired> {

  final Outcomes baseline;
  final List<Outcomes> variants = new ArrayList<>();
  final Tally[][][] differences;
  final long[][][] lower;
  final long[][][] higher;
  final Tally[][] costByYear;
  final Tally[] costOverHorizon;
  final long[][] onlyVariantMet;
  final long[][] onlyBaselineMet;
  private final int months;
  private final double[] baseCostByYear;
  private final double[] variantCostByYear;
  private long replications;
  private static final Metric[] METRICS = Metric.values();

  Paired(Scenario baseline, List<Scenario> variants, List<Target> targets) {
    this.baseline = new Outcomes(baseline, targets);
    this.months = baseline.horizonMonths();
    for (Scenario variant : variants) {
      this.variants.add(new Outcomes(variant, targets));
    }
    int n = variants.size();
    differences = new Tally[n][months][Metric.COUNT];
    lower = new long[n][months][Metric.COUNT];
    higher = new long[n][months][Metric.COUNT];
    int years = CostTotals.years(months);
    costByYear = new Tally[n][years];
    costOverHorizon = new Tally[n];
    onlyVariantMet = new long[n][Goal.of(targets).size()];
    onlyBaselineMet = new long[n][Goal.of(targets).size()];
    baseCostByYear = new double[years];
    variantCostByYear = new double[years];
    for (int v = 0; v < n; v++) {
      for (int t = 0; t < months; t++) {
        for (Metric m : Metric.values()) {
          differences[v][t][m.ordinal()] = new Tally(Accuracy.of(m.wholeNumbers()));
        }
      }
      for (int y = 0; y < years; y++) {
        costByYear[v][y] = new Tally(Accuracy.RELATIVE);
      }
      costOverHorizon[v] = new Tally(Accuracy.RELATIVE);
    }
  }

  /** Records the baseline's replication; call before the variants' of the same replication. */
  void recordBaseline(double[][] base) {
    baseline.record(base);
    CostTotals.sumByYear(base, baseCostByYear);
    replications++;
  }

  /**
   * Records a variant's replication against the baseline's. A metric's difference is of the
   * replications where both have a value ({@link Metric#definedIn}): a caseload of nobody
   * holding cases, which reads 0, is no caseload to compare (removing the Isles of Scilly's
   * only agency worker had compared as 14 fewer cases a head, P(better) 99%).
   */
  void record(double[][] base, int variant, double[][] rows) {
    for (int t = 0; t < months; t++) {
      for (Metric m : METRICS) {
        if (!m.definedIn(rows[t]) || !m.definedIn(base[t])) {
          continue;
        }
        int i = m.ordinal();
        double difference = rows[t][i] - base[t][i];
        differences[variant][t][i].add(difference);
        if (difference < 0) {
          lower[variant][t][i]++;
        } else if (difference > 0) {
          higher[variant][t][i]++;
        }
      }
    }
    CostTotals.sumByYear(rows, variantCostByYear);
    double horizon = 0;
    for (int y = 0; y < variantCostByYear.length; y++) {
      double difference = variantCostByYear[y] - baseCostByYear[y];
      costByYear[variant][y].add(difference);
      horizon += difference;
    }
    costOverHorizon[variant].add(horizon);
    Outcomes outcomes = variants.get(variant);
    outcomes.record(rows);
    for (int i = 0; i < onlyVariantMet[variant].length; i++) {
      boolean variantMet = outcomes.metInLast(i);
      if (variantMet != baseline.metInLast(i)) {
        (variantMet ? onlyVariantMet : onlyBaselineMet)[variant][i]++;
      }
    }
  }

  @Override
  public void merge(Paired other) {
    baseline.merge(other.baseline);
    for (int v = 0; v < variants.size(); v++) {
      variants.get(v).merge(other.variants.get(v));
      for (int t = 0; t < months; t++) {
        for (int i = 0; i < Metric.COUNT; i++) {
          differences[v][t][i].merge(other.differences[v][t][i]);
          lower[v][t][i] += other.lower[v][t][i];
          higher[v][t][i] += other.higher[v][t][i];
        }
      }
      for (int y = 0; y < costByYear[v].length; y++) {
        costByYear[v][y].merge(other.costByYear[v][y]);
      }
      costOverHorizon[v].merge(other.costOverHorizon[v]);
      for (int i = 0; i < onlyVariantMet[v].length; i++) {
        onlyVariantMet[v][i] += other.onlyVariantMet[v][i];
        onlyBaselineMet[v][i] += other.onlyBaselineMet[v][i];
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
          lower[v][t][i] = 0;
          higher[v][t][i] = 0;
        }
      }
      for (Tally tally : costByYear[v]) {
        tally.clear();
      }
      costOverHorizon[v].clear();
      java.util.Arrays.fill(onlyVariantMet[v], 0);
      java.util.Arrays.fill(onlyBaselineMet[v], 0);
    }
    replications = 0;
  }

  @Override
  public long replications() {
    return replications;
  }

  /** How many outcome tallies (every scenario's) this holds, for {@link SummaryMemory}. */
  long outcomeTallies() {
    return baseline.tallies() + variants.stream().mapToLong(Outcomes::tallies).sum();
  }

  /** How many difference tallies this holds, for {@link SummaryMemory}. */
  long differenceTallies() {
    long count = 0;
    for (int v = 0; v < variants.size(); v++) {
      for (Tally[] row : differences[v]) {
        count += row.length;
      }
      count += costByYear[v].length + 1;
    }
    return count;
  }

  /** The paired difference of cost totals of variant {@code v}. */
  CostTotals costDifference(int v) {
    return new CostTotals(java.util.Arrays.stream(costByYear[v]).map(Tally::summary).toList(),
        costOverHorizon[v].summary(), months);
  }

  /** Writes what {@link #merge} reads, for another process (see {@link Tally#writeTo}). */
  void writeTo(org.caseload.sim.summary.Wire.Out out) {
    out.writeLong(replications);
    baseline.writeTo(out);
    for (int v = 0; v < variants.size(); v++) {
      variants.get(v).writeTo(out);
      for (int t = 0; t < months; t++) {
        for (int i = 0; i < Metric.COUNT; i++) {
          differences[v][t][i].writeTo(out);
          out.writeLong(lower[v][t][i]);
          out.writeLong(higher[v][t][i]);
        }
      }
      for (Tally tally : costByYear[v]) {
        tally.writeTo(out);
      }
      costOverHorizon[v].writeTo(out);
      for (int i = 0; i < onlyVariantMet[v].length; i++) {
        out.writeLong(onlyVariantMet[v][i]);
        out.writeLong(onlyBaselineMet[v][i]);
      }
    }
  }

  /** Merges a pairing {@link #writeTo} wrote (of the same shape): as {@link #merge} would. */
  void mergeFrom(org.caseload.sim.summary.Wire.In in) throws java.io.IOException {
    long added = in.readLong();
    baseline.mergeFrom(in);
    for (int v = 0; v < variants.size(); v++) {
      variants.get(v).mergeFrom(in);
      for (int t = 0; t < months; t++) {
        for (int i = 0; i < Metric.COUNT; i++) {
          differences[v][t][i].mergeFrom(in);
          lower[v][t][i] += in.readLong();
          higher[v][t][i] += in.readLong();
        }
      }
      for (Tally tally : costByYear[v]) {
        tally.mergeFrom(in);
      }
      costOverHorizon[v].mergeFrom(in);
      for (int i = 0; i < onlyVariantMet[v].length; i++) {
        onlyVariantMet[v][i] += in.readLong();
        onlyBaselineMet[v][i] += in.readLong();
      }
    }
    replications += added;
  }
}
