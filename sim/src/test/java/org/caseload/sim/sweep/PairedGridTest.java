package org.caseload.sim.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.Trajectory;
import org.caseload.core.scenario.Intervention;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.engine.ComparisonResult;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.engine.RunOptions;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.output.RunCsv;
import org.caseload.sim.presets.Presets;
import org.junit.jupiter.api.Test;

/**
 * A sweep's grid points against its base: the paired differences are the comparison's, checked
 * against the replications re-run one by one; the base's own point differs by exactly zero;
 * the points' figures are those of their runs alone; and the bytes depend neither on the
 * thread count nor on how the points are grouped into passes with the base.
 */
class PairedGridTest {

  /** The calibrated preset (Medway 2019), over a year. */
  private static final Scenario BASE = Presets.load("medway-2019").orElseThrow()
      .withHorizon(12);

  private static Scenario posts(double fte) {
    return BASE.withInterventions(List.of(new Intervention.Posts(1, null, "assessment", fte)));
  }

  private static RunOptions options(long replications, long seed, int threads) {
    return RunOptions.builder().replications(replications).seed(seed).threads(threads).build();
  }

  /** Every point's results, in order, and checks they arrive in order. */
  private static List<PairedGrid.Point> run(Scenario base, List<Scenario> points,
      RunOptions options, int most) {
    List<PairedGrid.Point> out = new ArrayList<>();
    PairedGrid.run(base, points, options, null, most, (point, i) -> {
      assertThat(i).isEqualTo(out.size());
      out.add(point);
    });
    return out;
  }

