package org.caseload.core.model;

import java.util.Arrays;
import org.caseload.core.metrics.DfeIndicators;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.TeamRole;

/**
 * The month's case metrics of a simulation: open cases by kind, cases held and waiting, how
 * long they have waited, DfE caseloads by role, and the per-worker caseload distribution
 * (median, 90th percentile, maximum, shares above 20, 25 and 30).
 *
 * @implNote Mutable scratch space, not thread-safe; owned by one simulation.
 */
final class CaseMetrics {

  private static final Metric[] DISTRIBUTION = {Metric.caseloadMedian, Metric.caseloadP90,
      Metric.caseloadMax, Metric.shareAbove20, Metric.shareAbove25, Metric.shareAbove30};

  private int[] loadHistogram = new int[64];

  /** Writes the case metrics of the month into {@code out}. */
  void record(Workers workers, TeamRole[] roles, CaseQueue assessmentQueue,
      CaseQueue[] longTermQueues, double[] out) {
    int held = 0;
    int heldAssessment = 0;
    int holders = 0;
    int holdersAssessment = 0;
    int maxLoad = 0;
    int assessments = assessmentQueue.total();
    int cp = longTermQueues[0].total();
    int lac = longTermQueues[1].total();
    int cin = longTermQueues[2].total();
    for (int i = 0; i < workers.size; i++) {
      assessments += workers.assessments[i];
      cp += workers.childProtection[i];
      lac += workers.lookedAfter[i];
      cin += workers.childInNeed[i];
      int load = workers.load(i);
      held += load;
      if (workers.holder[i]) {
        holders++;
        maxLoad = Math.max(maxLoad, load);
        if (roles[workers.team[i]] == TeamRole.ASSESSMENT) {
          holdersAssessment++;
          heldAssessment += load;
        }
      }
    }
    int waitingAssessments = assessmentQueue.total();
    int waitingLongTerm = cp + lac + cin - (held - heldAssessment);
    put(out, Metric.assessmentsOpen, assessments);
    put(out, Metric.childProtection, cp);
    put(out, Metric.lookedAfter, lac);
    put(out, Metric.childInNeed, cin);
    put(out, Metric.cases, held);
    put(out, Metric.unallocatedAssessments, waitingAssessments);
    put(out, Metric.unallocatedLongTerm, waitingLongTerm);
    put(out, Metric.unallocatedCases, waitingAssessments + waitingLongTerm);
    long waited = assessmentQueue.monthsWaited();
    for (CaseQueue queue : longTermQueues) {
      waited += queue.monthsWaited();
    }
    int waiting = waitingAssessments + waitingLongTerm;
    put(out, Metric.meanWaitMonths, waiting == 0 ? 0 : (double) waited / waiting);
    put(out, Metric.caseload, DfeIndicators.caseload(held, holders));
    put(out, Metric.caseloadAssessment, DfeIndicators.caseload(heldAssessment, holdersAssessment));
    put(out, Metric.caseloadLongTerm,
        DfeIndicators.caseload(held - heldAssessment, holders - holdersAssessment));
    recordDistribution(workers, out, holders, maxLoad);
  }

  private void recordDistribution(Workers workers, double[] out, int holders, int maxLoad) {
    if (holders == 0) {
      for (Metric m : DISTRIBUTION) {
        put(out, m, 0);
      }
      return;
    }
    if (loadHistogram.length <= maxLoad) {
      loadHistogram = new int[Math.max(maxLoad + 1, loadHistogram.length * 2)];
    }
    Arrays.fill(loadHistogram, 0, maxLoad + 1, 0);
    int above20 = 0;
    int above25 = 0;
    int above30 = 0;
    for (int i = 0; i < workers.size; i++) {
      if (workers.holder[i]) {
        int load = workers.load(i);
        loadHistogram[load]++;
        above20 += load > 20 ? 1 : 0;
        above25 += load > 25 ? 1 : 0;
        above30 += load > 30 ? 1 : 0;
      }
    }
    put(out, Metric.caseloadMedian, rank(holders, 0.5));
    put(out, Metric.caseloadP90, rank(holders, 0.9));
    put(out, Metric.caseloadMax, maxLoad);
    put(out, Metric.shareAbove20, (double) above20 / holders);
    put(out, Metric.shareAbove25, (double) above25 / holders);
    put(out, Metric.shareAbove30, (double) above30 / holders);
  }

  /** The nearest-rank quantile {@code q} of the load histogram. */
  private int rank(int n, double q) {
    long wanted = (long) Math.ceil(q * n);
    long seen = 0;
    for (int load = 0; ; load++) {
      seen += loadHistogram[load];
      if (seen >= wanted) {
        return load;
      }
    }
  }

  private static void put(double[] out, Metric metric, double value) {
    Accounts.put(out, metric, value);
  }
}
