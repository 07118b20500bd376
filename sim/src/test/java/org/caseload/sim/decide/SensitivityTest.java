package org.caseload.sim.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.Intervention;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.Uncertainty;
import org.caseload.core.scenario.Uncertainty.Parameter;
import org.caseload.sim.engine.MetricAt;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.engine.RunOptions;
import org.caseload.sim.presets.Presets;
import org.caseload.sim.summary.Summary;
import org.junit.jupiter.api.Test;

/**
 * Sensitivity of the Medway preset over a short horizon. Referrals in month 1 depend on the
 * referral level and not at all on turnover; every scenario runs on the same replications
 * (common random numbers), so turnover's indices and swing are exactly zero, not merely small.
 * Deterministic for the seed: these tests cannot fail by chance.
 */
class SensitivityTest {

  private static Sensitivity.Request request(Metric metric, int threads) {
    Scenario medway = Presets.load("medway-2019").orElseThrow().withHorizon(3);
    return new Sensitivity.Request(medway, MetricAt.month(metric, 1),
        List.of(Parameter.annualTurnover, Parameter.referralLevel),
        List.of(new Lever.Posts("longTerm", 1, Grid.of(0, 20, 5))), 8, 3, threads,
        () -> false);
  }

  @Test
  void sobol_ofAParameterTheMetricIgnores_isZero() {
    SobolIndices.Result r = Sensitivity.sobol(request(Metric.referrals, 2), 256, 50);

    assertThat(r.indices().get(0).first()).isEqualTo(0);
    assertThat(r.indices().get(0).total()).isEqualTo(0);
    assertThat(r.indices().get(1).total()).isCloseTo(1, within(0.1));
    assertThat(r.indices().get(1).first()).isCloseTo(1, within(0.1));
  }

  @Test
  void tornadoAndSobol_withChunksComputedElsewhere_areTheSameBytes() {
    Sensitivity.Request request = request(Metric.caseload, 2);
    org.caseload.sim.engine.ShuffledChunks elsewhere =
        new org.caseload.sim.engine.ShuffledChunks();
    long[] progress = {0};
    Sensitivity.Tornado tornado = Sensitivity.tornado(request, elsewhere,
        (done, total) -> progress[0] = done);
    // 80 points of 2 parameters: 320 scenarios, in two batches of at most 256
    long[] sobolProgress = {0};
    SobolIndices.Result sobol = Sensitivity.sobol(request, 80, 20, elsewhere,
        (done, total) -> sobolProgress[0] = done);

    assertThat(org.caseload.sim.output.SensitivityOutput.json(request, tornado, sobol, 80))
        .isEqualTo(org.caseload.sim.output.SensitivityOutput.json(request,
            Sensitivity.tornado(request), Sensitivity.sobol(request, 80, 20), 80));
    assertThat(elsewhere.opened()).isEqualTo(1 + 2);
    // the central scenario, two parameters and one lever at both ends: 7 scenarios of 8
    assertThat(progress[0]).isEqualTo(7 * 8);
    assertThat(sobolProgress[0]).isEqualTo(320 * 8);
    // what the API's progress counts to and its limit checks
    assertThat(Sensitivity.Work.of(true, true, 80, 8, 2, 1))
        .isEqualTo(new Sensitivity.Work(320 * 8, 7 * 8));
  }

  @Test
  void sobol_isTheSameOnAnyThreadCount() {
    SobolIndices.Result one = Sensitivity.sobol(request(Metric.caseload, 1), 8, 10);
    SobolIndices.Result two = Sensitivity.sobol(request(Metric.caseload, 3), 8, 10);

    assertThat(two.indices().get(1).total()).isEqualTo(one.indices().get(1).total());
    assertThat(two.mean()).isEqualTo(one.mean());
  }

  @Test
  void tornado_sortsBySwing_andAnIgnoredParameterDoesNotSwing() {
    Sensitivity.Tornado t = Sensitivity.tornado(request(Metric.referrals, 2));

    assertThat(t.bars()).extracting(Sensitivity.Bar::input).containsExactly("referralLevel",
        "annualTurnover", "posts:longTerm");
    assertThat(t.bars().get(0).high()).isGreaterThan(t.bars().get(0).low());
    assertThat(t.bars().get(1).swing()).isZero();
  }

  /** Replications 0..k-1 of {@code scenario}, each run alone: the output at month 1. */
  private static double[] alone(Scenario scenario, Metric metric, int k, long seed) {
    double[] values = new double[k];
    for (int r = 0; r < k; r++) {
      values[r] = MonteCarlo.replicate(scenario, seed, r).value(1, metric);
    }
    return values;
  }

