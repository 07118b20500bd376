package org.caseload.core.model;

import org.caseload.core.scenario.TeamRole;
import org.caseload.core.scenario.Workforce;

/**
 * Who receives the month's waiting cases (docs/specification.md section 4.5): available case
 * holders of a role, each up to their cap (newly qualified at their protected cap), then, if
 * cases still wait, up to the over-cap limit; {@link Draws#share} shares cases among them by
 * room. After {@link #allocate}, {@code eligible[0..m)} holds the entities considered and
 * {@code give[0..m)} the cases each receives.
 *
 * @implNote Mutable scratch space, not thread-safe; owned by one model.
 */
final class Allocation {

  /** {@link #allocate}'s team for every team of the role. */
  static final int ALL_TEAMS = -1;

  int[] eligible = new int[64];
  double[] give = new double[64];
  private double[] room = new double[64];
  private double[] available = new double[64];
  private double[] extra = new double[64];
  private double[] pressuredRoom = new double[64];
  private int[] cap = new int[0];
  private int[] pressured = new int[0];
  private int[] nqCap = new int[0];

  /** Grows the scratch arrays to hold {@code workers} entities. */
  void ensureCapacity(int workers) {
    if (eligible.length < workers) {
      eligible = new int[workers];
      give = new double[workers];
      room = new double[workers];
      available = new double[workers];
      extra = new double[workers];
      pressuredRoom = new double[workers];
    }
  }

  /** Cases given in the last allocation to its {@code m} entities. */
  double given(int m) {
    double sum = 0;
    for (int k = 0; k < m; k++) {
      sum += give[k];
    }
    return sum;
  }

  /**
   * Decides how many of {@code waiting} cases each available case holder of {@code role}
   * (in {@code team}, or in any team of the role for {@link #ALL_TEAMS}) receives: first up to each worker's cap, then, if cases still wait, up to the over-cap
   * limit. Leaves the entities in {@code eligible[0..m)} and their cases in {@code give}.
   *
   * @return m, the number of entities considered
   */
  int allocate(State s, Draws d, TeamRole role, int team, double waiting) {
    Workers workers = s.workers;
    Workforce w = s.plan.scenario().parameters().workforce();
    boolean secondPass = w.allowOverCap() || w.nqProtectionLapses();
    limits(s, w);
    double turnover = role == TeamRole.ASSESSMENT ? assessmentTurnover(s.plan) : 1;
    // The entities of the role and team, listed first without a branch per worker (holders
    // and others are interleaved, so a branch here is mispredicted about half the time).
    int n = 0;
    for (int i = 0; i < workers.size; i++) {
      int of = workers.team[i];
      eligible[n] = i;
      n += workers.holder[i] & workers.absent[i] < workers.weight[i] & s.roles[of] == role
          & (team == ALL_TEAMS | of == team) ? 1 : 0;
    }
    for (int m = 0; m < n; m++) {
      int i = eligible[m];
      int of = workers.team[i];
      boolean nq = workers.nqLeft[i] > 0;
      double load = workers.load(i);
      available[m] = workers.weight[i] - workers.absent[i];
      room[m] = available[m] * scaledRoom(d, (nq ? nqCap[of] : cap[of]) - load, turnover);
      if (secondPass) {
        pressuredRoom[m] = available[m] * scaledRoom(d,
            (nq && !w.nqProtectionLapses() ? nqCap[of] : pressured[of]) - load, turnover);
      }
    }
    int m = n;
    double given = d.share(room, available, m, waiting, give);
    if (given < waiting && secondPass) {
      for (int k = 0; k < m; k++) {
        room[k] = Math.max(0, pressuredRoom[k] - give[k]);
      }
      d.share(room, available, m, waiting - given, extra);
      for (int k = 0; k < m; k++) {
        give[k] += extra[k];
      }
    }
    return m;
  }

  /**
   * The month's limits by team: the cap, the over-cap limit under pressure (the cap when
   * over-cap allocation is off) and the newly qualified's protected cap.
   */
  private void limits(State s, Workforce w) {
    int teams = s.teams.length;
    if (cap.length < teams) {
      cap = new int[teams];
      pressured = new int[teams];
      nqCap = new int[teams];
    }
    for (int t = 0; t < teams; t++) {
      cap[t] = s.plan.cap(s.month, t);
      pressured[t] = w.allowOverCap() ? s.plan.hardLimit(s.month, t) : cap[t];
      nqCap[t] = (int) Math.floor(w.nqCapShare() * cap[t]);
    }
  }

  /**
   * Caps limit the cases a worker holds at the month's end. A share of newly allocated
   * assessments completes within the month, so each unit of room takes
   * {@code 1 / (1 - assessmentSameMonthShare)} new assessments.
   */
  private static double assessmentTurnover(MonthPlan plan) {
    double sameMonth = plan.scenario().parameters().demand().assessmentSameMonthShare();
    return sameMonth >= 0.999 ? 1000 : 1 / (1 - sameMonth);
  }

  private static double scaledRoom(Draws d, double room, double turnover) {
    return room <= 0 ? 0 : Math.min(1_000_000, d.floor(room * turnover));
  }
}
