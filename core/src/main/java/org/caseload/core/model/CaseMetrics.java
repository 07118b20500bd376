package org.caseload.core.model;

import java.util.Arrays;
import org.caseload.core.metrics.DfeIndicators;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.TeamRole;

/**
 * The month's case metrics: open cases by kind, cases held and waiting, how long they have
 * waited, DfE caseloads by role, and the distribution of caseloads over case holders (median
 * and 90th percentile by nearest rank, maximum, shares above 20, 25 and 30), each worker of a
 * cohort counting with the cohort's caseload.
 *
 * @implNote Mutable scratch space, not thread-safe; owned by one model.
 */
final class CaseMetrics {

  private static final Metric[] DISTRIBUTION = {Metric.caseloadMedian, Metric.caseloadP90,
      Metric.caseloadMax, Metric.shareAbove20, Metric.shareAbove25, Metric.shareAbove30};

  private final double[] open = new double[CaseKind.COUNT];
  private int[] loadHistogram = new int[64];
  private Integer[] order = new Integer[0];
  private int sorted;

  /** Writes the case metrics of the month into {@code out}. */
  void record(State s, Draws d, double[] out) {
    Workers workers = s.workers;
    double held = 0;
    double heldAssessment = 0;
    double holders = 0;
    double holdersAssessment = 0;
    double maxLoad = 0;
    for (CaseKind kind : CaseKind.ALL) {
      double[] byWorker = workers.of(kind);
      double sum = s.queue(kind).total();
      for (int i = 0; i < workers.size; i++) {
        sum += byWorker[i];
      }
      open[kind.ordinal()] = sum;
    }
    for (int i = 0; i < workers.size; i++) {
      double load = workers.held(i);
      held += load;
      if (workers.holder[i]) {
        holders += workers.weight[i];
        maxLoad = Math.max(maxLoad, workers.load(i));
        if (s.roles[workers.team[i]] == TeamRole.ASSESSMENT) {
          holdersAssessment += workers.weight[i];
          heldAssessment += load;
        }
      }
    }
    double waitingAssessments = s.queue(CaseKind.ASSESSMENT).total();
    double waitingLongTerm = s.waitingLongTerm();
    put(out, Metric.assessmentsOpen, open[CaseKind.ASSESSMENT.ordinal()]);
    put(out, Metric.childProtection, open[CaseKind.CHILD_PROTECTION.ordinal()]);
    put(out, Metric.lookedAfter, open[CaseKind.LOOKED_AFTER.ordinal()]);
    put(out, Metric.childInNeed, open[CaseKind.CHILD_IN_NEED.ordinal()]);
    put(out, Metric.cases, held);
    put(out, Metric.unallocatedAssessments, waitingAssessments);
    put(out, Metric.unallocatedLongTerm, waitingLongTerm);
    put(out, Metric.unallocatedCases, waitingAssessments + waitingLongTerm);
    double waited = 0;
    for (CaseQueue queue : s.queues) {
      waited += queue.monthsWaited();
    }
    double waiting = waitingAssessments + waitingLongTerm;
    put(out, Metric.meanWaitMonths, waiting <= 0 ? 0 : waited / waiting);
    put(out, Metric.caseload, DfeIndicators.caseload(held, holders));
    put(out, Metric.caseloadAssessment, DfeIndicators.caseload(heldAssessment, holdersAssessment));
    put(out, Metric.caseloadLongTerm,
        DfeIndicators.caseload(held - heldAssessment, holders - holdersAssessment));
    recordDistribution(workers, d, out, holders, maxLoad);
  }

  private void recordDistribution(Workers workers, Draws d, double[] out, double holders,
      double maxLoad) {
    if (holders <= 0) {
      for (Metric m : DISTRIBUTION) {
        put(out, m, 0);
      }
      return;
    }
    double above20 = 0;
    double above25 = 0;
    double above30 = 0;
    for (int i = 0; i < workers.size; i++) {
      if (workers.holder[i]) {
        double load = workers.load(i);
        double weight = workers.weight[i];
        above20 += load > 20 ? weight : 0;
        above25 += load > 25 ? weight : 0;
        above30 += load > 30 ? weight : 0;
      }
    }
    if (d.whole()) {
      countLoads(workers, (int) maxLoad);
      put(out, Metric.caseloadMedian, rankOfCounts(d.roundUp(0.5 * holders)));
      put(out, Metric.caseloadP90, rankOfCounts(d.roundUp(0.9 * holders)));
    } else {
      sortLoads(workers);
      put(out, Metric.caseloadMedian, rankOfSorted(workers, 0.5 * holders));
      put(out, Metric.caseloadP90, rankOfSorted(workers, 0.9 * holders));
    }
    put(out, Metric.caseloadMax, maxLoad);
    put(out, Metric.shareAbove20, above20 / holders);
    put(out, Metric.shareAbove25, above25 / holders);
    put(out, Metric.shareAbove30, above30 / holders);
  }

  /** Whole caseloads of single workers: a histogram, without sorting. */
  private void countLoads(Workers workers, int maxLoad) {
    if (loadHistogram.length <= maxLoad) {
      loadHistogram = new int[Math.max(maxLoad + 1, loadHistogram.length * 2)];
    }
    Arrays.fill(loadHistogram, 0, maxLoad + 1, 0);
    for (int i = 0; i < workers.size; i++) {
      if (workers.holder[i]) {
        loadHistogram[(int) workers.held(i)]++;
      }
    }
  }

  /** The smallest caseload with at least {@code wanted} holders at or below it. */
  private int rankOfCounts(double wanted) {
    long seen = 0;
    for (int load = 0; ; load++) {
      seen += loadHistogram[load];
      if (seen >= wanted) {
        return load;
      }
    }
  }

  /** Cohorts' fractional caseloads: holders sorted by caseload. */
  private void sortLoads(Workers workers) {
    int n = 0;
    if (order.length < workers.size) {
      order = new Integer[workers.size];
    }
    for (int i = 0; i < workers.size; i++) {
      if (workers.holder[i]) {
        order[n++] = i;
      }
    }
    Arrays.sort(order, 0, n, (a, b) -> Double.compare(workers.load(a), workers.load(b)));
    sorted = n;
  }

  /** The smallest caseload with holders of weight at least {@code wanted} at or below it. */
  private double rankOfSorted(Workers workers, double wanted) {
    double seen = 0;
    for (int k = 0; k < sorted; k++) {
      seen += workers.weight[order[k]];
      if (seen >= wanted - 1e-9) {
        return workers.load(order[k]);
      }
    }
    return sorted == 0 ? 0 : workers.load(order[sorted - 1]);
  }

  private static void put(double[] out, Metric metric, double value) {
    Accounts.put(out, metric, value);
  }
}
