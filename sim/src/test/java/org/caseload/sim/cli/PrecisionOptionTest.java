package org.caseload.sim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caseload.sim.cli.CliRunner.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.caseload.sim.engine.Precision;
import org.junit.jupiter.api.Test;

/** {@code run --precision}: stopping once the means asked for are known well enough. */
class PrecisionOptionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A share's half-width is a fraction too: 5 (meant as ±5 points) is refused, exit 2, saying
   * what to write; it had stopped a run at 128 replications, as any half-width of 1 or more
   * would.
   */
  @Test
  void aSharesHalfWidthInPoints_isRefused() {
    CliRunner.Result points = run("run", "--preset", "medway-2019", "--months", "6",
        "--precision", "vacancyRate=5", "--quiet");
    assertThat(points.code()).isEqualTo(2);
    assertThat(points.out()).isEmpty();
    assertThat(points.err()).contains("--precision: vacancyRate is a share from 0 to 1, so its"
        + " half-width must be below 1: for 5 points write 0.05");
    CliRunner.Result huge = run("run", "--preset", "medway-2019", "--months", "6",
        "--precision", "agencyRate=250", "--quiet");
    assertThat(huge.code()).isEqualTo(2);
    assertThat(huge.err()).contains("must be below 1, was 250");
    CliRunner.Result fraction = run("run", "--preset", "medway-2019", "--months", "6",
        "--replications", "200", "--precision", "vacancyRate=0.5", "--quiet");
    assertThat(fraction.code()).as(fraction.err()).isZero();
  }

  /**
   * The run stops at the first multiple of 64 replications (of at least 100) at which the
   * caseload's 95% half-width is within the request in every month, says so, and is the same
   * bytes on one thread and two. Its half-widths are checked against Student's t from the
   * run's own standard errors, recomputed here.
   */
  @Test
  void run_stopsOnceThePrecisionIsReached_theSameOnAnyThreadCount() throws Exception {
    String[] args = {"run", "--preset", "medway-2019", "--months", "12", "--replications",
        "20000", "--precision", "caseload=0.1", "--format", "json", "--quiet"};
    CliRunner.Result one = run(concat(args, "--threads", "1"));
    CliRunner.Result two = run(concat(args, "--threads", "2"));
    assertThat(one.code()).as(one.err()).isZero();
    assertThat(two.out()).isEqualTo(one.out());
    JsonNode json = JSON.readTree(one.out());
    long n = json.get("replications").asLong();
    assertThat(json.get("stoppedEarly").asBoolean()).isTrue();
    assertThat(json.get("requestedReplications").asLong()).isEqualTo(20_000);
    assertThat(n % 64).isZero();
    assertThat(n).isBetween(128L, 19_999L);
    double t = new org.apache.commons.math3.distribution.TDistribution(n - 1)
        .inverseCumulativeProbability(0.975);
    double widest = 0;
    for (JsonNode month : json.get("monthly")) {
      JsonNode caseload = month.at("/metrics/caseload");
      assertThat(caseload.at("/halfWidth95/mean").asDouble())
          .isCloseTo(t * caseload.get("se").asDouble(), org.assertj.core.data.Offset.offset(1e-12));
      widest = Math.max(widest, caseload.at("/halfWidth95/mean").asDouble());
    }
    assertThat(widest).isLessThanOrEqualTo(0.1);
    // 64 fewer would not have been enough: the stop is the first chunk that is
    CliRunner.Result before = run("run", "--preset", "medway-2019", "--months", "12",
        "--replications", Long.toString(n - 64), "--format", "json", "--quiet");
    double widestBefore = 0;
    for (JsonNode month : JSON.readTree(before.out()).get("monthly")) {
      widestBefore = Math.max(widestBefore,
          month.at("/metrics/caseload/halfWidth95/mean").asDouble());
    }
    assertThat(n - 64 < Precision.MIN_REPLICATIONS || widestBefore > 0.1).isTrue();
  }

  /** The table says the run stopped early, and how many of the replications asked for ran. */
  @Test
  void run_table_saysItStoppedEarly() {
    CliRunner.Result result = run("run", "--preset", "medway-2019", "--months", "6",
        "--replications", "5000", "--precision", "caseload=0.2", "--quiet");
    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).containsPattern(
        "\\d+ replications, seed 1, from 2019-09-30 \\(stopped early: precision reached,"
        + " of 5,000 asked for\\)\\.");
  }

  /**
   * A month whose replications all agree has a half-width of 0, which is not precision: it says
   * only that nothing else has been seen yet (in Medway, children wait in about 1 replication
   * in 2,000 of some months, none in the first hundreds). Here the interventions' cost, 0 in
   * every replication without levers: the run goes on to the replications asked for (it had
   * stopped at 128).
   */
  @Test
  void run_doesNotStopOnMonthsWhoseReplicationsAllAgree() throws Exception {
    CliRunner.Result result = run("run", "--preset", "medway-2019", "--months", "12",
        "--replications", "640", "--precision", "costInterventions=1000", "--format", "json",
        "--quiet");
    assertThat(result.code()).as(result.err()).isZero();
    JsonNode json = JSON.readTree(result.out());
    assertThat(json.get("stoppedEarly").asBoolean()).isFalse();
    assertThat(json.get("replications").asLong()).isEqualTo(640);
    assertThat(json.at("/monthly/0/metrics/costInterventions/sd").asDouble()).isZero();
    assertThat(result.err()).isEqualTo("--precision: not reached in 640 replications:"
        + " costInterventions was the same in every replication of 12 months, which is never"
        + " judged precise\n");
  }

  /**
   * Months where fewer than two replications had a value (a caseload where nobody holds
   * cases: the Isles of Scilly 2022 with its posts hard to fill and no agency cover) are said
   * as such, never judged precise; with them dropped silently the reason had read "widest
   * half-width was 0".
   */
  @Test
  void notReached_saysWhereFewerThanTwoReplicationsHadAValue() throws Exception {
    org.caseload.core.data.DfeData data = org.caseload.core.data.DfeData.load(
        java.nio.file.Path.of("..", "data", "dfe"));
    org.caseload.core.scenario.Scenario calibrated = org.caseload.core.calibration.Calibrator
        .calibrate(data, data.area("Isles of Scilly"), 2022, 24).scenario();
    org.caseload.core.scenario.Parameters p = calibrated.parameters();
    org.caseload.core.scenario.Scenario scilly = calibrated.withParameters(
        new org.caseload.core.scenario.Parameters(p.demand(), p.workforce()
            .withFillProbability(0.0).withAgencyCoverShare(0), p.funding()))
        .withUncertainty(java.util.List.of());
    org.caseload.sim.engine.RunResult result = org.caseload.sim.engine.MonteCarlo.run(scilly,
        org.caseload.sim.engine.RunOptions.builder().replications(4).seed(3).threads(1).build(),
        java.util.List.of());
    int few = 0;
    for (int t = 1; t <= 24; t++) {
      few += result.summary(t, org.caseload.core.metrics.Metric.caseload).n() < 2 ? 1 : 0;
    }
    assertThat(few).as("the seed leaves months where fewer than two hold cases").isPositive();
    assertThat(RunCommand.notReached(result, java.util.List.of(new Precision(
        org.caseload.core.metrics.Metric.caseload, 0.1)))).isEqualTo("--precision: not reached"
        + " in 4 replications: caseload had a value in fewer than two replications in " + few
        + " month" + (few == 1 ? "" : "s") + ", which is never judged precise");
  }

  /** A precision not reached in the replications allowed is said so, with the widest. */
  @Test
  void run_saysWhyThePrecisionWasNotReached() throws Exception {
    CliRunner.Result result = run("run", "--preset", "medway-2019", "--months", "3",
        "--replications", "200", "--precision", "caseload=0.001", "--format", "json",
        "--quiet");
    assertThat(result.code()).as(result.err()).isZero();
    JsonNode json = JSON.readTree(result.out());
    double widest = 0;
    int month = 0;
    for (JsonNode m : json.get("monthly")) {
      double half = m.at("/metrics/caseload/halfWidth95/mean").asDouble();
      if (half > widest) {
        widest = half;
        month = m.get("month").asInt();
      }
    }
    assertThat(result.err()).isEqualTo(String.format(java.util.Locale.ROOT, "--precision: not"
        + " reached in 200 replications: caseload's widest half-width was %.3g (month %d),"
        + " asked 0.00100%n", widest, month));
  }

  private static String[] concat(String[] args, String... more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }
}
