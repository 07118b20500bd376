package org.caseload.sim.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeData;
import org.caseload.core.data.EditedDfeData;
import org.caseload.core.calibration.Calibrator;
import org.caseload.core.calibration.UncalibratableException;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.engine.RunOptions;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.summary.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backtest's arithmetic on a tiny hand-made data set. */
class BacktestTest {

  @TempDir
  Path dir;

  private static final String HEADER = "time_period,geographic_level,country_code,country_name,"
      + "new_la_code,la_name,inpost_fte,starters_fte,leavers_fte,agency_fte,agency_cover_fte,"
      + "vacancy_fte,case_holders_fte,cases,absence_rate_fte";

  private DfeData data() throws IOException {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    // Aville: in post 100, 104, 108 (2017-2019), then 110 and 90 in 2020 and 2021.
    double[] inPost = {100, 104, 108, 110, 90};
    for (int i = 0; i < inPost.length; i++) {
      csv.append(2017 + i).append(",Local authority,E92000001,England,E1,Aville,")
          .append(inPost[i]).append(",20,18,10,8,").append(10 + i).append(",70,1400,3\n");
    }
    Files.writeString(dir.resolve("workforce.csv"), csv.toString());
    Files.writeString(dir.resolve("referrals.csv"), "time_period,geographic_level,country_code,"
        + "country_name,new_la_code,la_name,referral_count,rereferral_percent,"
        + "no_further_action_percent,not_in_need_percent\n"
        + "2018,Local authority,E92000001,England,E1,Aville,2000,20,8,30\n"
        + "2019,Local authority,E92000001,England,E1,Aville,2100,20,8,30\n");
    return DfeData.load(dir);
  }

  @Test
  void scores_compareForecastsWithPublishedValuesAndNaiveForecasts() throws IOException {
    DfeData data = data();
    Area aville = data.area("Aville");
    Backtest.Result result = Backtest.run(data, List.of(aville), 2019, 2,
        RunOptions.builder().replications(64).seed(3).threads(1).build());
    assertThat(result.skipped()).isEmpty();
    // 5 indicators x 2 years.
    assertThat(result.scores()).hasSize(10);
    Score inPost2021 = result.scores().stream()
        .filter(s -> s.indicator() == Indicator.inPostFte && s.year() == 2021).findFirst()
        .orElseThrow();
    assertThat(inPost2021.actual()).isEqualTo(90);
    assertThat(inPost2021.last().p50()).isEqualTo(108);
    // Least squares through (2017, 100), (2018, 104), (2019, 108): 4 a year, 116 in 2021.
    assertThat(inPost2021.trend()).isCloseTo(116, within(1e-9));
    assertThat(inPost2021.errorLast()).isEqualTo(18);
    assertThat(inPost2021.errorTrend()).isCloseTo(26, within(1e-9));
    assertThat(inPost2021.inside()).isEqualTo(90 >= inPost2021.model().p5()
        && 90 <= inPost2021.model().p95());
    Score vacancy2020 = result.scores().stream()
        .filter(s -> s.indicator() == Indicator.vacancyRate && s.year() == 2020).findFirst()
        .orElseThrow();
    assertThat(vacancy2020.actual()).isCloseTo(13 / (13 + 110.0), within(1e-12));
    assertThat(vacancy2020.last().p50()).isCloseTo(12 / 120.0, within(1e-12));
    Backtest.Line line = result.line(Indicator.inPostFte);
    List<Score> inPost = result.scores().stream()
        .filter(s -> s.indicator() == Indicator.inPostFte).toList();
    assertThat(line.n()).isEqualTo(2);
    assertThat(line.maeLast()).isCloseTo((Math.abs(110 - 108) + 18) / 2.0, within(1e-9));
    assertThat(line.coverage()).isEqualTo(inPost.stream().filter(Score::inside).count() / 2.0);
    assertThat(line.maeMedian()).isCloseTo(
        inPost.stream().mapToDouble(Score::errorMedian).average().orElseThrow(), within(1e-9));
    assertThat(BacktestReport.csv(result).lines()).hasSize(11);
    assertThat(BacktestReport.table(result)).contains("inPostFte", "mean-rev", "M/I/C",
        "Monte Carlo noise");
  }

