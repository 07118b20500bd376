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
 * each percentile's 1.96 sqrt(q (1 - q) / n) times the distance between the exact
 * nearest-rank percentiles either side of it (3 points for p5, p10, p90, p95; 5 for p25 and
 * p75) over that span, the median's (p75 - p25) / sqrt(n), plus the 0.5% of it the summary's
 * sketch may have moved it by (none for whole numbers to 1,024); the share above zero's the longer
 * side of its 95% Clopper-Pearson interval from commons-math3's beta quantiles. Deterministic
 * (fixed seed): no false-failure probability.
 */
class HalfWidthsOutputTest {

  private static final int REPLICATIONS = 400;
  private static final double Z = 1.959963984540054;
  /** Percentile, the two either side its density is taken from, and the span between them. */
  private static final int[][] AROUND = {{5, 2, 8}, {10, 7, 13}, {25, 20, 30}, {50, 25, 75},
      {75, 70, 80}, {90, 87, 93}, {95, 92, 98}};

  private final Scenario medway = Presets.load("medway-2019").orElseThrow();
  private final RunResult run = MonteCarlo.run(medway, RunOptions.builder()
      .replications(REPLICATIONS).seed(7).build(), List.of());

  /** What the summary's sketch may move a percentile at {@code value} of {@code m} by. */
  private static double sketchMove(Metric m, double value) {
    return m.wholeNumbers() && Math.abs(value) <= 1024 ? 0 : 0.005 * Math.abs(value);
  }

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
            "shareAboveZeroHalfWidth95");
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
        double sketch = 0;
        for (int k = 0; k < AROUND.length; k++) {
          double q = AROUND[k][0] / 100.0;
          double span = (AROUND[k][2] - AROUND[k][1]) / 100.0;
          double factor = Z * Math.sqrt(q * (1 - q) / REPLICATIONS) / span;
          // and what the sketch may have moved the percentile by: 0.5% of it (whole numbers
          // to 1,024 exact), stated with it
          double at = Math.abs(rank(values, AROUND[k][0]));
          double kept = m.wholeNumbers() && at <= 1024 ? 0 : 0.005 * at;
          // the density's two percentiles as far apart as the sketch may have put them
          // (BandError.spread); none at all when every replication agreed
          double low = rank(values, AROUND[k][1]);
          double high = rank(values, AROUND[k][2]);
          double spread = values[0] == values[values.length - 1] ? 0
              : high - low + sketchMove(m, low) + sketchMove(m, high);
          exact[1 + k] = factor * spread + kept;
          // the sketch keeps percentiles within 0.5% of the exact ones (whole numbers exact)
          sketch = Math.max(sketch, factor * 0.005 * 2 * Math.abs(rank(values, AROUND[k][2]))
              + 0.005 * kept);
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
          double tolerance = f == 0 || f == 8 ? 1e-8 * (1 + exact[f]) : sketch + 1e-9;
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
    // mean's half-width, seven empty percentiles' and the share's
    assertThat(row).matches(".*,[0-9.]+,,,,,,,,[0-9.]+$");
  }

  /** The nearest-rank percentile of sorted values: rank ceil(percent n / 100), in integers. */
  private static double rank(double[] sorted, int percent) {
    return sorted[(percent * sorted.length + 99) / 100 - 1];
  }
}
