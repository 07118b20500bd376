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

  private int[] loadHistogram = new int[64];
  private Integer[] order = new Integer[0];
  private int sorted;

  /** Writes the case metrics of the month into {@code out}. */
  void record(State s, Draws d, double[] out) {
    Workers workers = s.workers;
    double[] assessments = workers.of(CaseKind.ASSESSMENT);
    double[] childProtection = workers.of(CaseKind.CHILD_PROTECTION);
    double[] lookedAfter = workers.of(CaseKind.LOOKED_AFTER);
    double[] childInNeed = workers.of(CaseKind.CHILD_IN_NEED);
    double openAssessments = s.waiting(CaseKind.ASSESSMENT);
    double openChildProtection = s.waiting(CaseKind.CHILD_PROTECTION);
    double openLookedAfter = s.waiting(CaseKind.LOOKED_AFTER);
    double openChildInNeed = s.waiting(CaseKind.CHILD_IN_NEED);
    double held = 0;
    double heldAssessment = 0;
    double holders = 0;
    double holdersAssessment = 0;
    double maxLoad = 0;
    double above20 = 0;
    double above25 = 0;
    double above30 = 0;
    boolean whole = d.whole();
    // One pass over the workers (this was six, and a tenth of a replication's time).
    for (int i = 0; i < workers.size; i++) {
      openAssessments += assessments[i];
      openChildProtection += childProtection[i];
      openLookedAfter += lookedAfter[i];
      openChildInNeed += childInNeed[i];
      double load = workers.held(i);
      held += load;
      if (workers.holder[i]) {
        double weight = workers.weight[i];
        double caseload = workers.load(i);
        holders += weight;
        maxLoad = Math.max(maxLoad, caseload);
        above20 += caseload > 20 ? weight : 0;
        above25 += caseload > 25 ? weight : 0;
        above30 += caseload > 30 ? weight : 0;
        if (whole) {
          count((int) caseload);
        }
        if (s.roles[workers.team[i]] == TeamRole.ASSESSMENT) {
          holdersAssessment += weight;
          heldAssessment += load;
        }
      }
    }
    double waitingAssessments = s.waiting(CaseKind.ASSESSMENT);
    double waitingLongTerm = s.waitingLongTerm();
    put(out, Metric.assessmentsOpen, openAssessments);
    put(out, Metric.childProtection, openChildProtection);
    put(out, Metric.lookedAfter, openLookedAfter);
    put(out, Metric.childInNeed, openChildInNeed);
    put(out, Metric.cases, held);
    put(out, Metric.unallocatedAssessments, waitingAssessments);
    put(out, Metric.unallocatedLongTerm, waitingLongTerm);
    put(out, Metric.unallocatedCases, waitingAssessments + waitingLongTerm);
    double waited = s.monthsWaited();
    double waiting = waitingAssessments + waitingLongTerm;
    put(out, Metric.meanWaitMonths, waiting <= 0 ? 0 : waited / waiting);
    put(out, Metric.caseload, DfeIndicators.caseload(held, holders));
    put(out, Metric.caseloadAssessment, DfeIndicators.caseload(heldAssessment, holdersAssessment));
    put(out, Metric.caseloadLongTerm,
        DfeIndicators.caseload(held - heldAssessment, holders - holdersAssessment));
    if (holders <= 0) {
      for (Metric m : DISTRIBUTION) {
        put(out, m, 0);
      }
      clearCounts((int) maxLoad);
      return;
    }
    if (whole) {
      put(out, Metric.caseloadMedian, rankOfCounts(d.roundUp(0.5 * holders)));
      put(out, Metric.caseloadP90, rankOfCounts(d.roundUp(0.9 * holders)));
      clearCounts((int) maxLoad);
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

  /** One more case holder with a whole caseload of {@code load}. */
  private void count(int load) {
    if (load >= loadHistogram.length) {
      loadHistogram = Arrays.copyOf(loadHistogram, Math.max(load + 1, loadHistogram.length * 2));
    }
    loadHistogram[load]++;
  }

  /** Empties the histogram for the next month (it is only ever filled to the maximum). */
  private void clearCounts(int maxLoad) {
    Arrays.fill(loadHistogram, 0, Math.min(loadHistogram.length, maxLoad + 1), 0);
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
