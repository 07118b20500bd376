package org.caseload.sim.sweep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.engine.ChunkExecutor;
import org.caseload.sim.engine.Comparison;
import org.caseload.sim.engine.ComparisonResult;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.engine.RunOptions;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.engine.SummaryMemory;
import org.caseload.sim.output.CsvNumbers;

/**
 * A sweep's grid points run against its base (the scenario the grid is applied to) on common
 * random numbers, as {@code caseload compare} runs variants against a baseline: each point is
 * a variant of a {@link Comparison} whose baseline is the base, so replication r of the point
 * and of the base draw from the same streams and the point's paired difference (point - base)
 * by month and metric, with its 95% interval, is the comparison's own
 * ({@link ComparisonResult.Difference}: the interval is {@link
 * org.caseload.sim.summary.Summary#ci95}, the one formula).
 *
 * <p>The base is simulated once a pass, not once a sweep: a pass compares it with up to
 * {@link #MAX_PASS} points at once, fewer when their summaries would not fit the memory a run
 * may take ({@link SummaryMemory#comparison}; every point's at once, about 14 MiB a point over
 * 36 months for each thread and two more, would not fit a grid of hundreds), so a sweep of P points simulates
 * P + ceil(P / 16) scenarios' replications at most, not 2P. Which points share a pass changes
 * the time only, never a byte: a point's figures and differences come from replications 0, 1,
 * ... of the one seed, merged in chunk order, whichever points it runs with (chunks are of a
 * fixed size), and its figures are those it has when run alone ({@link MonteCarlo#run}).
 *
 * <p>A point with another horizon or base date than the base (an axis on {@code
 * horizonMonths} or {@code baseDate}) has no month-by-month pairing with it: it runs alone
 * and has no differences ({@link Unpaired}).
 *
 * @implNote Stateless and thread-safe.
 */
public final class PairedGrid {

  /** The most points compared with the base in one pass. */
  public static final int MAX_PASS = 16;

  /**
   * The columns a sweep's CSV appends after the run's: the paired difference, its 95% interval
   * and the pairs it is of (those where both have a value).
   */
  public static final String HEADER = "difference,differenceCi95Low,differenceCi95High,"
      + "differenceN";

  /**
   * Bytes the columns of {@link #HEADER} add to a CSV row, for the CSV's size estimate
   * ({@link AllCouncils#tooLarge}): measured 22 on average (Medway 2019, 36 months, every
   * metric, 1,000 replications, 0 to 8 more assessment posts), the longest 42, before the
   * pairs' count was added (5 bytes more at 1,000 replications, 7 at 100,000).
   */
  public static final int ROW_BYTES = 30;

  private PairedGrid() {}

  /** A grid point's results. */
  public sealed interface Point permits Paired, Unpaired {
    /** The point's run: what it gives run alone. */
    RunResult result();
  }

  /** A point run against the base: its run and its paired differences from the base. */
  public record Paired(ComparisonResult.Variant variant) implements Point {
    @Override
    public RunResult result() {
      return variant.result();
    }
  }

  /** A point with another horizon or base date than the base: its run alone. */
  public record Unpaired(RunResult result) implements Point {}

  /**
   * Whether {@code point} can be paired with {@code base}: it has the base's horizon and base
   * date (as a comparison's variants must).
   */
  public static boolean pairs(Scenario base, Scenario point) {
    return point.horizonMonths() == base.horizonMonths()
        && point.baseDate().equals(base.baseDate());
  }

  /**
   * The passes a sweep of {@code points} against {@code base} with {@code options} runs: the
   * indexes of the points paired, in order, grouped as they run with the base.
   */
  public static List<List<Integer>> passes(Scenario base, List<Scenario> points,
      RunOptions options) {
    return passes(base, points, options, MAX_PASS);
  }

