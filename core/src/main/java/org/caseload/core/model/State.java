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
  /** Waiting cases by team and {@link CaseKind} ordinal: each team's own queues. */
  final CaseQueue[][] queues;
  /** The queues of a role's teams for a kind, by role and kind ordinal, in team order. */
  private final CaseQueue[][][] queuesOfRole;
  /** Each team's queue of a kind as a one-queue array, by team and kind ordinal. */
  private final CaseQueue[][][] queuesOfTeam;
  /** Each team's share of its role's demand: as given, or an equal share. */
  final double[] demandShare;
  /** The teams of each role by {@link TeamRole} ordinal, in scenario order. */
  final int[][] teamsOf;
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
  /** Long-term cases closed by case holders above the caseload reference. */
  double closuresUnderPressure;
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
    this.queues = new CaseQueue[teams.length][CaseKind.COUNT];
    for (CaseQueue[] ofTeam : queues) {
      for (int k = 0; k < ofTeam.length; k++) {
        ofTeam[k] = new CaseQueue();
      }
    }
    this.queuesOfTeam = new CaseQueue[teams.length][CaseKind.COUNT][];
    for (int t = 0; t < teams.length; t++) {
      for (int k = 0; k < CaseKind.COUNT; k++) {
        queuesOfTeam[t][k] = new CaseQueue[] {queues[t][k]};
      }
    }
    this.teamsOf = new int[TeamRole.values().length][];
    this.queuesOfRole = new CaseQueue[TeamRole.values().length][CaseKind.COUNT][];
    this.demandShare = new double[teams.length];
    for (TeamRole role : TeamRole.values()) {
      int[] ofRole = java.util.stream.IntStream.range(0, teams.length)
          .filter(t -> teams[t].role() == role).toArray();
      teamsOf[role.ordinal()] = ofRole;
      for (CaseKind kind : CaseKind.ALL) {
        CaseQueue[] ofKind = new CaseQueue[ofRole.length];
        for (int j = 0; j < ofRole.length; j++) {
          ofKind[j] = queues[ofRole[j]][kind.ordinal()];
        }
        queuesOfRole[role.ordinal()][kind.ordinal()] = ofKind;
      }
      for (int t : ofRole) {
        demandShare[t] = teams[t].hasDemandShare() ? teams[t].demandShare()
            : 1.0 / ofRole.length;
      }
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
    for (CaseQueue[] ofTeam : queues) {
      for (CaseQueue queue : ofTeam) {
        queue.clear();
      }
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
    closuresUnderPressure = 0;
    permanentLeavers = starters = 0;
  }

  /** Team {@code team}'s queue of waiting cases of {@code kind}. */
  CaseQueue queue(int team, CaseKind kind) {
    return queues[team][kind.ordinal()];
  }

  /** The queues of {@code role}'s teams for {@code kind}, in team order. */
  CaseQueue[] queues(TeamRole role, CaseKind kind) {
    return queuesOfRole[role.ordinal()][kind.ordinal()];
  }

  /** Team {@code team}'s queue of {@code kind}, alone in an array. */
  CaseQueue[] queues(int team, CaseKind kind) {
    return queuesOfTeam[team][kind.ordinal()];
  }

  /** Cases of {@code kind} waiting, all teams. */
  double waiting(CaseKind kind) {
    double sum = 0;
    for (CaseQueue[] ofTeam : queues) {
      sum += ofTeam[kind.ordinal()].total();
    }
    return sum;
  }

  /** Long-term cases waiting, all kinds and teams. */
  double waitingLongTerm() {
    double sum = 0;
    for (CaseKind kind : CaseKind.LONG_TERM) {
      sum += waiting(kind);
    }
    return sum;
  }

  /** Months waited, summed over every waiting case. */
  double monthsWaited() {
    double sum = 0;
    for (CaseKind kind : CaseKind.ALL) {
      for (CaseQueue[] ofTeam : queues) {
        sum += ofTeam[kind.ordinal()].monthsWaited();
      }
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
