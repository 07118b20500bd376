package org.caseload.sim.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.caseload.core.metrics.Metric;
import org.caseload.core.metrics.Trajectory;
import org.caseload.core.scenario.Scenario;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.engine.RunOptions;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.presets.Presets;
import org.junit.jupiter.api.Test;

/**
 * Every summary in a run's JSON and CSV states how far each of its figures could move with
 * other replications ({@code halfWidth95}). Checked against an exact computation from every
 * replication re-run alone, for metrics kept exactly (whole numbers) and within 0.5%, at three
 * months: the mean's Student's t (n - 1 degrees of freedom) times the sample sd over sqrt(n);
 * each percentile's the larger distance from the exact nearest-rank percentile to an end of
 * its order-statistic 95% interval (binomial ranks, {@link ExactIntervals#percentileReach}),
 * exactly for whole numbers to 1,024 and within what the summary's sketch may have moved the
 * three values otherwise; the share above zero's the longer side of its 95% Clopper-Pearson
 * interval from commons-math3's beta quantiles. Deterministic (fixed seed): no false-failure
 * probability.
 */
class HalfWidthsOutputTest {

  private static final int REPLICATIONS = 400;
  private static final int[] PERCENTS = {5, 10, 25, 50, 75, 90, 95};

  private final Scenario medway = Presets.load("medway-2019").orElseThrow();
  private final RunResult run = MonteCarlo.run(medway, RunOptions.builder()
      .replications(REPLICATIONS).seed(7).build(), List.of());

  @Test
  void jsonAndCsv_stateEachFiguresExactHalfWidth() throws Exception {
    Trajectory[] all = new Trajectory[REPLICATIONS];
    for (int r = 0; r < REPLICATIONS; r++) {
      all[r] = MonteCarlo.replicate(medway, 7, r);
    }
    JsonNode json = new ObjectMapper().readTree(RunJson.write(run));
    List<String> csv = RunCsv.write(run).lines().toList();
    List<String> header = Arrays.asList(csv.get(0).split(","));
    assertThat(header.subList(header.indexOf("shareAboveZero") + 1, header.size()))
        .containsExactly("meanHalfWidth95", "p5HalfWidth95", "p10HalfWidth95", "p25HalfWidth95",
            "p50HalfWidth95", "p75HalfWidth95", "p90HalfWidth95", "p95HalfWidth95",
            "shareAboveZeroHalfWidth95", "n");
    double t = new TDistribution(null, REPLICATIONS - 1).inverseCumulativeProbability(0.975);
    for (Metric m : List.of(Metric.caseload, Metric.vacancyRate, Metric.unallocatedCases,
        Metric.inPostFte)) {
      for (int month : new int[] {1, 12, 36}) {
        double[] values = Arrays.stream(all).mapToDouble(x -> x.value(month, m)).sorted()
            .toArray();
        double[] exact = new double[9];
        // undefined where every replication agreed (no child waiting in any): 0 would claim
        // the mean exact
        exact[0] = values[0] == values[values.length - 1] ? Double.NaN
            : t * new StandardDeviation().evaluate(values) / Math.sqrt(REPLICATIONS);
        double[] sketch = new double[9];
        for (int k = 0; k < PERCENTS.length; k++) {
          exact[1 + k] = ExactIntervals.percentileReach(values, PERCENTS[k]);
          sketch[1 + k] = ExactIntervals.sketchAllowance(values, PERCENTS[k], m.wholeNumbers());
        }
        long above = Arrays.stream(values).filter(v -> v > 0).count();
        exact[8] = ExactIntervals.clopperPearsonReach(above, REPLICATIONS);

        JsonNode stated = json.get("monthly").get(month - 1).get("metrics").get(m.name())
            .get("halfWidth95");
        String[] row = csv.stream().filter(l -> l.startsWith("month," + month + ",")
            && l.split(",")[3].equals(m.name())).findFirst().orElseThrow().split(",", -1);
        for (int f = 0; f < 9; f++) {
          String name = header.get(header.indexOf("meanHalfWidth95") + f);
          if (Double.isNaN(exact[f])) {
            assertThat(stated.get(name.replace("HalfWidth95", "")).isNull())
                .as("%s month %d %s in JSON", m, month, name).isTrue();
            assertThat(row[header.indexOf(name)]).as("%s month %d %s in CSV", m, month, name)
                .isEmpty();
            continue;
          }
          double tolerance = f == 0 || f == 8 ? 1e-8 * (1 + exact[f]) : sketch[f] + 1e-12;
          assertThat(stated.get(name.replace("HalfWidth95", "")).asDouble())
              .as("%s month %d %s in JSON", m, month, name).isCloseTo(exact[f], within(tolerance));
          assertThat(Double.parseDouble(row[header.indexOf(name)]))
              .as("%s month %d %s in CSV", m, month, name)
              .isCloseTo(exact[f], within(tolerance + 5e-6 * Math.abs(exact[f])));
        }
      }
    }
  }

  @Test
  void fewerThan100Replications_stateTheMeansAndShares_butNoPercentiles() throws Exception {
    RunResult small = MonteCarlo.run(medway, RunOptions.builder().replications(50).seed(7)
        .build(), List.of());
    JsonNode stated = new ObjectMapper().readTree(RunJson.write(small)).get("monthly").get(11)
        .get("metrics").get("caseload").get("halfWidth95");
    assertThat(stated.get("mean").isNumber()).isTrue();
    assertThat(stated.get("shareAboveZero").isNumber()).isTrue();
    for (String p : List.of("p5", "p10", "p25", "p50", "p75", "p90", "p95")) {
      assertThat(stated.get(p).isNull()).as(p).isTrue();
    }
    String row = RunCsv.write(small).lines().filter(l -> l.startsWith("month,12,"))
        .findFirst().orElseThrow();
    // mean's half-width, seven empty percentiles' and the share's, then n
    assertThat(row).matches(".*,[0-9.]+,,,,,,,,[0-9.]+,50$");
  }
}
