package org.caseload.core.model;

import org.caseload.core.metrics.DfeIndicators;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.TeamMetric;
import org.caseload.core.scenario.CaseCounts;
import org.caseload.core.scenario.Demand;
import org.caseload.core.scenario.Team;
import org.caseload.core.scenario.TeamRole;
import org.caseload.core.scenario.WorkerCohort;

/**
 * The monthly model of a council's service (docs/specification.md sections 3-5), written
 * once: a {@link Simulation} runs it with sampled draws, the {@link ExpectedProjection} with
 * expected ones ({@link Draws}).
 *
 * <p>Order within a month: queues age and tenure grows; permanent and agency workers leave
 * (their cases return to the queues); recruits start and posts are filled; agency cover is
 * adjusted; teams short of case holders make some (the case-holder share); absence is drawn;
 * long-term cases close; referrals arrive and the front door screens them; assessments
 * complete, are allocated and open long-term cases; closed cases may come back as
 * re-referrals; long-term cases are allocated; metrics are recorded.
 *
 * @implNote Mutable, not thread-safe: one instance per thread. {@link #reset} returns to the
 *     base state without allocating once the arrays have grown.
 */
final class Model {

  final State state;
  private final Draws draws;
  private final Allocation allocation = new Allocation();
  private final Staffing staffing;
  private final Casework casework;
  private final CaseMetrics caseMetrics = new CaseMetrics();
  private final double[] teamHeld;

  Model(MonthPlan plan, Draws draws) {
    this.state = new State(plan);
    this.draws = draws;
    this.staffing = new Staffing(state, allocation);
    this.casework = new Casework(state, allocation);
    this.teamHeld = new double[state.teams.length];
    reset();
  }

  /** Moves to another plan of the same base state and returns to it. */
  void replan(MonthPlan plan) {
    state.plan = plan;
    staffing.replan();
    reset();
  }

  /** Returns to the base state of the scenario. */
  void reset() {
    State s = state;
    s.clear();
    for (int t = 0; t < s.teams.length; t++) {
      Team team = s.teams[t];
      for (WorkerCohort cohort : team.permanent()) {
        int nq = cohort.newlyQualified() ? 12 - cohort.tenureMonths() : 0;
        staffing.join(draws, t, false, cohort.count(), cohort.tenureMonths(), nq);
      }
      staffing.join(draws, t, true, team.agencyWorkers(), 0, 0);
      spreadInitialCases(t, team.cases());
      s.pipeline[t] = team.pipeline();
    }
    waitingAtBaseDate(s.plan.scenario().queues());
    s.reReferralPool = draws.round(steadyReReferralPool(s.plan.scenario().parameters().demand()));
  }

  /** A team's cases, waiting in its own queues. */
  private static void add(State s, int team, CaseCounts cases) {
    for (CaseKind kind : CaseKind.ALL) {
      s.queue(team, kind).add(count(cases, kind));
    }
  }

  /**
   * The scenario's cases waiting at the base date, shared among the teams of the role that
   * takes them by demand share (whole cases by cumulative rounding when sampled).
   */
  private void waitingAtBaseDate(CaseCounts cases) {
    State s = state;
    for (CaseKind kind : CaseKind.ALL) {
      TeamRole role = kind == CaseKind.ASSESSMENT ? TeamRole.ASSESSMENT : TeamRole.LONG_TERM;
      int[] teams = s.teamsOf[role.ordinal()];
      double n = count(cases, kind);
      double cumulative = 0;
      double placed = 0;
      for (int t : teams) {
        cumulative += s.demandShare[t];
        double upTo = t == teams[teams.length - 1] ? n : draws.round(n * cumulative);
        s.queue(t, kind).add(upTo - placed);
        placed = upTo;
      }
    }
  }

  private static int count(CaseCounts cases, CaseKind kind) {
    return switch (kind) {
      case ASSESSMENT -> cases.assessment();
      case CHILD_PROTECTION -> cases.childProtection();
      case LOOKED_AFTER -> cases.lookedAfter();
      case CHILD_IN_NEED -> cases.childInNeed();
    };
  }

  /** The re-referral pool of a steady state at the base referral level. */
  static double steadyReReferralPool(Demand demand) {
    double share = demand.reReferralShare();
    return share * demand.baseMonthly() / (1 - share) * demand.reReferralDelayMonths();
  }

