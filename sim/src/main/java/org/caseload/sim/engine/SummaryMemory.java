package org.caseload.sim.engine;

import java.util.List;
import java.util.Locale;
import java.util.function.IntToLongFunction;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.SnapshotMetric;
import org.caseload.core.metrics.TeamMetric;
import org.caseload.core.scenario.Scenario;

/**
 * The memory a run's or a comparison's summaries hold while it runs, estimated before it
 * starts, so that a run too large for the heap runs on fewer threads (the same results) or,
 * if even one thread is too many, is refused with the reason instead of running the process
 * out of memory (which stops a server and every run in it).
 *
 * <p>A scenario keeps a tally a month per metric (and per local team and team metric), one a
 * 30 September snapshot per snapshot metric, one a plan year for cost and one over the
 * horizon ({@link Outcomes}); a comparison adds, per variant, a tally a month per metric of
 * the paired difference and its cost tallies ({@link Paired}). There is a set of them per
 * thread, one more in flight and the total ({@link ChunkedRunner}): threads + 2 sets, or 2
 * on one thread; a chunk's set is cleared and reused, and keeps the bins it grew, so it
 * costs about what the total does. A tally's bins grow with the replications, and a
 * difference's (values of both signs, some near zero) faster.
 *
 * <p>Measured (live heap after a full collection, Medway with 8 more assessment posts): over
 * 36 months at 8,000 replications 51 MB on 1 thread, 79 MB on 2 and 288 MB on 16; over 120
 * months 326 MB at 8,000 replications and 377 MB at 40,000 (2 threads). The estimate takes,
 * with R replications, {@value #OUTCOME_KIB} KiB + {@value #OUTCOME_KIB_PER_DOUBLING} KiB per
 * doubling of R over 1,000 for an outcome tally and {@value #DIFFERENCE_KIB} KiB +
 * {@value #DIFFERENCE_KIB_PER_DOUBLING} KiB per doubling for a difference: about 1.1 to 1.7
 * times those measurements, the process's own 12 MB taken off (SummaryMemoryTest).
 *
 * @implNote Stateless and thread-safe.
 */
public final class SummaryMemory {

  static final double OUTCOME_KIB = 2.5;
  static final double OUTCOME_KIB_PER_DOUBLING = 0.4;
  static final double DIFFERENCE_KIB = 6;
  static final double DIFFERENCE_KIB_PER_DOUBLING = 0.8;

  private SummaryMemory() {}

  /** What a process gives its runs' summaries unless told otherwise: 60% of its heap limit. */
  public static long defaultBudget() {
    return Runtime.getRuntime().maxMemory() / 10 * 6;
  }

  /**
   * The heap limit, in whole GiB, whose default budget ({@link #defaultBudget}) holds
   * {@code bytes}: what to give Java for a run of that estimate. The JVM reports a little
   * less than -Xmx as its limit (96.7% of 4 GiB under the serial collector), so the budget is
   * taken as 57% of -Xmx.
   */
  public static long heapGibFor(long bytes) {
    return Math.max(1, (long) Math.ceil(bytes / 0.57 / (1L << 30)));
  }

  /** A run or comparison whose summaries would not fit its budget even on one thread. */
  public static final class TooLargeException extends IllegalStateException {
    private final long estimate;
    private final long budget;

    TooLargeException(long estimate, long budget) {
      super(String.format(Locale.ROOT, "its summaries would take about %,d MiB of memory while"
          + " it runs, even on one thread, more than the %,d MiB this process gives a run: ask"
          + " for fewer months, variants, local teams or replications", mib(estimate),
          mib(budget)));
      this.estimate = estimate;
      this.budget = budget;
    }

    /** The estimate on one thread, in bytes. */
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

  /** The bytes a run of {@code scenario} on {@code threads} threads holds in summaries. */
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

  /**
   * {@code options} on the most threads, at most theirs, whose summaries fit
   * {@link RunOptions#summaryBytes()}, {@code estimate} giving the bytes on a number of
   * threads.
   *
   * @throws TooLargeException if they do not fit even on one thread
   */
  static RunOptions fitted(RunOptions options, IntToLongFunction estimate) {
    for (int threads = options.threads(); threads >= 1; threads--) {
      if (estimate.applyAsLong(threads) <= options.summaryBytes()) {
        return threads == options.threads() ? options : options.withThreads(threads);
      }
    }
    throw new TooLargeException(estimate.applyAsLong(1), options.summaryBytes());
  }

  /**
   * Checks an estimate on one thread against a budget.
   *
   * @throws TooLargeException if it is over
   */
  public static void require(long estimateOnOneThread, long budget) {
    if (estimateOnOneThread > budget) {
      throw new TooLargeException(estimateOnOneThread, budget);
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

  /** The tallies of {@code variants} paired differences with {@code baseline} ({@link Paired}). */
  static long differences(Scenario baseline, int variants) {
    int months = baseline.horizonMonths();
    return variants * ((long) months * Metric.COUNT + CostTotals.years(months) + 1);
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
