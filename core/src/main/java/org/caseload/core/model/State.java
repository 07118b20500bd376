package org.caseload.core.model;

import java.util.Arrays;
import org.caseload.core.scenario.Team;
import org.caseload.core.scenario.TeamRole;

/**
 * The state of a council's service in a month: its workers, the queues of waiting cases by
 * kind, the hiring pipeline and re-referral pool, per-team head counts, and the month's
 * flows. The steps of {@link Model} read and change it.
 *
 * @implNote Mutable, not thread-safe; owned by one model.
 */
final class State {

  MonthPlan plan;
  final Team[] teams;
  final TeamRole[] roles;
  final Workers workers;
  /** Waiting cases by {@link CaseKind} ordinal. */
  final CaseQueue[] queues = new CaseQueue[CaseKind.COUNT];
  final double[] pipeline;
  final double[] leaverRing = new double[12];
  double reReferralPool;
  int month;

  // Per-team head counts (sums of the workers' weights).
  final double[] teamPermanent;
  final double[] teamAgency;
  final double[] teamHolders;
  final double[] teamStaff;

  // The month's flows, cleared at the start of each step.
  double referrals;
  double reReferrals;
  double nfa;
  double completed;
  double notInNeed;
  double newLongTerm;
  double closures;
  double permanentLeavers;
  double starters;

  // Totals since the base date, for checks.
  double totalReferrals;
  double totalNfa;
  double totalNotInNeed;
  double totalNewLongTerm;
  double totalLongTermClosures;

  State(MonthPlan plan) {
    this.plan = plan;
    this.teams = plan.scenario().teams().toArray(new Team[0]);
    this.roles = new TeamRole[teams.length];
    int initial = 0;
    double posts = 0;
    for (int i = 0; i < teams.length; i++) {
      roles[i] = teams[i].role();
      initial += teams[i].permanentCount() + teams[i].agencyWorkers();
      posts += teams[i].establishment();
    }
    this.workers = new Workers(initial + (int) Math.min(posts * 2, 1_000_000) + 16);
    for (int k = 0; k < queues.length; k++) {
      queues[k] = new CaseQueue();
    }
    this.pipeline = new double[teams.length];
    this.teamPermanent = new double[teams.length];
    this.teamAgency = new double[teams.length];
    this.teamHolders = new double[teams.length];
    this.teamStaff = new double[teams.length];
  }

  /** Empties everything for a new start from the base date. */
  void clear() {
    month = 0;
    workers.clear();
    for (CaseQueue queue : queues) {
      queue.clear();
    }
    Arrays.fill(pipeline, 0);
    Arrays.fill(teamPermanent, 0);
    Arrays.fill(teamAgency, 0);
    Arrays.fill(teamHolders, 0);
    Arrays.fill(teamStaff, 0);
    Arrays.fill(leaverRing, 0);
    totalReferrals = totalNfa = totalNotInNeed = totalNewLongTerm = totalLongTermClosures = 0;
  }

  /** Clears the month's flows. */
  void startMonth() {
    referrals = reReferrals = nfa = completed = notInNeed = newLongTerm = closures = 0;
    permanentLeavers = starters = 0;
  }

  /** The queue of waiting cases of {@code kind}. */
  CaseQueue queue(CaseKind kind) {
    return queues[kind.ordinal()];
  }

  /** Long-term cases waiting, all kinds. */
  double waitingLongTerm() {
    double sum = 0;
    for (CaseKind kind : CaseKind.LONG_TERM) {
      sum += queue(kind).total();
    }
    return sum;
  }

  /**
   * The key of a group of draws this month (see {@link Sampler#at}): what it is for and
   * whom it concerns (a worker's id, a team's index, or 0 for the whole service).
   */
  long key(Purpose purpose, long entity) {
    return ((entity * Purpose.SLOTS + purpose.ordinal()) << 8) | month;
  }

  /** Permanent leavers in the last 12 months, annualised while fewer months have run. */
  double leaversLastYear() {
    double sum = 0;
    for (double v : leaverRing) {
      sum += v;
    }
    int months = Math.min(month, 12);
    return months == 0 ? 0 : sum * 12.0 / months;
  }
}