  private static double[][] rows(org.caseload.core.metrics.Trajectory t) {
    double[][] rows = new double[t.months()][];
    for (int m = 1; m <= t.months(); m++) {
      rows[m - 1] = t.row(m);
    }
    return rows;
  }

  private static double sum(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum;
  }

  /** The uncertain parameters fixed at z (in the order of the scenario's uncertainty). */
  private static Scenario at(Scenario base, Parameter p, double z) {
    double[] zs = new double[base.uncertainty().size()];
    for (int i = 0; i < zs.length; i++) {
      if (base.uncertainty().get(i).parameter() == p) {
        zs[i] = z;
      }
    }
    return Uncertainty.draw(base, zs).withUncertainty(List.of());
  }

  @Test
  void tornado_eachBarIsTheMeanOfIndependentRunsOfItsFixedScenario_withItsStandardError() {
    Sensitivity.Request request = request(Metric.caseload, 2);
    Scenario base = request.base();
    int k = request.replications();
    Sensitivity.Tornado t = Sensitivity.tornado(request);
    Scenario central = at(base, Parameter.annualTurnover, 0);
    // the 5th and 95th percentiles of turnover: its central value -/+ 1.645 sd
    Uncertainty turnover = base.uncertainty().stream()
        .filter(u -> u.parameter() == Parameter.annualTurnover).findFirst().orElseThrow();
    double centralTurnover = base.parameters().workforce().annualTurnover();
    assertThat(at(base, Parameter.annualTurnover, -1.645).parameters().workforce()
        .annualTurnover()).isCloseTo(centralTurnover - 1.645 * turnover.sd(), within(1e-12));
    List<Intervention> none = central.interventions();
    List<Intervention> twentyPosts = new ArrayList<>(none);
    twentyPosts.addAll(new Lever.Posts("longTerm", 1, Grid.of(0, 20, 5)).at(20));
    List<Scenario[]> ends = List.of(
        new Scenario[] {at(base, Parameter.referralLevel, -Sensitivity.Z95),
            at(base, Parameter.referralLevel, Sensitivity.Z95)},
        new Scenario[] {at(base, Parameter.annualTurnover, -Sensitivity.Z95),
            at(base, Parameter.annualTurnover, Sensitivity.Z95)},
        new Scenario[] {central, central.withInterventions(twentyPosts)});
    List<String> inputs = List.of("referralLevel", "annualTurnover", "posts:longTerm");

    double[] c = alone(central, Metric.caseload, k, request.seed());
    assertThat(t.central()).isEqualTo(sum(c) / k);
    assertThat(t.centralSe()).isCloseTo(new StandardDeviation().evaluate(c) / Math.sqrt(k),
        within(1e-12));
    for (int b = 0; b < inputs.size(); b++) {
      String input = inputs.get(b);
      Sensitivity.Bar bar = t.bars().stream().filter(x -> x.input().equals(input)).findFirst()
          .orElseThrow();
      double[] low = alone(ends.get(b)[0], Metric.caseload, k, request.seed());
      double[] high = alone(ends.get(b)[1], Metric.caseload, k, request.seed());
      double[] differences = new double[k];
      for (int r = 0; r < k; r++) {
        differences[r] = high[r] - low[r];
      }
      StandardDeviation sd = new StandardDeviation();
      assertThat(bar.low()).as(input).isEqualTo(sum(low) / k);
      assertThat(bar.high()).as(input).isEqualTo(sum(high) / k);
      assertThat(bar.lowSe()).as(input).isCloseTo(sd.evaluate(low) / Math.sqrt(k),
          within(1e-12));
      assertThat(bar.highSe()).as(input).isCloseTo(sd.evaluate(high) / Math.sqrt(k),
          within(1e-12));
      assertThat(bar.swingSe()).as(input).isCloseTo(sd.evaluate(differences) / Math.sqrt(k),
          within(1e-12));
      assertThat(bar.difference()).as(input).isCloseTo(sum(differences) / k, within(1e-12));
    }
    // and the ordinary run of the high-referral scenario, its own code path, agrees
    Summary run = MonteCarlo.run(ends.get(0)[1], RunOptions.builder().replications(k)
        .seed(request.seed()).threads(1).build(), List.of()).summary(1, Metric.caseload);
    Sensitivity.Bar referral = t.bars().stream().filter(x -> x.input().equals("referralLevel"))
        .findFirst().orElseThrow();
    assertThat(referral.high()).isCloseTo(run.mean(), within(1e-9));
    assertThat(referral.highSe()).isCloseTo(run.se(), within(1e-9));
  }