  /**
   * The table says how many values it leaves out for want of a naive forecast, and whose (an
   * analyst had added its n to 73 of "88 values scored": Bournemouth, Christchurch and
   * Poole's 15, with nothing said); nothing where it leaves none out.
   */
  @Test
  void valuesWithoutANaiveForecast_areCountedAndNamed() throws IOException {
    DfeData data = data();
    Backtest.Result result = Backtest.run(data, List.of(data.area("Aville")), 2019, 2,
        RunOptions.builder().replications(64).seed(3).threads(1).build());
    assertThat(BacktestReport.table(result)).doesNotContain("naive forecasters can");
    List<Score> scores = new java.util.ArrayList<>(result.scores());
    for (int i = 0; i < 3; i++) {
      Score s = scores.get(i);
      scores.set(i, new Score("Bville", "E2", s.indicator(), s.year(), s.actual(), s.model(),
          s.modelError(), null, null, s.trend()));
    }
    Backtest.Result fewer = new Backtest.Result(result.baseYear(), result.years(), scores,
        result.skipped(), result.notScored());
    int inTable = 0;
    for (Indicator indicator : Indicator.values()) {
      inTable += fewer.line(indicator).n();
    }
    assertThat(inTable).isEqualTo(10 - 3);
    assertThat(BacktestReport.table(fewer)).contains("(10 values scored")
        .contains("before); 3 values are not, in the CSV (--out) only: Bville.");
  }

  /**
   * A council's name and code are CSV cells as every other CSV of the tool writes text: a
   * name with a quote had been quoted without doubling it (a broken row), and one read as a
   * formula by a spreadsheet was written as it came from the data files.
   */
  @Test
  void csv_writesNamesAndCodesAsQuotedCells() throws IOException {
    DfeData data = data();
    Backtest.Result result = Backtest.run(data, List.of(data.area("Aville")), 2019, 2,
        RunOptions.builder().replications(8).seed(3).threads(1).build());
    List<Score> renamed = result.scores().stream().map(s -> new Score("Aville \"North\", East",
        "=E1", s.indicator(), s.year(), s.actual(), s.model(), s.modelError(), s.last(),
        s.meanReverting(), s.trend())).toList();
    String csv = BacktestReport.csv(new Backtest.Result(result.baseYear(), result.years(),
        renamed, result.skipped(), result.notScored()));
    assertThat(csv.lines().skip(1)).allSatisfy(line ->
        assertThat(line).startsWith("\"Aville \"\"North\"\", East\",\"'=E1\","));
  }

