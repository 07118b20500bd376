package org.caseload.core.model;

import org.caseload.core.scenario.Demand;
import org.caseload.core.scenario.TeamRole;

/**
 * The case steps of a month (docs/specification.md section 3): long-term cases close, held
 * and waiting; referrals and re-referrals arrive and the front door screens them; assessments
 * complete, are allocated and open long-term cases; closed cases may come back later as
 * re-referrals; waiting long-term cases are allocated, child protection first.
 *
 * @implNote Mutable through its state; not thread-safe.
 */
final class Casework {

  private final State s;
  private final Workers w;
  private final Allocation allocation;
  private final double[] closureHazard = new double[CaseKind.COUNT];

  Casework(State state, Allocation allocation) {
    this.s = state;
    this.w = state.workers;
    this.allocation = allocation;
  }

  /** Long-term cases close, each kind at its own hazard, worker by worker, then waiting. */
  void closeLongTermCases(Draws d) {
    for (CaseKind kind : CaseKind.LONG_TERM) {
      closureHazard[kind.ordinal()] = s.plan.closureHazard(kind);
    }
    double closed = 0;
    for (int i = 0; i < w.size; i++) {
      if (w.heldLongTerm(i) == 0) {
        continue;
      }
      d.at(RandomProcess.CLOSURES, s.key(Purpose.CLOSE, w.id[i]));
      for (CaseKind kind : CaseKind.LONG_TERM) {
        double[] held = w.of(kind);
        double c = d.binomial(held[i], closureHazard[kind.ordinal()]);
        held[i] -= c;
        closed += c;
      }
    }
    d.at(RandomProcess.CLOSURES, s.key(Purpose.QUEUES, 0));
    for (CaseKind kind : CaseKind.LONG_TERM) {
      CaseQueue queue = s.queue(kind);
      closed += queue.takeOldest(d.binomial(queue.total(), closureHazard[kind.ordinal()]));
    }
    s.closures += closed;
    s.totalLongTermClosures += closed;
  }

  /** Re-referrals return from the pool; new referrals arrive; the front door screens them. */
  void receiveReferrals(Draws d) {
    Demand demand = demand();
    s.reReferrals = d.at(RandomProcess.RE_REFERRALS, s.key(Purpose.REFERRALS, 0))
        .binomial(s.reReferralPool, 1 / demand.reReferralDelayMonths());
    s.reReferralPool -= s.reReferrals;
    d.at(RandomProcess.REFERRALS, s.key(Purpose.REFERRALS, 0));
    s.referrals = d.negativeBinomial(s.plan.referralMean(s.month), demand.overdispersion())
        + s.reReferrals;
    s.nfa = d.binomial(s.referrals, s.plan.nfaShare(s.month));
    s.queue(CaseKind.ASSESSMENT).add(s.referrals - s.nfa);
    s.totalReferrals += s.referrals;
    s.totalNfa += s.nfa;
  }

  /**
   * Assessments held complete; waiting ones are allocated and some complete within the
   * month; completed ones find the child not in need or open a long-term case of a kind.
   */
  void assess(Draws d) {
    Demand demand = demand();
    double[] assessments = w.of(CaseKind.ASSESSMENT);
    for (int i = 0; i < w.size; i++) {
      if (assessments[i] > 0) {
        double done = d.at(RandomProcess.ASSESSMENT, s.key(Purpose.COMPLETE, w.id[i]))
            .binomial(assessments[i], demand.assessmentLaterHazard());
        assessments[i] -= done;
        s.completed += done;
      }
    }
    CaseQueue waiting = s.queue(CaseKind.ASSESSMENT);
    int m = allocation.allocate(s, d, TeamRole.ASSESSMENT, waiting.total());
    int[] eligible = allocation.eligible;
    double[] give = allocation.give;
    waiting.takeOldest(allocation.given(m));
    for (int k = 0; k < m; k++) {
      if (give[k] > 0) {
        int i = eligible[k];
        double done = d.at(RandomProcess.ASSESSMENT, s.key(Purpose.COMPLETE_NEW, w.id[i]))
            .binomial(give[k], demand.assessmentSameMonthShare());
        assessments[i] += give[k] - done;
        s.completed += done;
      }
    }
    d.at(RandomProcess.ASSESSMENT, s.key(Purpose.OUTCOMES, 0));
    s.notInNeed = d.binomial(s.completed, s.plan.notInNeedGivenAssessed(s.month));
    s.newLongTerm = s.completed - s.notInNeed;
    double cp = d.binomial(s.newLongTerm, demand.childProtectionShare());
    double lacGivenNotCp = demand.childProtectionShare() >= 1 ? 0
        : Math.min(1, demand.lookedAfterShare() / (1 - demand.childProtectionShare()));
    double lac = d.binomial(s.newLongTerm - cp, lacGivenNotCp);
    s.queue(CaseKind.CHILD_PROTECTION).add(cp);
    s.queue(CaseKind.LOOKED_AFTER).add(lac);
    s.queue(CaseKind.CHILD_IN_NEED).add(s.newLongTerm - cp - lac);
    s.totalNotInNeed += s.notInNeed;
    s.totalNewLongTerm += s.newLongTerm;
  }

  /** A share of the month's closed cases joins the re-referral pool. */
  void feedBackClosures(Draws d) {
    double closed = s.nfa + s.notInNeed + s.closures;
    s.reReferralPool += d.at(RandomProcess.RE_REFERRALS, s.key(Purpose.FEEDBACK, 0))
        .binomial(closed, demand().reReferralShare());
  }

  /** Waiting long-term cases go to long-term case holders, oldest and most urgent first. */
  void allocateLongTerm(Draws d) {
    int m = allocation.allocate(s, d, TeamRole.LONG_TERM, s.waitingLongTerm());
    int[] eligible = allocation.eligible;
    double[] give = allocation.give;
    for (int k = 0; k < m; k++) {
      if (give[k] <= 0) {
        continue;
      }
      int i = eligible[k];
      double left = give[k];
      for (CaseKind kind : CaseKind.LONG_TERM) {
        double taken = s.queue(kind).takeOldest(left);
        left -= taken;
        w.of(kind)[i] += taken;
      }
    }
  }

  private Demand demand() {
    return s.plan.scenario().parameters().demand();
  }
}