  @Test
  void oneReplication_hasNoStandardError() {
    Sensitivity.Request r = request(Metric.caseload, 1);
    Sensitivity.Request one = new Sensitivity.Request(r.base(), r.output(), r.parameters(),
        r.levers(), 1, r.seed(), 1, () -> false);
    Sensitivity.Tornado t = Sensitivity.tornado(one);
    assertThat(t.centralSe()).isNaN();
    assertThat(t.bars()).allSatisfy(b -> assertThat(b.lowSe()).isNaN());
    String json = org.caseload.sim.output.SensitivityOutput.json(one, t, null, 0);
    assertThat(json).contains("\"centralSe\" : null", "\"swingSe\" : null");
  }

  @Test
  void sobol_reportsTheReplicationNoiseOfItsScenarios() {
    Sensitivity.Request request = request(Metric.caseload, 2);
    SobolIndices.Result r = Sensitivity.sobol(request, 4, 0);
    // 4 points of 2 parameters: 16 scenarios; the root mean square of their standard errors
    double[][] points = SobolIndices.points(2, 4);
    org.apache.commons.math3.distribution.NormalDistribution normal =
        new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1);
    double squares = 0;
    for (double[] u : points) {
      double[] z = new double[request.base().uncertainty().size()];
      for (int c = 0; c < 2; c++) {
        Parameter p = request.parameters().get(c);
        for (int i = 0; i < z.length; i++) {
          if (request.base().uncertainty().get(i).parameter() == p) {
            z[i] = normal.inverseCumulativeProbability(u[c]);
          }
        }
      }
      double[] v = alone(Uncertainty.draw(request.base(), z).withUncertainty(List.of()),
          Metric.caseload, request.replications(), request.seed());
      double se = new StandardDeviation().evaluate(v) / Math.sqrt(v.length);
      squares += se * se;
    }
    assertThat(r.noise()).isCloseTo(Math.sqrt(squares / points.length), within(1e-12));
    assertThat(r.noiseShare()).isCloseTo(r.noise() * r.noise() / r.variance(), within(1e-15));
  }

  /**
   * Where some replications have no value (the Isles of Scilly 2022's caseload at month 24,
   * its posts hard to fill and no agency cover: with two workers, nobody holds cases in about
   * half the replications, not the same ones at each end of turnover), a bar's swing is the mean of the paired differences of the replications where
   * both ends have one, of the same replications as its standard error; the difference of the
   * ends' means, each of its own replications, had been the swing. Against each end's
   * replications made again alone; exact, over one seed.
   */
  @Test
  void aSwing_isOfThePairsWhereBothEndsHaveAValue() throws java.io.IOException {
    org.caseload.core.data.DfeData data = org.caseload.core.data.DfeData.load(
        java.nio.file.Path.of("..", "data", "dfe"));
    Scenario calibrated = org.caseload.core.calibration.Calibrator.calibrate(data,
        data.area("Isles of Scilly"), 2022, 24).scenario();
    // posts hard to fill, so that where both workers leave nobody may hold cases for months
    org.caseload.core.scenario.Parameters p = calibrated.parameters();
    Scenario scilly = calibrated.withParameters(new org.caseload.core.scenario.Parameters(
        p.demand(), p.workforce().withFillProbability(0.02).withAgencyCoverShare(0), p.funding()));
    int k = 200;
    long seed = 1;
    Parameter turnover = Parameter.annualTurnover;
    Sensitivity.Request request = new Sensitivity.Request(scilly, MetricAt.month(Metric.caseload,
        24), List.of(turnover), List.of(), k, seed, 2, () -> false);
    Sensitivity.Tornado tornado = Sensitivity.tornado(request);
    Sensitivity.Bar bar = tornado.bars().get(0);
    double[] low = new double[k];
    double[] high = new double[k];
    for (int r = 0; r < k; r++) {
      low[r] = request.output().value(rows(MonteCarlo.replicate(
          at(scilly, turnover, -Sensitivity.Z95), seed, r)));
      high[r] = request.output().value(rows(MonteCarlo.replicate(
          at(scilly, turnover, Sensitivity.Z95), seed, r)));
    }
    List<Double> pairs = new ArrayList<>();
    int oneEndOnly = 0;
    for (int r = 0; r < k; r++) {
      if (!Double.isNaN(low[r]) && !Double.isNaN(high[r])) {
        pairs.add(high[r] - low[r]);
      } else if (Double.isNaN(low[r]) != Double.isNaN(high[r])) {
        oneEndOnly++;
      }
    }
    assertThat(oneEndOnly).as("the seed leaves one end without a value where the other has one")
        .isPositive();
    double[] differences = pairs.stream().mapToDouble(Double::doubleValue).toArray();
    assertThat(bar.low()).isCloseTo(Sensitivity.Estimate.of(low).mean(), within(1e-12));
    assertThat(bar.high()).isCloseTo(Sensitivity.Estimate.of(high).mean(), within(1e-12));
    assertThat(bar.difference()).isCloseTo(sum(differences) / differences.length,
        within(1e-12));
    assertThat(bar.swing()).isEqualTo(Math.abs(bar.difference()));
    // and it is not what the ends' means apart would have said
    assertThat(Math.abs(bar.high() - bar.low() - bar.difference())).isGreaterThan(0.01);
    assertThat(bar.swingSe()).isCloseTo(new StandardDeviation().evaluate(differences)
        / Math.sqrt(differences.length), within(1e-12));
    assertThat(org.caseload.sim.output.SensitivityOutput.json(request, tornado, null, 0))
        .contains("\"difference\" : " + bar.difference());
  }


  /**
   * An output's estimate leaves out the replications where it has no value (NaN: a caseload
   * with nobody holding cases), against Commons Math's mean and standard deviation of the
   * others; with none left, no estimate.
   */
  @Test
  void anEstimate_leavesOutReplicationsWithoutAValue() {
    double[] values = {12.0, Double.NaN, 15.5, 9.25, Double.NaN, 20.0};
    double[] defined = {12.0, 15.5, 9.25, 20.0};
    Sensitivity.Estimate estimate = Sensitivity.Estimate.of(values);
    assertThat(estimate.mean()).isCloseTo(
        new org.apache.commons.math3.stat.descriptive.moment.Mean().evaluate(defined),
        within(1e-12));
    assertThat(estimate.se()).isCloseTo(new StandardDeviation().evaluate(defined) / 2,
        within(1e-12));
    assertThat(Sensitivity.Estimate.of(new double[] {Double.NaN, 3}).se()).isNaN();
    assertThat(Sensitivity.Estimate.of(new double[] {Double.NaN, Double.NaN}).mean()).isNaN();
  }

  /**
   * A parameter the scenario's levers set in every month is left out of a study by default and
   * refused when named: beside an 8% referral growth assumption a tornado had drawn "Referral
   * growth" as no effect over a range the scenario never uses (a planner's trial). The JSON and
   * the table say what was left out.
   */
  @Test
  void aParameterTheLeversSetThroughout_isLeftOutOrRefused() {
    Scenario medway = Presets.load("medway-2019").orElseThrow();
    List<Intervention> assumed = new ArrayList<>(medway.interventions());
    assumed.add(new Intervention.ReferralGrowth(1, null, 0.08));
    Scenario growing = medway.withInterventions(assumed);
    assertThat(Sensitivity.studied(List.of(), medway, false, 0))
        .contains(Parameter.referralGrowth);
    List<Parameter> studied = Sensitivity.studied(List.of(), growing, false, 0);
    assertThat(studied).doesNotContain(Parameter.referralGrowth)
        .hasSize(medway.uncertainty().size() - 1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sensitivity.studied(
        List.of("annualTurnover", "referralGrowth"), growing, false, 0))
        .isInstanceOf(Sensitivity.InputProblem.class)
        .hasMessageStartingWith("'referralGrowth' is set in every month by the scenario's levers")
        .satisfies(e -> assertThat(((Sensitivity.InputProblem) e).index()).isEqualTo(1));
    Sensitivity.Request request = new Sensitivity.Request(growing.withHorizon(3),
        MetricAt.month(Metric.caseload, 3), List.of(Parameter.annualTurnover), List.of(), 4, 1,
        1, () -> false);
    Sensitivity.Tornado tornado = Sensitivity.tornado(request);
    assertThat(org.caseload.sim.output.SensitivityOutput.json(request, tornado, null, 0))
        .contains("\"setByLevers\" : [ \"referralGrowth\" ]");
    assertThat(org.caseload.sim.output.SensitivityOutput.table(request, tornado, null, 0))
        .contains("Left out: referralGrowth, set in every month by the scenario's levers");
  }
}