  @Test
  void averagedScoresAndGoals_equalHandSums() throws IOException {
    DfeData data = data();
    Area aville = data.area("Aville");
    // 100 replications: fewer than 72 give p5's and p95's intervals no outer end
    RunOptions options = RunOptions.builder().replications(100).seed(3).threads(1).build();
    Backtest.Result result = Backtest.run(data, List.of(aville), 2019, 2, options);
    Backtest.Line line = result.line(Indicator.inPostFte);
    Score y2020 = result.scores().stream()
        .filter(s -> s.indicator() == Indicator.inPostFte && s.year() == 2020).findFirst()
        .orElseThrow();
    Score y2021 = result.scores().stream()
        .filter(s -> s.indicator() == Indicator.inPostFte && s.year() == 2021).findFirst()
        .orElseThrow();
    double z = 1.6448536269514722;
    // last value 108; one-year errors 4 and 4 (rms 4), spread 4 sqrt(h): 2020 [101.4, 114.6]
    // holds 110; 2021 108 -+ 9.3 misses 90 by 108 - 9.3 - 90
    double lastIs2020 = 2 * z * 4;
    double lastLow2021 = 108 - z * 4 * Math.sqrt(2);
    double lastIs2021 = 2 * z * 4 * Math.sqrt(2) + 20 * (lastLow2021 - 90);
    // mean 104, deviation 4: 104 + 0.7^h 4 = 106.8, 105.96; one-year errors, each from the
    // years before only, 4 (104 from 100) and 4.6 (108 from 102 + 0.7 x 2)
    double spread = Math.sqrt((4 * 4 + 4.6 * 4.6) / 2);
    double mrIs2020 = 2 * z * spread;
    double mrSpread2021 = spread * Math.sqrt(1 + 0.49);
    double mrIs2021 = 2 * z * mrSpread2021 + 20 * (105.96 - z * mrSpread2021 - 90);
    assertThat(line.coverageLast()).isEqualTo(0.5);
    assertThat(line.coverageMeanReverting()).isEqualTo(0.5);
    assertThat(line.intervalScoreLast()).isCloseTo((lastIs2020 + lastIs2021) / 2,
        within(1e-9));
    assertThat(line.intervalScoreMeanReverting()).isCloseTo((mrIs2020 + mrIs2021) / 2,
        within(1e-9));
    assertThat(line.maeMeanReverting()).isCloseTo((3.2 + 15.96) / 2, within(1e-9));
    assertThat(line.maeBestNaive()).isCloseTo(9.58, within(1e-9));
    // the model's, from its bands: width plus 20 times the miss
    double modelIs = 0;
    double modelError = 0;
    for (Score s : List.of(y2020, y2021)) {
      Band b = s.model();
      modelIs += b.p95() - b.p5() + 20 * (Math.max(0, b.p5() - s.actual())
          + Math.max(0, s.actual() - b.p95()));
      modelError += Math.abs(b.p50() - s.actual());
    }
    assertThat(line.intervalScore()).isCloseTo(modelIs / 2, within(1e-9));
    double gain = 1 - modelError / 2 / 9.58;
    assertThat(line.maeGain()).isCloseTo(gain, within(1e-12));
    assertThat(line.maeGoalMet()).isEqualTo(gain >= 0.07);
    assertThat(line.intervalGoalMet()).isEqualTo(modelIs / 2 < (lastIs2020 + lastIs2021) / 2
        && modelIs / 2 < (mrIs2020 + mrIs2021) / 2);
    double coverage = (y2020.inside() ? 1 : 0) + (y2021.inside() ? 1 : 0);
    assertThat(line.coverageGoalMet()).isEqualTo(coverage / 2 >= 0.85 && coverage / 2 <= 0.95);

    // the noise: each percentile's 95% half-width from an independent run (the larger
    // distance to an end of its order-statistic interval), its standard error that over 1.96,
    // and the MAE's and IS's through their slopes
    RunResult run = MonteCarlo.run(Calibrator.calibrate(data, aville, 2019, 24).scenario(),
        options, List.of());
    double[] median = new double[2];
    double[] low = new double[2];
    double[] high = new double[2];
    int i = 0;
    for (Score s : List.of(y2020, y2021)) {
      Summary summary = run.snapshots().stream().filter(x -> x.date().getYear() == s.year())
          .findFirst().orElseThrow().get(Indicator.inPostFte.metric());
      Summary.Intervals at = summary.intervals();
      assertThat(s.modelError().p50()).isEqualTo(Math.max(summary.p50() - at.p50Low(),
          at.p50High() - summary.p50()));
      assertThat(s.modelError().p5()).isEqualTo(Math.max(summary.p5() - at.p5Low(),
          at.p5High() - summary.p5()));
      assertThat(s.modelError().p95()).isEqualTo(Math.max(summary.p95() - at.p95Low(),
          at.p95High() - summary.p95()));
      // slopes: the error by +-1 with the median; the IS by -1 (or +19 below) with p5 and by
      // +1 (or -19 above) with p95
      double z975 = 1.959963984540054;
      median[i] = Math.signum(summary.p50() - s.actual()) * s.modelError().p50() / z975;
      low[i] = (s.actual() < summary.p5() ? 19 : -1) * s.modelError().p5() / z975;
      high[i] = (s.actual() > summary.p95() ? -19 : 1) * s.modelError().p95() / z975;
      i++;
    }
    // the larger of a shift common to both years and independent shifts
    double maeSe = Math.max(Math.abs(median[0] + median[1]) / 2,
        Math.sqrt(median[0] * median[0] + median[1] * median[1]) / 2);
    double isSe = Math.max(Math.abs(low[0] + low[1]) / 2 + Math.abs(high[0] + high[1]) / 2,
        Math.sqrt(low[0] * low[0] + low[1] * low[1] + high[0] * high[0] + high[1] * high[1])
            / 2);
    assertThat(line.maeSe()).isCloseTo(maeSe, within(1e-12));
    assertThat(line.maeGainSe()).isCloseTo(maeSe / 9.58, within(1e-12));
    assertThat(line.maeGoalWithinNoise())
        .isEqualTo(Math.abs(gain - 0.07) < 1.959963984540054 * maeSe / 9.58);
    assertThat(line.intervalScoreSe()).isCloseTo(isSe, within(1e-9));
    // coverage within noise, by hand: a value is near a band end when it lies within that
    // end's 95% half-width (the sketch's accuracy is in it)
    double inside = 0;
    double surelyInside = 0;
    double possiblyInside = 0;
    for (Score s : List.of(y2020, y2021)) {
      Band b = s.model();
      boolean in = s.actual() >= b.p5() && s.actual() <= b.p95();
      boolean near = Math.abs(s.actual() - b.p5()) <= s.modelError().p5()
          || Math.abs(s.actual() - b.p95()) <= s.modelError().p95();
      inside += in ? 1 : 0;
      surelyInside += in && !near ? 1 : 0;
      possiblyInside += in || near ? 1 : 0;
      assertThat(s.nearBandEnd()).as(s.year() + "").isEqualTo(near);
    }
    assertThat(line.coverage()).isEqualTo(inside / 2);
    assertThat(line.coverageLow()).isEqualTo(surelyInside / 2);
    assertThat(line.coverageHigh()).isEqualTo(possiblyInside / 2);
    // the table prints these hand sums: 1.96 se of the MAE and IS, the coverage's range
    assertThat(BacktestReport.table(result)).contains(String.format(java.util.Locale.ROOT,
        "%-13s %9.2f %9.2f %7.1f%% - %5.1f%%", "inPostFte", 1.959963984540054 * maeSe,
        1.959963984540054 * isSe, 100 * surelyInside / 2, 100 * possiblyInside / 2));
  }

