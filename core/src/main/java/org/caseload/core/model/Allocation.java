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

  int[] eligible = new int[64];
  double[] give = new double[64];
  private double[] room = new double[64];
  private double[] available = new double[64];
  private double[] extra = new double[64];

  /** Grows the scratch arrays to hold {@code workers} entities. */
  void ensureCapacity(int workers) {
    if (eligible.length < workers) {
      eligible = new int[workers];
      give = new double[workers];
      room = new double[workers];
      available = new double[workers];
      extra = new double[workers];
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
   * receives: first up to each worker's cap, then, if cases still wait, up to the over-cap
   * limit. Leaves the entities in {@code eligible[0..m)} and their cases in {@code give}.
   *
   * @return m, the number of entities considered
   */
  int allocate(State s, Draws d, TeamRole role, double waiting) {
    Workers workers = s.workers;
    int m = 0;
    for (int i = 0; i < workers.size; i++) {
      if (workers.holder[i] && workers.absent[i] < workers.weight[i]
          && s.roles[workers.team[i]] == role) {
        available[m] = workers.weight[i] - workers.absent[i];
        eligible[m++] = i;
      }
    }
    Workforce w = s.plan.scenario().parameters().workforce();
    double turnover = role == TeamRole.ASSESSMENT ? assessmentTurnover(s.plan) : 1;
    for (int k = 0; k < m; k++) {
      room[k] = available[k] * scaledRoom(d, limit(s, k, false, w) - workers.load(eligible[k]),
          turnover);
    }
    double given = d.share(room, available, m, waiting, give);
    if (given < waiting && (w.allowOverCap() || w.nqProtectionLapses())) {
      for (int k = 0; k < m; k++) {
        room[k] = Math.max(0, available[k]
            * scaledRoom(d, limit(s, k, true, w) - workers.load(eligible[k]), turnover) - give[k]);
      }
      d.share(room, available, m, waiting - given, extra);
      for (int k = 0; k < m; k++) {
        give[k] += extra[k];
      }
    }
    return m;
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

  /** The most cases a worker of eligible entity {@code k} may hold. */
  private double limit(State s, int k, boolean underPressure, Workforce w) {
    int i = eligible[k];
    int team = s.workers.team[i];
    int cap = s.plan.cap(s.month, team);
    int pressured = w.allowOverCap() ? s.plan.hardLimit(s.month, team) : cap;
    if (s.workers.nqLeft[i] > 0) {
      int protectedCap = (int) Math.floor(w.nqCapShare() * cap);
      return underPressure && w.nqProtectionLapses() ? pressured : protectedCap;
    }
    return underPressure ? pressured : cap;
  }
}
