package org.caseload.core.model;

import org.caseload.core.scenario.Demand;
import org.caseload.core.scenario.TeamRole;
import org.caseload.core.scenario.Workforce;

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
  private static final int ALL_TEAMS = Allocation.ALL_TEAMS;

  private final double[] closureHazard = new double[CaseKind.COUNT];
  private final CaseQueue[][] longTermFrom = new CaseQueue[CaseKind.COUNT][];

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
    Workforce wf = s.plan.scenario().parameters().workforce();
    boolean pressureCounts = wf.pressureClosureFactor() > 0 || wf.pressureReReferralUplift() > 0;
    double closed = 0;
    // Workers holding long-term cases listed first without a branch per worker (they are
    // interleaved with others, so a branch is mispredicted often); the same draws, same order.
    int[] holding = w.scratch();
    int m = 0;
    for (int i = 0; i < w.size; i++) {
      holding[m] = i;
      m += w.heldLongTerm(i) != 0 ? 1 : 0;
    }
    for (int j = 0; j < m; j++) {
      int i = holding[j];
      double faster = 1;
      boolean pressed = false;
      if (pressureCounts) {
        double over = w.load(i) - wf.caseloadReference();
        pressed = over > 0;
        faster = pressed ? 1 + wf.pressureClosureFactor() * over / wf.caseloadReference() : 1;
      }
      d.at(RandomProcess.CLOSURES, s.key(Purpose.CLOSE, w.id[i]));
      for (CaseKind kind : CaseKind.LONG_TERM) {
        double[] held = w.of(kind);
        double hazard = closureHazard[kind.ordinal()];
        double c = d.binomial(held[i], pressed ? Math.min(1, hazard * faster) : hazard);
        held[i] -= c;
        closed += c;
        if (pressed) {
          s.closuresUnderPressure += c;
        }
      }
    }
    int[] longTermTeams = s.teamsOf[TeamRole.LONG_TERM.ordinal()];
    for (int r = 0; r < longTermTeams.length; r++) {
      d.at(RandomProcess.CLOSURES, s.key(Purpose.QUEUES, r));
      for (CaseKind kind : CaseKind.LONG_TERM) {
        CaseQueue queue = s.queue(longTermTeams[r], kind);
        closed += queue.takeOldest(d.binomial(queue.total(), closureHazard[kind.ordinal()]));
      }
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
    d.at(RandomProcess.REFERRALS, s.key(Purpose.SPLIT, 0));
    split(d, s.referrals - s.nfa, TeamRole.ASSESSMENT, CaseKind.ASSESSMENT);
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
    if (pooledNow(TeamRole.ASSESSMENT)) {
      allocateAssessments(d, ALL_TEAMS, 0, Purpose.COMPLETE_NEW);
    } else {
      for (int t : s.teamsOf[TeamRole.ASSESSMENT.ordinal()]) {
        allocateAssessments(d, t, 0, Purpose.COMPLETE_NEW);
      }
      int after = poolAfter();
      if (after > 0) {
        allocateAssessments(d, ALL_TEAMS, after, Purpose.COMPLETE_POOLED);
      }
    }
    d.at(RandomProcess.ASSESSMENT, s.key(Purpose.OUTCOMES, 0));
    s.notInNeed = d.binomial(s.completed, s.plan.notInNeedGivenAssessed(s.month));
    s.newLongTerm = s.completed - s.notInNeed;
    double cp = d.binomial(s.newLongTerm, demand.childProtectionShare());
    double lacGivenNotCp = demand.childProtectionShare() >= 1 ? 0
        : Math.min(1, demand.lookedAfterShare() / (1 - demand.childProtectionShare()));
    double lac = d.binomial(s.newLongTerm - cp, lacGivenNotCp);
    d.at(RandomProcess.ASSESSMENT, s.key(Purpose.SPLIT, 0));
    split(d, cp, TeamRole.LONG_TERM, CaseKind.CHILD_PROTECTION);
    split(d, lac, TeamRole.LONG_TERM, CaseKind.LOOKED_AFTER);
    split(d, s.newLongTerm - cp - lac, TeamRole.LONG_TERM, CaseKind.CHILD_IN_NEED);
    s.totalNotInNeed += s.notInNeed;
    s.totalNewLongTerm += s.newLongTerm;
  }

  /**
   * A share of the month's closed cases joins the re-referral pool; of cases closed by case
   * holders above the caseload reference, a larger share when closing under pressure costs.
   */
  void feedBackClosures(Draws d) {
    double share = demand().reReferralShare();
    double closed = s.nfa + s.notInNeed + s.closures - s.closuresUnderPressure;
    s.reReferralPool += d.at(RandomProcess.RE_REFERRALS, s.key(Purpose.FEEDBACK, 0))
        .binomial(closed, share);
    if (s.closuresUnderPressure > 0) {
      double uplift = s.plan.scenario().parameters().workforce().pressureReReferralUplift();
      s.reReferralPool += d.binomial(s.closuresUnderPressure, Math.min(0.95, share + uplift));
    }
  }

  /** Waiting long-term cases go to long-term case holders, oldest and most urgent first. */
  void allocateLongTerm(Draws d) {
    if (pooledNow(TeamRole.LONG_TERM)) {
      allocateLongTerm(d, ALL_TEAMS, 0);
      return;
    }
    for (int t : s.teamsOf[TeamRole.LONG_TERM.ordinal()]) {
      allocateLongTerm(d, t, 0);
    }
    int after = poolAfter();
    if (after > 0) {
      allocateLongTerm(d, ALL_TEAMS, after);
    }
  }

  /**
   * Waiting assessments go to available assessment case holders of {@code team} (or of every
   * assessment team), those that have waited at least {@code minAge} months, oldest first;
   * some complete within the month.
   */
  private void allocateAssessments(Draws d, int team, int minAge, Purpose completion) {
    CaseQueue[] from = team == ALL_TEAMS ? s.queues(TeamRole.ASSESSMENT, CaseKind.ASSESSMENT)
        : s.queues(team, CaseKind.ASSESSMENT);
    int m = allocation.allocate(s, d, TeamRole.ASSESSMENT, team, waiting(from, minAge));
    int[] eligible = allocation.eligible;
    double[] give = allocation.give;
    double[] assessments = w.of(CaseKind.ASSESSMENT);
    CaseQueue.takeOldest(from, allocation.given(m), minAge);
    for (int k = 0; k < m; k++) {
      if (give[k] > 0) {
        int i = eligible[k];
        double done = d.at(RandomProcess.ASSESSMENT, s.key(completion, w.id[i]))
            .binomial(give[k], demand().assessmentSameMonthShare());
        assessments[i] += give[k] - done;
        s.completed += done;
      }
    }
  }

  private void allocateLongTerm(Draws d, int team, int minAge) {
    CaseQueue[][] from = longTermFrom;
    double waiting = 0;
    for (CaseKind kind : CaseKind.LONG_TERM) {
      from[kind.ordinal()] = team == ALL_TEAMS ? s.queues(TeamRole.LONG_TERM, kind)
          : s.queues(team, kind);
      waiting += waiting(from[kind.ordinal()], minAge);
    }
    int m = allocation.allocate(s, d, TeamRole.LONG_TERM, team, waiting);
    int[] eligible = allocation.eligible;
    double[] give = allocation.give;
    for (int k = 0; k < m; k++) {
      if (give[k] <= 0) {
        continue;
      }
      int i = eligible[k];
      double left = give[k];
      for (CaseKind kind : CaseKind.LONG_TERM) {
        double taken = CaseQueue.takeOldest(from[kind.ordinal()], left, minAge);
        left -= taken;
        w.of(kind)[i] += taken;
      }
    }
  }

  /** Cases in {@code queues} that have waited at least {@code minAge} months. */
  private static double waiting(CaseQueue[] queues, int minAge) {
    double sum = 0;
    for (CaseQueue queue : queues) {
      sum += minAge == 0 ? queue.total() : queue.waitingAtLeast(minAge);
    }
    return sum;
  }

  /**
   * Whether a role's cases go to any of its case holders at once: the role has one team, or
   * the scenario pools them (see {@link org.caseload.core.scenario.Workforce#poolAfterMonths}).
   */
  private boolean pooledNow(TeamRole role) {
    return s.teamsOf[role.ordinal()].length == 1
        || s.plan.scenario().parameters().workforce().pooled();
  }

  /** Months after which another team may take a case, or 0 for never. */
  private int poolAfter() {
    double after = s.plan.scenario().parameters().workforce().poolAfterMonths();
    return after == Double.POSITIVE_INFINITY ? 0 : (int) after;
  }

  /**
   * Shares {@code n} new cases of {@code kind} among {@code role}'s teams by demand share:
   * a chain of binomials from the current draws when sampled (none for one team), the exact
   * proportions when expected.
   */
  private void split(Draws d, double n, TeamRole role, CaseKind kind) {
    int[] teams = s.teamsOf[role.ordinal()];
    double left = n;
    double shareLeft = 1;
    for (int j = 0; j < teams.length - 1; j++) {
      int t = teams[j];
      double part = shareLeft <= 0 ? 0
          : d.binomial(left, Math.min(1, s.demandShare[t] / shareLeft));
      s.queue(t, kind).add(part);
      left -= part;
      shareLeft -= s.demandShare[t];
    }
    s.queue(teams[teams.length - 1], kind).add(left);
  }

  private Demand demand() {
    return s.plan.scenario().parameters().demand();
  }
}
