package org.caseload.sim.engine;

import java.util.List;
import java.util.Locale;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.SnapshotMetric;
import org.caseload.core.metrics.TeamMetric;
import org.caseload.core.scenario.Scenario;

/**
 * The memory a run's or a comparison's summaries hold while it runs, estimated before it
 * starts, so that a request too large for the heap is refused with the reason instead of
 * running the process out of memory (which stops a server and every run in it).
 *
 * <p>A scenario keeps a tally a month per metric (and per local team and team metric), one a
 * 30 September snapshot per snapshot metric, one a plan year for cost and one over the
 * horizon ({@link Outcomes}); a comparison adds, per variant, a tally a month per metric of
 * the paired difference and its cost tallies ({@link Paired}). There is a set of them per
 * thread, one more in flight and the total ({@link ChunkedRunner}): threads + 2 sets, or 2
 * on one thread. A tally's bins grow with the replications, and a difference's (values of
 * both signs, some near zero) faster. Measured (live heap after a full collection, 2 threads,
 * Medway with 8 more assessment posts): outcome tallies about 3.3 KiB each at 20,000
 * replications over 120 months; difference tallies about 4 KiB at 8,000 over 36 months and
 * 8.6 KiB over 120. The estimate takes, with R replications, {@value #OUTCOME_KIB} KiB +
 * {@value #OUTCOME_KIB_PER_DOUBLING} KiB per doubling of R over 1,000 for an outcome tally and
 * {@value #DIFFERENCE_KIB} KiB + {@value #DIFFERENCE_KIB_PER_DOUBLING} KiB per doubling for a
 * difference: 1.3 to 2 times what was measured (the whole comparison at 40,000 replications
 * over 120 months: 377 MB live against an estimate of 535 MB).
 *
 * @implNote Stateless and thread-safe.
 */
public final class SummaryMemory {

  static final double OUTCOME_KIB = 3;
  static final double OUTCOME_KIB_PER_DOUBLING = 0.5;
  static final double DIFFERENCE_KIB = 8;
  static final double DIFFERENCE_KIB_PER_DOUBLING = 1;

  private SummaryMemory() {}

  /**
   * What a process gives one run's summaries: {@code bytes}, with runs on {@code threads}
   * threads.
   */
  public record Budget(long bytes, int threads) {

    /**
     * 60% of this process's heap limit shared by {@code runsAtOnce} runs, the rest left for
     * everything else the process holds.
     */
    public static Budget of(int runsAtOnce, int threads) {
      return new Budget(Runtime.getRuntime().maxMemory() / 10 * 6 / runsAtOnce, threads);
    }
  }

  /** A run or comparison whose summaries would not fit its budget. */
  public static final class TooLargeException extends IllegalStateException {
    private final long estimate;
    private final long budget;

    TooLargeException(long estimate, long budget) {
      super(String.format(Locale.ROOT, "its summaries would take about %,d MiB of memory while"
          + " it runs, more than the %,d MiB this process gives a run: ask for fewer months,"
          + " variants, local teams or replications", mib(estimate), mib(budget)));
      this.estimate = estimate;
      this.budget = budget;
    }

    /** The estimate, in bytes. */
    public long estimate() {
      return estimate;
    }

    /** The budget it is over, in bytes. */
    public long budget() {
      return budget;
    }
  }

  private static long mib(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }

  /** The bytes a run of {@code scenario} holds in summaries, at most. */
  public static long run(Scenario scenario, long replications, int threads) {
    return sets(replications, threads) * outcomes(scenario) * outcomeBytes(replications);
  }

  /** The bytes a comparison of {@code baseline} with {@code variants} holds in summaries. */
  public static long comparison(Scenario baseline, List<Scenario> variants, long replications,
      int threads) {
    long outcomes = outcomes(baseline);
    for (Scenario variant : variants) {
      outcomes += outcomes(variant);
    }
    return sets(replications, threads) * (outcomes * outcomeBytes(replications)
        + differences(baseline, variants.size()) * differenceBytes(replications));
  }

  /** The tallies of {@code variants} paired differences with {@code baseline} ({@link Paired}). */
  static long differences(Scenario baseline, int variants) {
    int months = baseline.horizonMonths();
    return variants * ((long) months * Metric.COUNT + CostTotals.years(months) + 1);
  }

  /**
   * Checks an estimate against a budget.
   *
   * @throws TooLargeException if it is over
   */
  public static void require(long estimate, Budget budget) {
    if (estimate > budget.bytes()) {
      throw new TooLargeException(estimate, budget.bytes());
    }
  }

  /** The tallies of one scenario's outcomes ({@link Outcomes}). */
  static long outcomes(Scenario scenario) {
    int months = scenario.horizonMonths();
    int teams = scenario.hasLocalTeams() ? scenario.teams().size() : 0;
    long monthly = (long) months * TeamMetric.rowWidth(teams);
    long snapshots = (long) Outcomes.snapshotMonths(scenario).length * SnapshotMetric.COUNT;
    return monthly + snapshots + CostTotals.years(months) + 1;
  }

  /** Sets of tallies held at once: the total, one per thread and one more in flight. */
  private static long sets(long replications, int threads) {
    long chunks = (replications + RunOptions.CHUNK - 1) / RunOptions.CHUNK;
    long running = Math.min(threads, chunks);
    return running <= 1 ? 2 : running + 2;
  }

  static long outcomeBytes(long replications) {
    return kib(OUTCOME_KIB, OUTCOME_KIB_PER_DOUBLING, replications);
  }

  static long differenceBytes(long replications) {
    return kib(DIFFERENCE_KIB, DIFFERENCE_KIB_PER_DOUBLING, replications);
  }

  private static long kib(double base, double perDoubling, long replications) {
    double doublings = Math.max(0, Math.log(replications / 1000.0) / Math.log(2));
    return (long) Math.ceil((base + perDoubling * doublings) * 1024);
  }
}