  /** A team's cases at the base date, spread evenly over its case holders (or waiting). */
  private void spreadInitialCases(int team, CaseCounts cases) {
    Workers w = state.workers;
    double holders = 0;
    for (int i = 0; i < w.size; i++) {
      if (w.team[i] == team && w.holder[i]) {
        holders += w.weight[i];
      }
    }
    if (holders <= 0) {
      add(state, team, cases);
      return;
    }
    int rank = 0;
    for (int i = 0; i < w.size; i++) {
      if (w.team[i] != team || !w.holder[i]) {
        continue;
      }
      for (CaseKind kind : CaseKind.ALL) {
        w.of(kind)[i] = draws.evenShare(count(cases, kind), holders, rank, w.weight[i]);
      }
      rank++;
    }
  }

  /** Simulates the next month with this model's draws and writes its metrics into {@code out}. */
  void step(double[] out) {
    State s = state;
    if (s.month >= s.plan.horizon()) {
      throw new IllegalStateException("the horizon of " + s.plan.horizon()
          + " months is reached");
    }
    s.month++;
    s.startMonth();
    for (CaseQueue[] ofTeam : s.queues) {
      for (CaseQueue queue : ofTeam) {
        queue.age();
      }
    }
    staffing.age();
    staffing.leave(draws);
    staffing.hire(draws);
    staffing.coverWithAgency(draws);
    staffing.keepCaseHolderShare(draws);
    staffing.drawAbsence(draws);
    casework.closeLongTermCases(draws);
    casework.receiveReferrals(draws);
    casework.assess(draws);
    casework.feedBackClosures(draws);
    casework.allocateLongTerm(draws);
    s.leaverRing[s.month % 12] = s.permanentLeavers;
    record(out);
  }

  private void record(double[] out) {
    State s = state;
    double holders = 0;
    double inPipeline = 0;
    for (int t = 0; t < s.teams.length; t++) {
      holders += s.teamHolders[t];
      inPipeline += s.pipeline[t];
    }
    Accounts.record(s.plan, s.month, s.teamPermanent, s.teamAgency, holders, s.starters,
        s.permanentLeavers, s.leaversLastYear(), inPipeline, out);
    caseMetrics.record(s, draws, out);
    Accounts.put(out, Metric.referrals, s.referrals);
    Accounts.put(out, Metric.reReferrals, s.reReferrals);
    Accounts.put(out, Metric.nfa, s.nfa);
    Accounts.put(out, Metric.assessmentsCompleted, s.completed);
    Accounts.put(out, Metric.notInNeed, s.notInNeed);
    Accounts.put(out, Metric.newLongTermCases, s.newLongTerm);
    Accounts.put(out, Metric.longTermClosures, s.closures);
    if (out.length >= TeamMetric.rowWidth(s.teams.length)) {
      recordTeams(out);
    }
  }

  /** Each team's caseload, waiting cases and their wait, vacancy rate and workers. */
  private void recordTeams(double[] out) {
    State s = state;
    Workers w = s.workers;
    java.util.Arrays.fill(teamHeld, 0);
    for (int i = 0; i < w.size; i++) {
      if (w.holder[i]) {
        teamHeld[w.team[i]] += w.held(i);
      }
    }
    for (int t = 0; t < s.teams.length; t++) {
      double waiting = 0;
      double waited = 0;
      for (CaseQueue queue : s.queues[t]) {
        waiting += queue.total();
        waited += queue.monthsWaited();
      }
      double permanent = s.teamPermanent[t];
      double vacancies = Math.max(0, s.plan.establishment(s.month, t) - permanent);
      out[TeamMetric.column(t, TeamMetric.caseload)] =
          DfeIndicators.caseload(teamHeld[t], s.teamHolders[t]);
      out[TeamMetric.column(t, TeamMetric.unallocatedCases)] = waiting;
      out[TeamMetric.column(t, TeamMetric.meanWaitMonths)] = waiting <= 0 ? 0 : waited / waiting;
      out[TeamMetric.column(t, TeamMetric.vacancyRate)] =
          DfeIndicators.vacancyRate(vacancies, permanent);
      out[TeamMetric.column(t, TeamMetric.agencyFte)] = s.teamAgency[t];
      out[TeamMetric.column(t, TeamMetric.inPostFte)] = permanent;
    }
  }
}
