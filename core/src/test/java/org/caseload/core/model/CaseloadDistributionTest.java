package org.caseload.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.Examples;
import org.caseload.core.scenario.RandomScenarios;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The distribution of caseloads over case holders within a month (docs/model.md: median and
 * 90th percentile of the cases held by a case-holding worker, by nearest rank; the most held
 * by one worker; the shares of case holders holding strictly more than 20, 25 and 30) against
 * the case holders' loads read after every month, sorted. The values are whole cases over
 * whole workers, so they must be equal, not close; the scenarios and draws are seeded.
 */
class CaseloadDistributionTest {

  static Stream<Arguments> scenarios() throws Exception {
    Scenario calibrated = ScenarioJson.read(Files.readString(
        Path.of("..", "presets", "medway-2019.json")));
    Stream<Arguments> shipped = Stream.of(
        Arguments.of("medway-2019 example", Examples.medway(), 11L),
        Arguments.of("medway-2019 calibrated", calibrated, 12L),
        Arguments.of("medway-2019-localities", Examples.load("medway-2019-localities"), 13L),
        Arguments.of("northamptonshire-2017-first-response",
            Examples.load("northamptonshire-2017-first-response"), 14L),
        Arguments.of("synthetic-small", Examples.synthetic(), 15L));
    Stream<Arguments> random = new SplittableRandom(20270101).longs(20).boxed()
        .map(seed -> Arguments.of("random " + seed, RandomScenarios.generate(seed), seed));
    return Stream.concat(shipped, random);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everyMonth_distributionIsThatOfTheSortedLoads(String name, Scenario scenario,
      long seed) {
    Simulation simulation = Simulation.of(MonthPlan.of(scenario));
    RandomSources sources = InversionSampler.sources(seed);
    double[] row = new double[simulation.rowWidth()];
    int months = 0;
    for (int t = 1; t <= scenario.horizonMonths(); t++) {
      simulation.step(sources, row);
      double[] loads = simulation.caseHolderLoads();
      Arrays.sort(loads);
      int n = loads.length;
      String when = name + " month " + t + " (" + n + " case holders)";
      if (n == 0) {
        for (Metric m : List.of(Metric.caseloadMedian, Metric.caseloadP90, Metric.caseloadMax,
            Metric.shareAbove20, Metric.shareAbove25, Metric.shareAbove30)) {
          assertThat(row[m.ordinal()]).as(when + " " + m).isZero();
        }
        continue;
      }
      // Nearest rank: the value of rank ceil(q n) (1-based) in ascending order.
      assertThat(row[Metric.caseloadMedian.ordinal()]).as(when + " median")
          .isEqualTo(loads[(n + 1) / 2 - 1]);
      assertThat(row[Metric.caseloadP90.ordinal()]).as(when + " p90")
          .isEqualTo(loads[(9 * n + 9) / 10 - 1]);
      assertThat(row[Metric.caseloadMax.ordinal()]).as(when + " max").isEqualTo(loads[n - 1]);
      assertThat(row[Metric.shareAbove20.ordinal()]).as(when + " share above 20")
          .isEqualTo(above(loads, 20) / (double) n);
      assertThat(row[Metric.shareAbove25.ordinal()]).as(when + " share above 25")
          .isEqualTo(above(loads, 25) / (double) n);
      assertThat(row[Metric.shareAbove30.ordinal()]).as(when + " share above 30")
          .isEqualTo(above(loads, 30) / (double) n);
      months++;
    }
    assertThat(months).as("months with case holders").isPositive();
  }

  /** Case holders holding strictly more than {@code limit} cases. */
  private static long above(double[] loads, int limit) {
    return Arrays.stream(loads).filter(load -> load > limit).count();
  }
}
