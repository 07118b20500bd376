package org.caseload.sim.decide;

import java.util.ArrayList;
import java.util.List;
import org.caseload.core.scenario.Intervention;
import org.caseload.core.scenario.Scenario;

/**
 * One setting of every lever: {@code steps.get(i)} is the index into lever i's grid.
 *
 * @param levers the levers
 * @param steps each lever's grid index, 0 the weakest
 * @implNote Immutable and thread-safe.
 */
public record Plan(List<Lever> levers, List<Integer> steps) {

  public Plan {
    levers = List.copyOf(levers);
    steps = List.copyOf(steps);
    if (levers.size() != steps.size()) {
      throw new IllegalArgumentException("one step per lever");
    }
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) < 0 || steps.get(i) >= levers.get(i).grid().size()) {
        throw new IllegalArgumentException("step " + steps.get(i) + " is outside lever "
            + levers.get(i).name());
      }
    }
  }

  public static Plan of(List<Lever> levers, List<Integer> steps) {
    return new Plan(levers, steps);
  }

  /** Every lever at {@code step} (clamped to its grid: 0 the weakest, a large one the
   *  strongest). */
  public static Plan uniform(List<Lever> levers, int step) {
    return new Plan(levers, levers.stream().map(l -> Math.min(step, l.grid().size() - 1))
        .toList());
  }

  /** Lever {@code i}'s value. */
  public double value(int i) {
    return levers.get(i).grid().value(steps.get(i));
  }

  /** This plan with lever {@code i} at {@code step}. */
  public Plan with(int i, int step) {
    List<Integer> next = new ArrayList<>(steps);
    next.set(i, step);
    return new Plan(levers, next);
  }

  /** The interventions of every lever, in lever order. */
  public List<Intervention> interventions() {
    List<Intervention> list = new ArrayList<>();
    for (int i = 0; i < levers.size(); i++) {
      list.addAll(levers.get(i).at(value(i)));
    }
    return list;
  }

  /** {@code base} with this plan's interventions appended. */
  public Scenario apply(Scenario base) {
    List<Intervention> all = new ArrayList<>(base.interventions());
    all.addAll(interventions());
    return base.withInterventions(all);
  }

  /** Funded posts the plan adds. */
  public double posts() {
    double sum = 0;
    for (int i = 0; i < levers.size(); i++) {
      sum += levers.get(i).postsAt(value(i));
    }
    return sum;
  }

  /** Whether every lever is at least as strong here as in {@code other}. */
  public boolean atLeast(Plan other) {
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) < other.steps.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** e.g. {@code assessment posts +6, campaign x2 for 12 months}. */
  public String describe() {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < levers.size(); i++) {
      parts.add(levers.get(i).describe(value(i)));
    }
    return String.join(", ", parts);
  }
}
