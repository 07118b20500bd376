package org.caseload.core.model;

import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.TeamMetric;
import org.caseload.core.metrics.Trajectory;
import org.caseload.core.scenario.CaseCounts;
import org.caseload.core.scenario.TeamRole;

/**
 * One stochastic replication of a scenario, advanced a month at a time: the {@link Model}
 * with {@link SampledDraws}, so individual workers with tenure and caseloads, whole cases
 * allocated under caps, and every random draw from the sampler of its own
 * {@link RandomProcess}, handed in by the caller.
 *
 * <p>{@link #reset()} returns to the base state without allocating, so one instance serves
 * many replications.
 *
 * @implNote Mutable, not thread-safe: one instance per thread.
 */
public final class Simulation {

  private final SampledDraws draws = new SampledDraws();
  private final Model model;

  private Simulation(MonthPlan plan) {
    this.model = new Model(plan, draws);
  }

  /** A simulation of the plan's scenario, at its base state. */
  public static Simulation of(MonthPlan plan) {
    return new Simulation(plan);
  }

  /** The month last simulated (0 at the base state). */
  public int month() {
    return model.state.month;
  }

  public MonthPlan plan() {
    return model.state.plan;
  }

  /**
   * Returns to the base state under another plan of the same base state (the same teams and
   * workers, other parameters: a replication's draw of uncertain parameters), re-using this
   * simulation's storage.
   *
   * @throws IllegalArgumentException if the plan's teams differ
   */
  public void reset(MonthPlan other) {
    MonthPlan plan = plan();
    if (!other.scenario().teams().equals(plan.scenario().teams())
        || !other.scenario().queues().equals(plan.scenario().queues())) {
      throw new IllegalArgumentException("a simulation can only move to a plan of the same"
          + " base state");
    }
    model.replan(other);
  }

  /** Returns to the base state of the scenario. */
  public void reset() {
    model.reset();
  }

  /**
   * Simulates the next month and writes its metrics into {@code out}, indexed by
   * {@link Metric#ordinal()}, followed by each team's {@link TeamMetric}s when {@code out} has
   * {@link #rowWidth} values.
   */
  public void step(RandomSources sources, double[] out) {
    draws.use(sources);
    model.step(out);
  }

  /**
   * The width of the rows this simulation's runs record: with every team's metrics too (see
   * {@link TeamMetric#column}) where a role has several teams, else the metrics alone (a
   * team's figures are then its role's).
   */
  public int rowWidth() {
    return plan().scenario().hasLocalTeams() ? TeamMetric.rowWidth(model.state.teams.length)
        : Metric.COUNT;
  }

  /** Runs a fresh replication over the whole horizon with {@code sources}. */
  public Trajectory run(RandomSources sources) {
    reset();
    double[][] rows = new double[plan().horizon()][Metric.COUNT];
    for (double[] row : rows) {
      step(sources, row);
    }
    return Trajectory.of(plan().scenario().baseDate(), rows);
  }

  // For checks and tests ----------------------------------------------------------------

  /** Children referred since the base date, re-referrals included. */
  public long totalReferrals() {
    return (long) model.state.totalReferrals;
  }

  /** Referrals closed at the front door since the base date. */
  public long totalNfa() {
    return (long) model.state.totalNfa;
  }

  /** Assessments that found the child not in need since the base date. */
  public long totalNotInNeed() {
    return (long) model.state.totalNotInNeed;
  }

  /** Long-term cases opened since the base date. */
  public long totalNewLongTerm() {
    return (long) model.state.totalNewLongTerm;
  }

  /** Long-term cases closed since the base date. */
  public long totalLongTermClosures() {
    return (long) model.state.totalLongTermClosures;
  }

  /** Open cases now by kind, allocated and waiting. */
  public CaseCounts openCases() {
    State s = model.state;
    double[] open = new double[CaseKind.COUNT];
    for (CaseKind kind : CaseKind.ALL) {
      open[kind.ordinal()] = s.waiting(kind);
      double[] held = s.workers.of(kind);
      for (int i = 0; i < s.workers.size; i++) {
        open[kind.ordinal()] += held[i];
      }
    }
    return CaseCounts.of((int) open[CaseKind.ASSESSMENT.ordinal()],
        (int) open[CaseKind.CHILD_PROTECTION.ordinal()],
        (int) open[CaseKind.LOOKED_AFTER.ordinal()],
        (int) open[CaseKind.CHILD_IN_NEED.ordinal()]);
  }

  /** Cases held by workers who are not case holders, or of a kind their team does not hold. */
  public int casesHeldOutOfRole() {
    State s = model.state;
    Workers w = s.workers;
    double wrong = 0;
    for (int i = 0; i < w.size; i++) {
      double held = w.held(i);
      if (!w.holder[i]) {
        wrong += held;
      }
      double assessments = w.of(CaseKind.ASSESSMENT)[i];
      wrong += s.roles[w.team[i]] == TeamRole.ASSESSMENT ? held - assessments : assessments;
    }
    return (int) wrong;
  }

  /** Cases held now by each case-holding worker, in no particular order. */
  public double[] caseHolderLoads() {
    Workers w = model.state.workers;
    double[] loads = new double[w.size];
    int n = 0;
    for (int i = 0; i < w.size; i++) {
      if (w.holder[i]) {
        loads[n++] = w.held(i);
      }
    }
    return java.util.Arrays.copyOf(loads, n);
  }

  /** The smallest count held anywhere in the state (negative would be a bug). */
  public int smallestCount() {
    State s = model.state;
    double min = s.reReferralPool;
    for (CaseQueue[] ofTeam : s.queues) {
      for (CaseQueue queue : ofTeam) {
        min = Math.min(min, queue.total());
      }
    }
    for (double p : s.pipeline) {
      min = Math.min(min, p);
    }
    for (double[] held : s.workers.cases) {
      for (int i = 0; i < s.workers.size; i++) {
        min = Math.min(min, held[i]);
      }
    }
    return (int) Math.floor(min);
  }
}
