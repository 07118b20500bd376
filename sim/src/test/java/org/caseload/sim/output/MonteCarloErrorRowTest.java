package org.caseload.sim.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.Trajectory;
import org.caseload.core.metrics.Unit;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.engine.RunOptions;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.presets.Presets;
import org.junit.jupiter.api.Test;

/**
 * The {@code ±} rows under a run's last month against an exact computation from every
 * replication re-run alone, each the largest over the months shown (1, then every third, to
 * 36): the mean's error is Student's t (n - 1 degrees of freedom) times the sample sd over
 * sqrt(n); a band end's is the larger distance from the exact nearest-rank percentile to an
 * end of its order-statistic 95% interval ({@link ExactIntervals#percentileReach}), within
 * what the summary's sketch may have moved the three values (none for whole numbers to
 * 1,024); a share above
 * zero's is the longer side of its 95% Clopper-Pearson interval from commons-math3's beta
 * quantiles. Deterministic (fixed seed): no false-failure probability.
 */
class MonteCarloErrorRowTest {

  private static final int REPLICATIONS = 400;
  private static final int MONTHS = 36; // the preset's horizon

  @Test
  void errorRows_areTheLargestExactStandardErrorsOfTheMonthsShown() {
    Scenario medway = Presets.load("medway-2019").orElseThrow();
    assertThat(medway.horizonMonths()).isEqualTo(MONTHS);
    RunResult run = MonteCarlo.run(medway, RunOptions.builder().replications(REPLICATIONS)
        .seed(7).build(), List.of());
    List<String> lines = RunTable.write(run).lines().toList();
    int row = lines.indexOf(lines.stream().filter(l -> l.startsWith("    ±")).findFirst()
        .orElseThrow());
    List<Integer> shown = IntStream.rangeClosed(1, MONTHS).filter(m -> m == 1 || m % 3 == 0)
        .boxed().toList();
    List<RunResult.MonthSummary> shownSummaries = run.monthly().stream()
        .filter(m -> shown.contains(m.month())).toList();
    List<Boolean> shares = RunTable.COLUMNS.stream()
        .map(m -> RunTable.mostlyZero(m, shownSummaries)).toList();
    assertThat(shares).as("unallocated cases have a P(>0) column").contains(true);
    String[] means = lines.get(row).trim().split("\\s+");
    String[] bands = lines.get(row + 1).trim().split("\\s+");
    assertThat(means).hasSize(1 + RunTable.COLUMNS.size()
        + (int) shares.stream().filter(x -> x).count());
    assertThat(bands).hasSize(RunTable.COLUMNS.size());

    Trajectory[] all = new Trajectory[REPLICATIONS];
    for (int r = 0; r < REPLICATIONS; r++) {
      all[r] = MonteCarlo.replicate(medway, 7, r);
    }
    double t = new TDistribution(null, REPLICATIONS - 1).inverseCumulativeProbability(0.975);
    int cell = 1;
    for (int i = 0; i < RunTable.COLUMNS.size(); i++) {
      Metric m = RunTable.COLUMNS.get(i);
      double meanError = 0;
      double low = 0;
      double high = 0;
      double shareError = 0;
      double sketch = 0;
      for (int month : shown) {
        double[] values = Arrays.stream(all).mapToDouble(x -> x.value(month, m)).sorted()
            .toArray();
        // undefined where every replication agreed in a month shown (the largest over them
        // then undefined too): 0 would claim the mean exact
        meanError = Math.max(meanError, values[0] == values[values.length - 1] ? Double.NaN
            : t * new StandardDeviation().evaluate(values) / Math.sqrt(REPLICATIONS));
        low = Math.max(low, ExactIntervals.percentileReach(values, 5));
        high = Math.max(high, ExactIntervals.percentileReach(values, 95));
        long above = Arrays.stream(values).filter(v -> v > 0).count();
        shareError = Math.max(shareError,
            ExactIntervals.clopperPearsonReach(above, REPLICATIONS));
        sketch = Math.max(sketch, Math.max(ExactIntervals.sketchAllowance(values, 5,
            m.wholeNumbers()), ExactIntervals.sketchAllowance(values, 95, m.wholeNumbers())));
      }
      if (Double.isNaN(meanError)) {
        assertThat(means[cell++]).as(m + " mean").isEqualTo("-");
      } else {
        assertThat(number(means[cell++].substring(1), m.unit())).as(m + " mean")
            .isCloseTo(meanError, within(printedStep(meanError, m.unit())));
      }
      if (shares.get(i)) {
        assertThat(number(means[cell++].substring(1), Unit.RATE)).as(m + " P(>0)")
            .isCloseTo(shareError, within(printedStep(shareError, Unit.RATE)));
      }
      String[] ends = bands[i].substring(1, bands[i].length() - 1).split(",");
      assertThat(number(ends[0], m.unit())).as(m + " p5").isCloseTo(low,
          within(printedStep(low, m.unit()) + sketch));
      assertThat(number(ends[1], m.unit())).as(m + " p95").isCloseTo(high,
          within(printedStep(high, m.unit()) + sketch));
    }
  }

  /**
   * Below 100 replications the band ends' errors are not stated ('-'): with 10, the density
   * rule before had read every error as 0.00, the worst-estimated figures as exact; p5's
   * interval needs 72 for a lower end.
   */
  @Test
  void fewReplications_printNoBandErrors() {
    RunResult run = MonteCarlo.run(Presets.load("medway-2019").orElseThrow(),
        RunOptions.builder().replications(50).seed(7).build(), List.of());
    List<String> lines = RunTable.write(run).lines().toList();
    int row = lines.indexOf(lines.stream().filter(l -> l.startsWith("    ±")).findFirst()
        .orElseThrow());
    long shares = RunTable.COLUMNS.stream().filter(m -> RunTable.mostlyZero(m, run.monthly()
        .stream().filter(x -> x.month() == 1 || x.month() % 3 == 0).toList())).count();
    assertThat(lines.get(row).trim().split("\\s+")).hasSize(1 + RunTable.COLUMNS.size()
        + (int) shares);
    assertThat(lines.get(row + 1).trim().split("\\s+")).containsOnly("-")
        .hasSize(RunTable.COLUMNS.size());
  }

  /** Half the last printed digit's step (money to three significant digits). */
  private static double printedStep(double value, Unit unit) {
    return switch (unit) {
      case MONEY -> 0.005 * Math.abs(value) + 0.5;
      case RATE -> 0.00005;
      default -> value < 9.995 ? 0.005 : 0.5;
    };
  }

  /** A printed error back in its unit: rates from points, money from k and m. */
  private static double number(String text, Unit unit) {
    return switch (unit) {
      case RATE -> Double.parseDouble(text) / 100;
      case MONEY -> {
        String digits = text.replace("£", "");
        double scale = digits.endsWith("k") ? 1e3 : digits.endsWith("m") ? 1e6 : 1;
        yield scale * Double.parseDouble(scale == 1 ? digits
            : digits.substring(0, digits.length() - 1));
      }
      default -> Double.parseDouble(text.replace(",", ""));
    };
  }
}
