package org.caseload.core.model;

import org.caseload.core.scenario.TeamRole;
import org.caseload.core.scenario.Workforce;

/**
 * Who receives the month's waiting cases (docs/specification.md section 4.5): available case holders of a
 * role, each up to their cap (newly qualified at their protected cap), then, if cases still
 * wait, up to the over-cap limit; {@link Allocator} shares cases among them by room.
 * After {@link #allocate}, {@code eligible[0..m)} holds the workers considered and
 * {@code give[0..m)} the cases each receives.
 *
 * @implNote Mutable scratch space, not thread-safe; owned by one simulation.
 */
final class Allocation {

  int[] eligible = new int[64];
  int[] give = new int[64];
  private int[] room = new int[64];
  private int[] extra = new int[64];

  /** Grows the scratch arrays to hold {@code workers} workers. */
  void ensureCapacity(int workers) {
    if (eligible.length < workers) {
      eligible = new int[workers];
      give = new int[workers];
      room = new int[workers];
      extra = new int[workers];
    }
  }

  /** Cases given in the last allocation to its {@code m} workers. */
  int given(int m) {
    int sum = 0;
    for (int k = 0; k < m; k++) {
      sum += give[k];
    }
    return sum;
  }

  /**
   * Decides how many of {@code waiting} cases each available case holder of {@code role}
   * receives: first up to each worker's cap, then, if cases still wait, up to the over-cap
   * limit. Leaves the workers in {@code eligible[0..m)} and their cases in {@code give}.
   *
   * @return m, the number of workers considered
   */
  int allocate(Workers workers, TeamRole[] roles, MonthPlan plan, int month, TeamRole role,
      int waiting) {
    boolean assessment = role == TeamRole.ASSESSMENT;
    int m = 0;
    for (int i = 0; i < workers.size; i++) {
      if (workers.holder[i] && !workers.absent[i] && roles[workers.team[i]] == role) {
        eligible[m++] = i;
      }
    }
    Workforce w = plan.scenario().parameters().workforce();
    double turnover = assessment ? assessmentTurnover(plan) : 1;
    for (int k = 0; k < m; k++) {
      int i = eligible[k];
      room[k] = scaledRoom(limit(workers, plan, month, i, false, w) - workers.load(i), turnover);
    }
    int given = Allocator.share(room, m, waiting, give);
    if (given < waiting && (w.allowOverCap() || w.nqProtectionLapses())) {
      for (int k = 0; k < m; k++) {
        int i = eligible[k];
        room[k] = Math.max(0, scaledRoom(limit(workers, plan, month, i, true, w) - workers.load(i), turnover)
            - give[k]);
      }
      Allocator.share(room, m, waiting - given, extra);
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

  private static int scaledRoom(int room, double turnover) {
    return room <= 0 ? 0 : (int) Math.min(1_000_000, Math.floor(room * turnover));
  }

  /** The most cases worker {@code i} may hold in the first pass or under pressure. */
  private static int limit(Workers workers, MonthPlan plan, int month, int i,
      boolean underPressure, Workforce w) {
    int team = workers.team[i];
    int cap = plan.cap(month, team);
    int pressured = w.allowOverCap() ? plan.hardLimit(month, team) : cap;
    if (workers.nqLeft[i] > 0) {
      int protectedCap = (int) Math.floor(w.nqCapShare() * cap);
      return underPressure && w.nqProtectionLapses() ? pressured : protectedCap;
    }
    return underPressure ? pressured : cap;
  }
}