  @Test
  void goalsWithinNoise_areMarkedSo() {
    // gain 7.5% with se 1%: met, within noise; IS 10 against 12 with se 0.5: met clearly;
    // coverage 90% that noise could take to 84% or 96%: within noise
    Backtest.Line line = new Backtest.Line(Indicator.caseload, 100, 0.90, 0.8, 0.7,
        0.925, 1.0, 1.1, 1.2, 10, 12, 13, 0.01, 0.5, 0.84, 0.96);
    assertThat(line.maeGain()).isCloseTo(0.075, within(1e-12));
    assertThat(line.maeGoalMet()).isTrue();
    assertThat(line.maeGoalWithinNoise()).isTrue();
    assertThat(line.intervalGoalMet()).isTrue();
    assertThat(line.intervalGoalWithinNoise()).isFalse();
    assertThat(line.coverageGoalMet()).isTrue();
    assertThat(line.coverageGoalWithinNoise()).isTrue();
    Backtest.Line clear = new Backtest.Line(Indicator.caseload, 100, 0.90, 0.8, 0.7,
        0.5, 1.0, 1.1, 1.2, 12.9, 12, 13, 0.01, 0.5, 0.88, 0.92);
    assertThat(clear.maeGoalWithinNoise()).isFalse();
    assertThat(clear.intervalGoalMet()).isFalse();
    assertThat(clear.intervalGoalWithinNoise()).isTrue();
    assertThat(clear.coverageGoalWithinNoise()).isFalse();
  }

  @Test
  void goalsOnTooFewValues_areNotJudged() {
    Backtest.Line few = new Backtest.Line(Indicator.caseload, Backtest.MIN_VALUES - 1, 1.0, 0.8,
        0.7, 0.925, 1.0, 1.1, 1.2, 10, 12, 13, 0.01, 0.5, 1.0, 1.0);
    assertThat(few.judged()).isFalse();
    Backtest.Line enough = new Backtest.Line(Indicator.caseload, Backtest.MIN_VALUES, 1.0, 0.8,
        0.7, 0.925, 1.0, 1.1, 1.2, 10, 12, 13, 0.01, 0.5, 1.0, 1.0);
    assertThat(enough.judged()).isTrue();
  }

  @Test
  void headline_namesTheYearsScored() throws IOException {
    DfeData data = data(); // Aville's returns end in 2021
    Backtest.Result result = Backtest.run(data, List.of(data.area("Aville")), 2019, 4,
        RunOptions.builder().replications(8).seed(1).threads(1).build());
    assertThat(BacktestReport.table(result)).startsWith("Backtest from 30 September 2019, scored"
        + " against 2020-2021 (no published figures for 2022-2023)");
    assertThat(BacktestReport.table(result)).contains("n too small to judge");
    assertThat(BacktestReport.yearsScored(result)).containsExactly(2020, 2021);
  }

