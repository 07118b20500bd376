package org.caseload.sim.decide;

import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioValidator;
import org.caseload.sim.engine.TargetCheck;
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
  /**
   * The most plans a search refines because their look did not rule them out, besides the
   * answer and its one-step-weaker neighbours (GoalSeek's last step; docs/decide.md).
   */
  public static final int NOT_RULED_OUT = 4;

  /** The most combinations of the levers other than the searched one. */
  public static final int MAX_COMBINATIONS = 10_000;
  /** The most replications of a plan, at a first look or refined. */
  public static final int MOST_REPLICATIONS = 1_000_000;

  /** The inputs of a goal-seek: each a flag of the command line and a field of the API. */
  public enum Input {
    PROBABILITY, TARGETS, LEVERS, SCREEN_REPLICATIONS, MAX_REPLICATIONS
  }

  /** What is wrong with one input of a goal-seek, by one rule for the CLI and the API. */
  public static final class InputException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final Input input;

    InputException(Input input, String reason) {
      super(reason);
      this.input = input;
    }

    public Input input() {
      return input;
    }
  }

  /** @throws InputException naming the input at fault */
  public GoalSeekRequest {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(cancelled, "cancelled");
    targets = List.copyOf(targets);
    levers = List.copyOf(levers);
    checkNumbers(probability, screenReplications, maxReplications);
    if (targets.isEmpty()) {
      throw new InputException(Input.TARGETS, "give at least one target the plan must meet");
    }
    if (levers.isEmpty()) {
      throw new InputException(Input.LEVERS, "give at least one lever that may move");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
  }

  /**
   * The probability and the replications alone, at most {@link #MOST_REPLICATIONS}.
   *
   * @throws InputException naming the input at fault
   */
  public static void checkNumbers(double probability, long screenReplications,
      long maxReplications) {
    checkNumbers(probability, screenReplications, maxReplications, MOST_REPLICATIONS, true);
  }

  /**
   * The probability and the replications alone, at most {@code most} (a server's limit: the
   * API checks them before it reads the base scenario); {@code maxGiven} false where the
   * maximum is the default, not given, which a refusal then says.
   *
   * @throws InputException naming the input at fault
   */
  public static void checkNumbers(double probability, long screenReplications,
      long maxReplications, long most, boolean maxGiven) {
    String upTo = String.format(java.util.Locale.ROOT, "%,d", Math.min(most, MOST_REPLICATIONS));
    if (!(probability > 0 && probability < 1)) {
      // 80 is almost surely 80%: said how to write it, as '80%' is
      throw new InputException(Input.PROBABILITY, "must be strictly between 0 and 1, was "
          + probability + (probability > 1 && probability < 100 ? ": for "
          + java.math.BigDecimal.valueOf(probability).stripTrailingZeros().toPlainString()
          + "% write " + java.math.BigDecimal.valueOf(probability).movePointLeft(2)
              .stripTrailingZeros().toPlainString() : ""));
    }
    if (screenReplications < 64 || screenReplications % 64 != 0
        || screenReplications > Math.min(most, MOST_REPLICATIONS)) {
      throw new InputException(Input.SCREEN_REPLICATIONS, "must be a multiple of 64 from 64"
          + " to " + upTo + ", was " + screenReplications);
    }
    if (maxReplications < screenReplications
        || maxReplications > Math.min(most, MOST_REPLICATIONS)) {
      // the default maximum, not given, had read as if given below the screen asked for
      throw new InputException(Input.MAX_REPLICATIONS, "must be from the screen replications"
          + " (" + screenReplications + ") to " + upTo + ", was " + maxReplications
          + (maxGiven ? "" : " (the default where it is not given)"));
    }
  }

  /**
   * Checks, before anything is simulated, that the plans the search may try can run: the
   * weakest and the strongest are valid scenarios, every target can be evaluated, and the
   * levers other than the searched one have at most {@link #MAX_COMBINATIONS} combinations.
   *
   * @throws org.caseload.core.scenario.InvalidScenarioException with the plans' problems
   * @throws org.caseload.sim.target.UnevaluableTargetException naming the target
   * @throws InputException on the levers, for too many combinations
   */
  public void checkPlans() {
    ScenarioValidator.requireValid(Plan.uniform(levers, 0).apply(base));
    ScenarioValidator.requireValid(Plan.uniform(levers, Integer.MAX_VALUE).apply(base));
    TargetCheck.of(base, targets);
    int primary = GoalSeek.searched(levers);
    long combinations = 1;
    for (int i = 0; i < levers.size(); i++) {
      if (i != primary) {
        combinations *= levers.get(i).grid().size();
        if (combinations > MAX_COMBINATIONS) {
          throw new InputException(Input.LEVERS, "the levers other than "
              + levers.get(primary).name() + " have more than " + MAX_COMBINATIONS
              + " combinations; use coarser steps");
        }
      }
    }
  }

  /**
   * Whether a stronger value of every lever never lowers the probability of meeting every
   * target, as the search's shortcuts assume: not where a lever whose way the targets decide
   * (an agency cap, agency cover, a caseload cap) meets several targets ({@link GoalSeek}).
   */
  boolean monotone() {
    return targets.size() < 2 || levers.stream()
        .noneMatch(l -> l.kind().stronger() == Lever.Direction.EITHER);
  }

  /**
   * About how many replications the search makes: every combination of the levers other than
   * the searched one bisected over the searched lever's steps at the screening replications
   * (screened step by step where the search is not {@link #monotone} in it), and the answer,
   * its one-step-weaker neighbours and up to {@link #NOT_RULED_OUT} plans not ruled out
   * refined to the maximum (docs/decide.md's Medway example: 71,168 planned, 41,728 run). What the API's work limit and the command's
   * {@code --yes} are checked on.
   */
  public double replicationsPlanned() {
    int primary = GoalSeek.searched(levers);
    double combinations = 1;
    for (int i = 0; i < levers.size(); i++) {
      if (i != primary) {
        combinations *= levers.get(i).grid().size();
      }
    }
    int steps = levers.get(primary).grid().size();
    int looks = !monotone() && levers.get(primary).kind().stronger() == Lever.Direction.EITHER
        ? steps : 65 - Long.numberOfLeadingZeros(steps - 1L); // ceil(log2 steps) + 1
    return combinations * looks * screenReplications
        + (levers.size() + 1.0 + NOT_RULED_OUT) * maxReplications;
  }

  /**
   * The most {@code maxReplications}, a multiple of 64, with which the search plans at most
   * {@code replications} ({@link #replicationsPlanned}), the other settings as they are; 0
   * when none from the screening replications up does. What a refusal for too much work says
   * to ask for: England's searches at the defaults had been refused with only "fewer
   * replications a plan".
   */
  public int maxReplicationsWithin(double replications) {
    double refined = levers.size() + 1.0 + NOT_RULED_OUT;
    double screened = replicationsPlanned() - refined * maxReplications;
    double most = Math.floor((replications - screened) / refined / 64) * 64;
    return most < screenReplications ? 0 : (int) Math.min(most, maxReplications);
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