  /** As {@link #passes(Scenario, List, RunOptions)}, with at most {@code most} points a pass. */
  static List<List<Integer>> passes(Scenario base, List<Scenario> points, RunOptions options,
      int most) {
    List<List<Integer>> passes = new ArrayList<>();
    List<Integer> pass = new ArrayList<>();
    List<Scenario> scenarios = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      Scenario point = points.get(i);
      if (!pairs(base, point)) {
        continue;
      }
      scenarios.add(point);
      boolean fits = SummaryMemory.comparison(base, scenarios, options.replications(),
          options.threads()) <= options.summaryBytes();
      if (!pass.isEmpty() && (pass.size() == most || !fits)) {
        passes.add(List.copyOf(pass));
        pass.clear();
        scenarios.clear();
        scenarios.add(point);
      }
      pass.add(i);
    }
    if (!pass.isEmpty()) {
      passes.add(List.copyOf(pass));
    }
    return passes;
  }

  /**
   * The scenarios whose replications a sweep simulates, for the estimate of its time: every
   * point once and the base once a pass.
   */
  public static List<Scenario> simulated(Scenario base, List<Scenario> points,
      RunOptions options) {
    List<Scenario> all = new ArrayList<>(points);
    passes(base, points, options).forEach(pass -> all.add(base));
    return all;
  }

  /**
   * Runs every point of {@code points} (the base's horizon and base date: against it) and gives
   * each to {@code each} with its index, in order; chunks are computed by {@code executor}
   * (another process or machine), or here when it is null, with the same bytes.
   *
   * @throws org.caseload.core.scenario.InvalidScenarioException if a scenario has problems
   * @throws SummaryMemory.TooLargeException if a point's comparison would not fit even on one
   *     thread
   * @throws java.util.concurrent.CancellationException if cancelled
   */
  public static void run(Scenario base, List<Scenario> points, RunOptions options,
      ChunkExecutor executor, ObjIntConsumer<Point> each) {
    run(base, points, options, executor, MAX_PASS, each);
  }

  /** As {@link #run(Scenario, List, RunOptions, ChunkExecutor, ObjIntConsumer)}, passes of {@code most}. */
  static void run(Scenario base, List<Scenario> points, RunOptions options,
      ChunkExecutor executor, int most, ObjIntConsumer<Point> each) {
    List<List<Integer>> passes = passes(base, points, options, most);
    Map<Integer, Point> ready = new HashMap<>();
    int next = 0;
    for (int i = 0; i < points.size(); i++) {
      Point point;
      if (!pairs(base, points.get(i))) {
        point = new Unpaired(MonteCarlo.run(points.get(i), options, List.of(), executor));
      } else {
        if (!ready.containsKey(i)) {
          // the pass holding this point, the next: passes are in the points' order
          List<Integer> pass = passes.get(next++);
          ComparisonResult result = Comparison.run(base,
              pass.stream().map(points::get).toList(), options, true, List.of(), executor);
          for (int p = 0; p < pass.size(); p++) {
            ready.put(pass.get(p), new Paired(result.variants().get(p)));
          }
        }
        point = ready.remove(i);
      }
      each.accept(point, i);
    }
  }

  /**
   * Appends the cells of {@link #HEADER} for {@code metric} at {@code month} of {@code point},
   * each after a comma: the mean paired difference and its 95% interval, as {@code caseload
   * compare}'s {@code difference, ci95Low, ci95High, differenceN}; empty for an {@link Unpaired}
   * point.
   */
  public static void cells(StringBuilder out, Point point, int month, Metric metric) {
    if (point instanceof Paired paired) {
      ComparisonResult.Difference d = paired.variant().difference(month, metric);
      out.append(',').append(CsvNumbers.format(d.summary().mean()))
          .append(',').append(CsvNumbers.format(d.lower95()))
          .append(',').append(CsvNumbers.format(d.upper95()))
          .append(',').append(d.summary().n());
    } else {
      out.append(",,,,");
    }
  }
}