  /**
   * Buckinghamshire's county council (E10000002) reported to 2019 and its unitary council
   * (E06000060) from 2020: from 2019 the county has nothing to be scored against under its
   * code and the unitary council no return to start from. Both are said, each by its code (a
   * newcomer had found the county silently left out, and "Buckinghamshire 2019: not
   * published" beside a 2019 return).
   */
  @Test
  void aCouncilReorganisedUnderANewCode_isNotScoredAndSaysWhereItsFiguresAre()
      throws IOException {
    DfeData real = DfeData.load(Path.of("..", "data", "dfe"));
    Backtest.Result result = Backtest.run(real, List.of(real.area("E10000002"),
        real.area("E06000060")), 2019, 3, RunOptions.builder().replications(8).threads(1)
            .build());
    assertThat(result.scores()).isEmpty();
    assertThat(result.notScored()).containsExactly("Buckinghamshire (E10000002) 2019: nothing"
        + " published after 2019 under this code; Buckinghamshire (E06000060) publishes"
        + " 2020-2022");
    assertThat(result.skipped()).extracting(Backtest.Skipped::why).containsExactly("Buckinghamshire (E06000060) 2019: the"
        + " workforce return is not published for that year (returns published: 2020-2022)");
    assertThat(BacktestReport.table(result)).contains("1 councils skipped, 1 with nothing published"
        + " after it)");
    // a council with a return and nothing after it, and no namesake, is said so too
    // (Northamptonshire from 2020: its successors publish jointly from 2021); one without a
    // return in the base year is skipped with calibration's reason (Dorset's county in 2019)
    Backtest.Result later = Backtest.run(real, List.of(real.area("E10000021"),
        real.area("E10000009")), 2020, 2, RunOptions.builder().replications(8).threads(1)
            .build());
    assertThat(later.notScored()).containsExactly("Northamptonshire (E10000021) 2020: nothing"
        + " published after 2020 under this code");
    assertThat(later.skipped()).extracting(Backtest.Skipped::why).singleElement().asString().startsWith("Dorset (E10000009) 2020:"
        + " the workforce return is not published for that year");
  }

  @Test
  void councilWithoutWorkforceFigures_isSkippedWithTheReason() throws IOException {
    DfeData data = data();
    Backtest.Result result = Backtest.run(data, List.of(data.area("Aville")), 2016, 1,
        RunOptions.builder().replications(8).build());
    assertThat(result.scores()).isEmpty();
    assertThat(result.skipped()).extracting(Backtest.Skipped::why).singleElement().asString()
        .startsWith("Aville 2016: the workforce return is not published for that year");
  }

  /** Figures that make no scenario leave that council out, not the whole backtest. */
  @Test
  void councilWithUnusableFigures_isSkipped_andTheOthersScored() throws IOException {
    DfeData data = DfeData.load(EditedDfeData.workforce(dir.resolve("edited"), "Medway", 2019,
        "-5", EditedDfeData.INPOST_FTE));
    Backtest.Result result = Backtest.run(data, List.of(data.area("Medway"),
        data.area("Kent")), 2019, 1, RunOptions.builder().replications(8).build());
    assertThat(result.skipped()).extracting(Backtest.Skipped::why).containsExactly("Medway 2019: inpost_fte is -5 in the data: a"
        + " published figure is from 0 to 100,000,000");
    assertThat(result.scores()).isNotEmpty().allMatch(s -> s.council().equals("Kent"));
  }

  /**
   * A figure no table could hold in a year scored (Medway's in post of 2021 set to -5 or
   * 1e300) leaves that council out with the calibration's words, naming council, year and
   * column, and the others scored; it had been scored as published (a turnover computed from
   * -5 FTE, an MAE of 300 digits).
   */
  @Test
  void impossibleFigureOfAYearScored_skipsThatCouncilNamingYearAndColumn() throws IOException {
    for (String bad : List.of("-5", "1e300")) {
      DfeData data = DfeData.load(EditedDfeData.workforce(dir.resolve("scored" + bad),
          "Medway", 2021, bad, EditedDfeData.INPOST_FTE));
      Backtest.Result result = Backtest.run(data, List.of(data.area("Medway"),
          data.area("Kent")), 2019, 3, RunOptions.builder().replications(8).threads(1).build());
      assertThat(result.skipped()).extracting(Backtest.Skipped::why).containsExactly(
          "Medway 2021: inpost_fte is " + (bad.equals("-5") ? "-5" : "1.00e+300") + " in the"
              + " data: a published figure is from 0 to 100,000,000");
      assertThat(result.skipped()).extracting(Backtest.Skipped::reason)
          .containsExactly(UncalibratableException.Reason.UNUSABLE_FIGURES);
      assertThat(result.scores()).isNotEmpty().allMatch(s -> s.council().equals("Kent"))
          .allMatch(s -> Math.abs(s.actual()) < 1e6);
    }
  }
}
