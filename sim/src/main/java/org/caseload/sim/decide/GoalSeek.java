package org.caseload.sim.decide;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Finds the cheapest plan whose probability of meeting every target is at least p
 * (docs/decide.md).
 *
 * <ol>
 *   <li>Every plan runs replications 0, 1, ... of one seed: common random numbers, so plans
 *       differ by their levers, not by luck, and a plan's first replications are shared by
 *       every later look at it.
 *   <li>Screen: one lever (the first {@code posts} lever, else the one with the most values)
 *       is searched by bisection for each combination of the others, for the fewest steps
 *       whose estimate from {@code screenReplications} replications reaches p. This assumes a
 *       stronger value never lowers the probability (more posts never raise caseloads), and
 *       that the searched lever's cost rises with it; a weaker combination's answer bounds a
 *       stronger one's from above.
 *   <li>Refine: the boundary plans are taken cheapest first (cost over the screening
 *       replications, which all plans share); each is run on, doubling its replications,
 *       until the interval of its probability excludes p or it reaches {@code
 *       maxReplications} (Clopper-Pearson, 95% over the looks together: {@link
 *       GoalSeekRequest#confidence()}). The first whose estimate is then at least p is the answer; one that
 *       falls short is replaced by its next step of the searched lever. Then each
 *       one-step-weaker plan is refined too, and so is every plan run on the way that is
 *       cheaper and whose interval still reached p; if one meets p more cheaply it becomes
 *       the answer.
 *   <li>Short of the goal: if the strongest plan falls short, every plan run that met p is
 *       refined, cheapest first, and the first that still does is the answer; only if none
 *       does is the answer {@link GoalSeekResult.Infeasible}, so that verdict never stands
 *       beside a listed plan that meets the goal.
 * </ol>
 *
 * @implNote Stateless and thread-safe; each call has its own evaluator.
 */
public final class GoalSeek {

  private GoalSeek() {}

  /**
   * Runs the goal-seek.
   *
   * @throws org.caseload.core.scenario.InvalidScenarioException if the weakest or strongest
   *     plan is not a valid scenario
   * @throws IllegalArgumentException if a target cannot be evaluated in the horizon
   * @throws UnmovableTargetException if a target short of p is not moved by any lever
   * @throws java.util.concurrent.CancellationException if cancelled
   */
  public static GoalSeekResult run(GoalSeekRequest request) {
    return run(request, null, org.caseload.sim.engine.Progress.NONE);
  }

  /**
   * Runs the goal-seek with its replications' chunks computed by {@code chunks} (the cluster;
   * null: the request's threads), with the same result to the bit. {@code progress} is told
   * the replications run so far (total 0: not known ahead).
   *
   * @throws org.caseload.core.scenario.InvalidScenarioException if the weakest or strongest
   *     plan is not a valid scenario
   * @throws IllegalArgumentException if a target cannot be evaluated in the horizon
   * @throws UnmovableTargetException if a target short of p is not moved by any lever
   * @throws java.util.concurrent.CancellationException if cancelled
   * @throws org.caseload.sim.engine.MalformedChunkException if a chunk came back unreadable
   */
  public static GoalSeekResult run(GoalSeekRequest request,
      org.caseload.sim.engine.ChunkExecutor chunks, org.caseload.sim.engine.Progress progress) {
    return new Search(request, new ReplicationRunner(request.seed(), request.threads(),
        request.cancelled(), chunks, progress)).run();
  }

  /** The index of the lever searched by bisection. */
  public static int searched(List<Lever> levers) {
    int best = 0;
    for (int i = 0; i < levers.size(); i++) {
      if (levers.get(i).kind() == Lever.Kind.POSTS) {
        return i;
      }
      if (levers.get(i).grid().size() > levers.get(best).grid().size()) {
        best = i;
      }
    }
    return best;
  }

  /** One goal-seek's state. */
  private static final class Search {
    private final GoalSeekRequest request;
    private final List<Lever> levers;
    private final int primary;
    private final int top;
    private final PlanEvaluator evaluator;
    private final Comparator<PlanEstimate> order;
    private final Map<List<Integer>, Integer> boundary = new HashMap<>();
    /**
     * Whether a stronger value never lowers the probability of meeting every target, as the
     * shortcuts assume. Not where a lever whose way the targets decide (an agency cap, agency
     * cover, a caseload cap) meets several targets: it may help one and hurt the other (a
     * lower agency cap meets an agency-rate target and misses a caseload one), so the
     * strongest plan is not the surest (a trial's Norfolk was answered "no plan" beside a cap
     * of 40 meeting both). Then every combination of the other levers is searched in full.
     */
    private final boolean monotone;
    /** Plans not ruled out that {@link #cheaperNotRuledOut} may still refine. */
    private int notRuledOutLeft = GoalSeekRequest.NOT_RULED_OUT;

    Search(GoalSeekRequest request, ReplicationRunner runner) {
      this.request = request;
      this.levers = request.levers();
      this.monotone = request.monotone();
      this.primary = searched(levers);
      this.top = levers.get(primary).grid().size() - 1;
      this.evaluator = new PlanEvaluator(request.base(), request.targets(), runner,
          request.screenReplications(), request.confidence());
      this.order = request.objective().order();
    }

    GoalSeekResult run() {
      request.checkPlans();
      Plan weakest = Plan.uniform(levers, 0);
      Plan strongest = Plan.uniform(levers, Integer.MAX_VALUE);
      checkMovable(weakest, strongest);
      PlanEstimate best = refine(strongest);
      if (!meets(best) && monotone) {
        return result(shortOfTheGoal(best));
      }
      List<List<Integer>> combinations = combinations();
      // The strongest combination first: by monotonicity no combination needs fewer steps
      // of the searched lever than it does, so its boundary is every bisection's floor.
      List<Integer> strongestCombination = combinations.get(combinations.size() - 1);
      int strongestBoundary = bisect(strongestCombination, 0);
      boundary.put(strongestCombination, strongestBoundary);
      int floor = monotone ? Math.max(strongestBoundary, 0) : 0;
      for (List<Integer> combination : combinations) {
        if (!boundary.containsKey(combination)) {
          boundary.put(combination, bisect(combination, floor));
        }
      }
      return result(refineBoundary(combinations));
    }

    private void checkMovable(Plan weakest, Plan strongest) {
      screen(weakest);
      PlanEstimate high = screen(strongest);
      for (int i = 0; i < request.targets().size(); i++) {
        double p = high.byTarget().get(i).estimate();
        if (p < request.probability() && evaluator.sameTargetValues(weakest, strongest, i)) {
          throw new UnmovableTargetException(request.targets().get(i), p);
        }
      }
    }

    /** Every setting of the levers other than the searched one, weakest first. */
    private List<List<Integer>> combinations() {
      List<List<Integer>> list = new ArrayList<>();
      list.add(new ArrayList<>(java.util.Collections.nCopies(levers.size(), 0)));
      for (int i = 0; i < levers.size(); i++) {
        if (i == primary) {
          continue;
        }
        List<List<Integer>> next = new ArrayList<>();
        for (List<Integer> partial : list) {
          for (int s = 0; s < levers.get(i).grid().size(); s++) {
            List<Integer> copy = new ArrayList<>(partial);
            copy.set(i, s);
            next.add(copy);
          }
        }
        list = next; // at most MAX_COMBINATIONS (GoalSeekRequest.checkPlans)
      }
      return list.stream().map(List::copyOf).toList();
    }

    /**
     * The fewest steps of the searched lever meeting p at screening, or -1 for none; steps
     * below {@code floor} are known not to meet it. Where the probability need not rise with
     * the lever ({@link #monotone}, and the searched lever one whose way the targets decide)
     * its steps are screened one by one instead.
     */
    private int bisect(List<Integer> combination, int floor) {
      if (!monotone && levers.get(primary).kind().stronger() == Lever.Direction.EITHER) {
        for (int step = 0; step <= top; step++) {
          if (screenMeets(plan(combination, step))) {
            return step;
          }
        }
        return -1;
      }
      int hi = top;
      boolean known = false;
      for (int i = 0; i < levers.size() && monotone; i++) {
        if (i != primary && combination.get(i) > 0) {
          List<Integer> weaker = new ArrayList<>(combination);
          weaker.set(i, combination.get(i) - 1);
          Integer bound = boundary.get(weaker);
          if (bound != null && bound >= 0 && bound <= hi) {
            hi = bound;
            known = true;
          }
        }
      }
      if (!known && !screenMeets(plan(combination, hi))) {
        return -1;
      }
      int lo = Math.min(floor, hi);
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (screenMeets(plan(combination, mid))) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return hi;
    }

    private GoalSeekResult.Answer refineBoundary(List<List<Integer>> combinations) {
      PriorityQueue<PlanEstimate> queue = new PriorityQueue<>(order);
      for (List<Integer> combination : combinations) {
        int steps = boundary.get(combination);
        if (steps >= 0) {
          queue.add(screen(plan(combination, steps)));
        }
      }
      PlanEstimate winner = null;
      while (!queue.isEmpty() && winner == null) {
        PlanEstimate next = refine(queue.poll().plan());
        if (meets(next)) {
          winner = next;
        } else if (next.plan().steps().get(primary) < top) {
          // queued whether or not it was screened already: one that met p at screening
          // (during bisection) must still be refined, or a cheaper plan is passed over
          queue.add(screen(next.plan().with(primary, next.plan().steps().get(primary) + 1)));
        }
      }
      if (winner == null) {
        return shortOfTheGoal(refine(Plan.uniform(levers, Integer.MAX_VALUE)));
      }
      return found(winner);
    }

    /**
     * The answer when the strongest plan, refined, falls short of p: "infeasible", unless a
     * plan run on the way met p. That happens when a stronger value lowers the probability
     * (the targets are not monotone in a lever: a caseload cap raised against a caseload
     * target, posts against a vacancy-rate target) or when a weaker plan's estimate from
     * fewer replications is above p by chance. Each such plan is refined, cheapest first; the
     * first that still meets p is the answer (moved to any cheaper one-step-weaker plan that
     * also does), so "infeasible" never stands beside a listed plan that meets the goal.
     */
    private GoalSeekResult.Answer shortOfTheGoal(PlanEstimate strongest) {
      List<PlanEstimate> meeting = new ArrayList<>(evaluator.all().stream()
          .filter(this::meets).toList());
      meeting.sort(order);
      for (PlanEstimate candidate : meeting) {
        PlanEstimate refined = refine(candidate.plan());
        if (meets(refined)) {
          return found(refined);
        }
      }
      // The best is the strongest plan unless a plan run on the way is more probable once
      // refined as far (where a stronger value hurts a target), then the most probable (the
      // cheapest of equals): the strongest says "even every lever at its strongest falls
      // short". Refined first, as a plan's first look (fewer replications) may be high by chance.
      PlanEstimate best = strongest;
      List<PlanEstimate> challengers = new ArrayList<>(evaluator.all().stream()
          .filter(e -> e.probability() > strongest.probability()).toList());
      challengers.sort(order);
      for (PlanEstimate challenger : challengers) {
        PlanEstimate e = refine(challenger.plan());
        if (e.probability() > best.probability() || (best != strongest
            && e.probability() == best.probability() && order.compare(e, best) < 0)) {
          best = e;
        }
      }
      return new GoalSeekResult.Infeasible(best, request.targets().get(best.binding()));
    }

    /**
     * The winner, moved to any cheaper one-step-weaker plan that also meets p, to any
     * cheaper plan run on the way that is at least as strong on every lever
     * ({@link #cheaperAndStronger}), and to any cheaper plan run whose look did not rule it
     * out ({@link #cheaperNotRuledOut}), until none moves it.
     */
    private GoalSeekResult.Answer found(PlanEstimate start) {
      PlanEstimate winner = start;
      List<PlanEstimate> cheaper;
      while (true) {
        cheaper = new ArrayList<>();
        PlanEstimate better = null;
        for (int i = 0; i < levers.size(); i++) {
          int step = winner.plan().steps().get(i);
          if (step > 0) {
            PlanEstimate weaker = refine(winner.plan().with(i, step - 1));
            cheaper.add(weaker);
            if (meets(weaker) && order.compare(weaker, winner) < 0
                && (better == null || order.compare(weaker, better) < 0)) {
              better = weaker;
            }
          }
        }
        if (better == null) {
          better = cheaperAndStronger(winner);
        }
        if (better == null) {
          better = cheaperNotRuledOut(winner);
        }
        if (better == null) {
          break;
        }
        winner = better;
      }
      return new GoalSeekResult.Found(winner, evaluator.extraCost(winner.plan()),
          winner.meetsAll().lower() > request.probability(), cheaper);
    }

    /**
     * A plan run on the way that is at least as strong as {@code winner} on every lever, yet
     * cheaper, and still meets p once refined (cheapest first), or null. The search takes a
     * weaker plan for a cheaper one; where a stronger value costs less (a lower agency cap
     * against an agency-rate target saves the agency spend) a stronger plan can be both, and
     * it meets the goal whenever the winner does.
     */
    private PlanEstimate cheaperAndStronger(PlanEstimate winner) {
      return firstCheaperMeeting(winner, e -> atLeastAsStrong(e.plan(), winner.plan()), false);
    }

    /**
     * A plan run on the way that is cheaper than {@code winner} and whose interval still
     * reached p where it was last looked at, so that its look did not rule it out, and that
     * meets p once refined (cheapest first), or null. Screening decides a boundary from few
     * replications: the step below a combination's boundary may fall just short by chance,
     * and another combination's plan so passed over can be cheaper than the answer (an outside
     * analyst's Medway search answered east +20, west +15 beside east +15, west +20, £97
     * cheaper and meeting p once refined). A plan whose interval lay wholly below p
     * stays ruled out. At most {@link GoalSeekRequest#NOT_RULED_OUT} plans a search are
     * refined so, cheapest first, so that its work stays within what it planned
     * ({@link GoalSeekRequest#replicationsPlanned}).
     */
    private PlanEstimate cheaperNotRuledOut(PlanEstimate winner) {
      return firstCheaperMeeting(winner,
          e -> !(e.meetsAll().upper() < request.probability()), true);
    }

    /**
     * Of the plans run on the way that are {@code eligible} and cheaper than {@code winner},
     * cheapest first, the first that meets p and is still cheaper once refined, or null;
     * where {@code counted}, refining a plan not yet refined to the most replications uses
     * one of {@link #notRuledOutLeft}, and none is refined once they are used.
     */
    private PlanEstimate firstCheaperMeeting(PlanEstimate winner,
        java.util.function.Predicate<PlanEstimate> eligible, boolean counted) {
      List<PlanEstimate> candidates = new ArrayList<>(evaluator.all().stream()
          .filter(e -> order.compare(e, winner) < 0 && eligible.test(e))
          .toList());
      candidates.sort(order);
      for (PlanEstimate candidate : candidates) {
        if (counted && candidate.replications() < request.maxReplications()
            && !candidate.meetsAll().decided(request.probability())) {
          if (notRuledOutLeft <= 0) {
            return null;
          }
          notRuledOutLeft--;
        }
        PlanEstimate refined = refine(candidate.plan());
        if (meets(refined) && order.compare(refined, winner) < 0) {
          return refined;
        }
      }
      return null;
    }

    private static boolean atLeastAsStrong(Plan plan, Plan than) {
      for (int i = 0; i < plan.steps().size(); i++) {
        if (plan.steps().get(i) < than.steps().get(i)) {
          return false;
        }
      }
      return true;
    }

    private Plan plan(List<Integer> combination, int steps) {
      List<Integer> list = new ArrayList<>(combination);
      list.set(primary, steps);
      return Plan.of(levers, list);
    }

    private PlanEstimate screen(Plan plan) {
      return evaluator.estimate(plan, request.screenReplications());
    }

    private boolean screenMeets(Plan plan) {
      return meets(screen(plan));
    }

    private boolean meets(PlanEstimate estimate) {
      return estimate.probability() >= request.probability();
    }

    /** Runs on, look by look (doubling), until the interval excludes p or the last look. */
    private PlanEstimate refine(Plan plan) {
      PlanEstimate estimate = null;
      for (int n : request.looks()) {
        estimate = evaluator.estimate(plan, n);
        if (estimate.meetsAll().decided(request.probability())) {
          break;
        }
      }
      return estimate;
    }

    private GoalSeekResult result(GoalSeekResult.Answer answer) {
      List<PlanEstimate> all = new ArrayList<>(evaluator.all());
      all.sort(order);
      return new GoalSeekResult(request, answer, all, primary, evaluator.replicationsRun());
    }
  }
}
