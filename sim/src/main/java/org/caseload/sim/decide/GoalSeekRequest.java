package org.caseload.sim.decide;

import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.target.Target;

/**
 * What a goal-seek is asked.
 *
 * @param base the scenario the levers are added to
 * @param targets every target a plan must meet (in the same replication)
 * @param probability the required probability of meeting them all, in (0, 1)
 * @param levers the levers that may move, at least one
 * @param objective what "cheapest" means
 * @param seed master seed: every plan runs on the random numbers of this seed
 * @param threads worker threads; results do not depend on them
 * @param screenReplications replications every plan is first run with (a multiple of 64)
 * @param maxReplications the most replications a plan near the boundary is refined to
 * @param cancelled polled between replications
 * @implNote Immutable and thread-safe if {@code cancelled} is.
 */
public record GoalSeekRequest(Scenario base, List<Target> targets, double probability,
    List<Lever> levers, Objective objective, long seed, int threads, int screenReplications,
    int maxReplications, BooleanSupplier cancelled) {

  /** Default replications of the first look at a plan. */
  public static final int SCREEN = 256;
  /** Default replications of a plan near the boundary. */
  public static final int MAX = 4096;
  /** The most combinations of the levers other than the searched one. */
  public static final int MAX_COMBINATIONS = 10_000;

  public GoalSeekRequest {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(cancelled, "cancelled");
    targets = List.copyOf(targets);
    levers = List.copyOf(levers);
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("at least one target is needed");
    }
    if (levers.isEmpty()) {
      throw new IllegalArgumentException("at least one lever is needed");
    }
    if (!(probability > 0 && probability < 1)) {
      throw new IllegalArgumentException("probability must be strictly between 0 and 1, was "
          + probability);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    if (screenReplications < 64 || screenReplications % 64 != 0) {
      throw new IllegalArgumentException("screening replications must be a multiple of 64,"
          + " was " + screenReplications);
    }
    if (maxReplications < screenReplications || maxReplications > 1_000_000) {
      throw new IllegalArgumentException("maximum replications must be from the screening"
          + " replications (" + screenReplications + ") to 1,000,000, was " + maxReplications);
    }
  }

  /**
   * The replications at which a plan near the boundary is looked at: the screening
   * replications, doubling, to the maximum (256, 512, 1,024, 2,048 and 4,096 by default).
   */
  public List<Integer> looks() {
    List<Integer> looks = new java.util.ArrayList<>();
    for (long n = screenReplications; ; n = Math.min(2 * n, maxReplications)) {
      looks.add((int) n);
      if (n >= maxReplications) {
        return List.copyOf(looks);
      }
    }
  }

  /**
   * The confidence of each look's interval, 1 - 0.05 / looks: a plan is refined until its
   * interval excludes p, so it is looked at up to {@link #looks()} times, and by Bonferroni's
   * inequality all of those intervals cover its probability together with at least 95%
   * (99% a look by default). The interval where the refinement stopped is then a 95% one,
   * and a plan said surely to meet p falls short of it with at most 2.5%; the 95% interval
   * of each look alone would not be (its coverage where it stops falls to about 83%).
   */
  public double confidence() {
    return 1 - 0.05 / looks().size();
  }

  /** A request with the default replications, on every core, never cancelled. */
  public static GoalSeekRequest of(Scenario base, List<Target> targets, double probability,
      List<Lever> levers, Objective objective, long seed) {
    return new GoalSeekRequest(base, targets, probability, levers, objective, seed,
        Runtime.getRuntime().availableProcessors(), SCREEN, MAX, () -> false);
  }

  /** This request on {@code value} threads. */
  public GoalSeekRequest withThreads(int value) {
    return new GoalSeekRequest(base, targets, probability, levers, objective, seed, value,
        screenReplications, maxReplications, cancelled);
  }

  /** This request with other replications. */
  public GoalSeekRequest withReplications(int screen, int max) {
    return new GoalSeekRequest(base, targets, probability, levers, objective, seed, threads,
        screen, max, cancelled);
  }
}