  /** The rows a sweep writes for the points (every metric), as SweepCommand writes them. */
  private static String csv(List<PairedGrid.Point> points) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < points.size(); i++) {
      for (RunResult.MonthSummary month : points.get(i).result().monthly()) {
        for (Metric m : Metric.values()) {
          out.append(i + 1).append(',');
          RunCsv.cells(out, "month", month.month(), month.date().toString(), m.name(),
              month.get(m));
          PairedGrid.cells(out, points.get(i), month.month(), m);
          out.append('\n');
        }
      }
    }
    return out.toString();
  }

  /**
   * The paired difference is the mean of the replications' own differences, each replication
   * of the point and of the base re-run alone ({@link MonteCarlo#replicate}), and its interval
   * is Student's t with n - 1 degrees of freedom times their standard error, computed here
   * from those differences. Exact arithmetic, no chance involved: the tolerances are for the
   * order of floating-point sums (Welford merged by chunks against a plain sum).
   */
  @Test
  void pairedDifference_isTheMeanOfTheReplicationsDifferences_reRunOneByOne() {
    long seed = 11;
    int n = 130; // three chunks, the last part-filled
    List<Scenario> points = List.of(posts(3), posts(8));
    List<PairedGrid.Point> results = run(BASE, points, options(n, seed, 2), PairedGrid.MAX_PASS);
    double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
    for (int p = 0; p < points.size(); p++) {
      assertThat(results.get(p)).isInstanceOf(PairedGrid.Paired.class);
      ComparisonResult.Variant variant = ((PairedGrid.Paired) results.get(p)).variant();
      double[][][] differences = new double[n][][];
      for (int r = 0; r < n; r++) {
        Trajectory base = MonteCarlo.replicate(BASE, seed, r);
        Trajectory point = MonteCarlo.replicate(points.get(p), seed, r);
        differences[r] = new double[BASE.horizonMonths() + 1][Metric.COUNT];
        for (int month = 1; month <= BASE.horizonMonths(); month++) {
          for (Metric m : Metric.values()) {
            differences[r][month][m.ordinal()] = point.value(month, m) - base.value(month, m);
          }
        }
      }
      int checked = 0;
      for (int month = 1; month <= BASE.horizonMonths(); month++) {
        for (Metric m : Metric.values()) {
          double sum = 0;
          for (int r = 0; r < n; r++) {
            sum += differences[r][month][m.ordinal()];
          }
          double mean = sum / n;
          double squares = 0;
          for (int r = 0; r < n; r++) {
            double d = differences[r][month][m.ordinal()] - mean;
            squares += d * d;
          }
          double half = t * Math.sqrt(squares / (n - 1) / n);
          ComparisonResult.Difference d = variant.difference(month, m);
          double scale = 1e-9 * Math.max(1, Math.abs(mean) + half);
          assertThat(d.summary().mean()).as("%s at month %d", m, month)
              .isCloseTo(mean, within(scale));
          assertThat(d.lower95()).as("%s at month %d", m, month)
              .isCloseTo(mean - half, within(scale));
          assertThat(d.upper95()).as("%s at month %d", m, month)
              .isCloseTo(mean + half, within(scale));
          if (half > 0) {
            checked++;
          }
        }
      }
      assertThat(checked).as("differences with some spread").isGreaterThan(100);
    }
  }

  /**
   * A point's figures are those of its run alone: the sweep's columns before the differences
   * keep their meaning and bytes.
   */
  @Test
  void pointsFigures_areThoseOfTheirRunsAlone() {
    RunOptions options = options(100, 3, 2);
    List<Scenario> points = List.of(posts(2), posts(5));
    List<PairedGrid.Point> results = run(BASE, points, options, PairedGrid.MAX_PASS);
    for (int p = 0; p < points.size(); p++) {
      assertThat(RunCsv.write(results.get(p).result()))
          .isEqualTo(RunCsv.write(MonteCarlo.run(points.get(p), options, List.of())));
    }
  }

  /**
   * Eight more assessment posts move cost and caseloads much the same way in every
   * replication, so the paired interval is far narrower than the one an analyst would take
   * from the two points' own means, Student's t half-widths combined as for independent means
   * (sqrt(h1^2 + h2^2)). With this seed the ratio at month 12 is 12.8 for cost and 13.5 for
   * caseload; over seeds 1 to 20 (200 replications each) 11.2 to 13.6 for cost and 11.4 to
   * 13.8 for caseload, mean 12.7 and 12.5, standard deviation about 0.6. The test asks for 5:
   * more than 12 standard deviations below the mean, so a seed failing it has probability
   * below 1e-9 (normal tails); with the fixed seed it is a deterministic check.
   */
  @Test
  void pairedInterval_isFarNarrowerThanTheUnpairedOne_forALeverWithStrongCommonNumbers() {
    List<PairedGrid.Point> results = run(BASE, List.of(BASE, posts(8)), options(200, 7, 2),
        PairedGrid.MAX_PASS);
    RunResult base = results.get(0).result();
    PairedGrid.Point point = results.get(1);
    for (Metric m : List.of(Metric.cost, Metric.caseload)) {
      ComparisonResult.Difference d = ((PairedGrid.Paired) point).variant().difference(12, m);
      double paired = (d.upper95() - d.lower95()) / 2;
      double unpaired = Math.hypot(base.summary(12, m).halfWidth95(),
          point.result().summary(12, m).halfWidth95());
      System.out.printf("unpaired / paired half-width of %s at month 12: %.1f%n", m,
          unpaired / paired);
      assertThat(unpaired / paired).as(m.name()).isGreaterThan(5);
      // the same difference, estimated either way
      double means = point.result().summary(12, m).mean() - base.summary(12, m).mean();
      assertThat(d.summary().mean()).isCloseTo(means, within(1e-9 * Math.abs(means)));
    }
  }

  /**
   * A grid point equal to the base (here the base itself, and the base with a setting that
   * changes nothing) differs from it by exactly zero in every replication: difference 0 and an
   * interval of zero width, in every month and metric.
   */
  @Test
  void pointEqualToTheBase_differsByExactlyZero_withAZeroWidthInterval() {
    List<PairedGrid.Point> results = run(BASE, List.of(BASE, posts(0), posts(1)),
        options(100, 5, 2), PairedGrid.MAX_PASS);
    for (int p = 0; p < 2; p++) {
      ComparisonResult.Variant variant = ((PairedGrid.Paired) results.get(p)).variant();
      for (int month = 1; month <= BASE.horizonMonths(); month++) {
        for (Metric m : Metric.values()) {
          ComparisonResult.Difference d = variant.difference(month, m);
          assertThat(d.summary().mean()).isZero();
          assertThat(d.lower95()).isZero();
          assertThat(d.upper95()).isZero();
        }
      }
    }
    assertThat(csv(results).lines().filter(l -> !l.startsWith("3,"))
        .allMatch(l -> l.endsWith(",100,0,0,0,100"))).isTrue();
    // and a point that changes something does not
    ComparisonResult.Difference one = ((PairedGrid.Paired) results.get(2)).variant()
        .difference(12, Metric.establishmentFte);
    assertThat(one.summary().mean()).isEqualTo(1.0);
  }

  /**
   * The same seed gives the same bytes whatever the thread count and however the points are
   * grouped with the base (one a pass, two, or all in one), a point of another horizon among
   * them run alone with empty difference cells.
   */
  @Test
  void sameBytes_forAnyThreadCountAndAnyPasses() {
    List<Scenario> points = List.of(posts(0), posts(4), BASE.withHorizon(6), posts(8),
        posts(2));
    String reference = csv(run(BASE, points, options(150, 9, 1), 1));
    assertThat(reference.lines().filter(l -> l.startsWith("3,")))
        .isNotEmpty().allMatch(l -> l.endsWith(",,,"));
    assertThat(reference.lines().filter(l -> !l.startsWith("3,")))
        .noneMatch(l -> l.endsWith(",,,"));
    assertThat(csv(run(BASE, points, options(150, 9, 3), 1))).isEqualTo(reference);
    assertThat(csv(run(BASE, points, options(150, 9, 1), 2))).isEqualTo(reference);
    assertThat(csv(run(BASE, points, options(150, 9, 3), PairedGrid.MAX_PASS)))
        .isEqualTo(reference);
  }

  @Test
  void passes_holdThePairedPointsInOrder_theBaseOnceAPass() {
    List<Scenario> points = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      points.add(i == 7 ? BASE.withHorizon(6) : posts(i));
    }
    RunOptions options = options(100, 1, 1);
    List<List<Integer>> passes = PairedGrid.passes(BASE, points, options);
    assertThat(passes.stream().flatMap(List::stream).toList())
        .isEqualTo(java.util.stream.IntStream.range(0, 20).filter(i -> i != 7).boxed().toList());
    assertThat(passes).allMatch(p -> p.size() <= PairedGrid.MAX_PASS);
    assertThat(PairedGrid.simulated(BASE, points, options)).hasSize(20 + passes.size());
    // a budget that holds one point's comparison and no more: a pass a point
    long one = org.caseload.sim.engine.SummaryMemory.comparison(BASE, List.of(posts(1)), 100, 1);
    RunOptions tight = RunOptions.builder().replications(100).seed(1).threads(1)
        .summaryBytes(one).build();
    assertThat(PairedGrid.passes(BASE, points, tight)).hasSize(19).allMatch(p -> p.size() == 1);
  }
}
