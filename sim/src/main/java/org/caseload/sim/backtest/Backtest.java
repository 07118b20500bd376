package org.caseload.sim.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.caseload.core.calibration.Calibration;
import org.caseload.core.calibration.Calibrator;
import org.caseload.core.calibration.UncalibratableException;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeData;
import org.caseload.core.data.DfeTable;
import org.caseload.core.data.PublishedFigure;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.engine.RunOptions;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.summary.BandError;
import org.caseload.sim.summary.Summary;

/**
 * Forecasts councils from a base year and scores the 30 September snapshots of the following
 * years against the published figures, and against two naive forecasters (the last value
 * carried forward; the council's mean plus 0.7^h of its last deviation), each with a 5-95%
 * band: the absolute error of the median, the 90% interval score and the coverage of the
 * band ({@link Band}). The linear trend is scored too, in the CSV. What it prints:
 * {@link BacktestReport}.
 *
 * @implNote Stateless and thread-safe.
 */
public final class Backtest {

  /** The median's MAE must be this much lower than the better naive forecaster's. */
  public static final double MAE_GAIN_GOAL = 0.07;
  /** The coverage of the 5-95% band must be within this range. */
  public static final double COVERAGE_MIN = 0.85;
  public static final double COVERAGE_MAX = 0.95;
  /**
   * Goals are judged on at least this many values: with fewer, one value moves the coverage
   * by more than 5 points, half the 85-95% goal, and one council's error weighs more than 5%
   * in a mean.
   */
  public static final int MIN_VALUES = 20;

  private Backtest() {}

  /**
   * A council left out of a backtest, and why: in words (naming the council, the year and,
   * for a figure no table could hold, its column) and as the calibration's reason, so that a
   * caller can blame what can change it.
   *
   * @param why the reason in words, as a {@code skipped} line prints it
   * @param reason {@link UncalibratableException.Reason#UNUSABLE_FIGURES} also for a figure
   *     of a year scored that no table could hold
   */
  public record Skipped(String why, UncalibratableException.Reason reason) {}

  /**
   * What a backtest did: its scores, the councils it could not forecast or score and why, and
   * those it did not forecast because nothing is published under their code after the base
   * year (a council reorganised under a new code).
   */
  public record Result(int baseYear, int years, List<Score> scores, List<Skipped> skipped,
      List<String> notScored) {
    public Result {
      scores = List.copyOf(scores);
      skipped = List.copyOf(skipped);
      notScored = List.copyOf(notScored);
    }

    /**
     * The summary line of one indicator, over the values where both naive forecasters have
     * a forecast (the council published the base year's value and an earlier one), so that
     * the three are scored on the same values.
     */
    public Line line(Indicator indicator) {
      List<Score> mine = scores.stream()
          .filter(s -> s.indicator() == indicator && s.comparable()).toList();
      return new Line(indicator, mine.size(),
          mean(mine, s -> s.inside() ? 1 : 0),
          mean(mine, s -> s.last().covers(s.actual()) ? 1 : 0),
          mean(mine, s -> s.meanReverting().covers(s.actual()) ? 1 : 0),
          mean(mine, Score::errorMedian), mean(mine, Score::errorLast),
          mean(mine, Score::errorMeanReverting), mean(mine, Score::errorTrend),
          mean(mine, Score::intervalScore), mean(mine, Score::intervalScoreLast),
          mean(mine, Score::intervalScoreMeanReverting),
          noise(mine, s -> s.errorSlope() * s.modelSe().p50()),
          Math.max(Math.abs(mean(mine, s -> s.intervalScoreSlopeP5() * s.modelSe().p5()))
              + Math.abs(mean(mine, s -> s.intervalScoreSlopeP95() * s.modelSe().p95())),
              Math.sqrt(mine.stream().mapToDouble(s -> square(s.intervalScoreSlopeP5()
                  * s.modelSe().p5()) + square(s.intervalScoreSlopeP95()
                  * s.modelSe().p95())).sum()) / mine.size()),
          mean(mine, s -> s.inside() && !s.nearBandEnd() ? 1 : 0),
          mean(mine, s -> s.inside() || s.nearBandEnd() ? 1 : 0));
    }

    private static double mean(List<Score> scores, ToDoubleFunction<Score> f) {
      return scores.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    /**
     * The standard error of a mean over the scores that moves by {@code f} (a score's slope
     * times its standard error) per standard error of each score's percentile: the larger of
     * a shift common to every council, |mean(f)|, and independent shifts, sqrt(sum f^2) / n.
     */
    private static double noise(List<Score> scores, ToDoubleFunction<Score> f) {
      return Math.max(Math.abs(mean(scores, f)), Math.sqrt(scores.stream()
          .mapToDouble(s -> square(f.applyAsDouble(s))).sum()) / scores.size());
    }

    private static double square(double v) {
      return v * v;
    }
  }

  /**
   * Coverage, mean absolute errors and mean interval scores of one indicator over all
   * councils and years: the model's, the last value's, the mean-reverting naive's (and the
   * trend's MAE); and the model's Monte Carlo noise ({@link BandError}): the standard errors
   * of its MAE and interval score, linearised (each score moves with its percentiles by its
   * slope: the median's error by +-1, the interval score by -1 or +19 with p5 and +1 or -19
   * with p95), the larger of the two extremes of the councils' correlation (their forecasts
   * share their random numbers: one shift common to every council, or independent shifts);
   * and the coverage with every value within noise of a band end counted outside and inside
   * (the worst case).
   *
   * @param maeSe the standard error of {@code maeMedian}
   * @param intervalScoreSe the standard error of {@code intervalScore} (a common shift of
   *     each band end, or independent shifts)
   * @param coverageLow the coverage with the values near a band end counted outside
   * @param coverageHigh the coverage with them counted inside
   */
  public record Line(Indicator indicator, int n, double coverage, double coverageLast,
      double coverageMeanReverting, double maeMedian, double maeLast, double maeMeanReverting,
      double maeTrend, double intervalScore, double intervalScoreLast,
      double intervalScoreMeanReverting, double maeSe, double intervalScoreSe,
      double coverageLow, double coverageHigh) {

    /** Whether there are values enough ({@link #MIN_VALUES}) to judge the goals on. */
    public boolean judged() {
      return n >= MIN_VALUES;
    }

    /** The better naive forecaster's MAE. */
    public double maeBestNaive() {
      return Math.min(maeLast, maeMeanReverting);
    }

    /** How much lower the median's MAE is than the better naive's (negative: higher). */
    public double maeGain() {
      return 1 - maeMedian / maeBestNaive();
    }

    /** The standard error of the gain: {@code maeSe} over the better naive's MAE. */
    public double maeGainSe() {
      return maeSe / maeBestNaive();
    }

    public boolean maeGoalMet() {
      return maeGain() >= MAE_GAIN_GOAL;
    }

    /** Whether the gain is within 1.96 standard errors of the goal: met or not by chance. */
    public boolean maeGoalWithinNoise() {
      return Math.abs(maeGain() - MAE_GAIN_GOAL) < Score.Z975 * maeGainSe();
    }

    public boolean intervalGoalMet() {
      return intervalScore < intervalScoreLast && intervalScore < intervalScoreMeanReverting;
    }

    /** Whether the interval score is within 1.96 standard errors of the better naive's. */
    public boolean intervalGoalWithinNoise() {
      return Math.abs(intervalScore - Math.min(intervalScoreLast, intervalScoreMeanReverting))
          < Score.Z975 * intervalScoreSe;
    }

    public boolean coverageGoalMet() {
      return covered(coverage);
    }

    /** Whether the values near a band end could take the coverage across 85% or 95%. */
    public boolean coverageGoalWithinNoise() {
      return covered(coverageLow) != covered(coverage)
          || covered(coverageHigh) != covered(coverage)
          || coverageLow < COVERAGE_MIN && coverageHigh > COVERAGE_MAX;
    }

    private static boolean covered(double c) {
      return c >= COVERAGE_MIN && c <= COVERAGE_MAX;
    }
  }

  /**
   * Backtests {@code councils} from {@code baseYear} over {@code years} years.
   *
   * @param options replications, seed and threads of each forecast
   */
  public static Result run(DfeData data, List<Area> councils, int baseYear, int years,
      RunOptions options) {
    List<Score> scores = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    List<String> notScored = new ArrayList<>();
    for (Area council : councils) {
      List<Area> namesakes = data.areas().stream().filter(a -> a.level() == council.level()
          && a.name().equals(council.name()) && !a.code().equals(council.code())).toList();
      // a council with a return to start from and nothing to be scored against (reorganised
      // under a new code, as Buckinghamshire's county in 2020, Bournemouth and Poole in 2019,
      // Northamptonshire in 2021) is said so, not forecast; without a return it is skipped
      // below, with calibration's reason
      if (data.years(DfeTable.WORKFORCE, council).contains(baseYear)
          && !publishedAfter(data, council, baseYear, years)) {
        Optional<Area> successor = namesakes.stream()
            .filter(a -> publishedAfter(data, a, baseYear, years)).findFirst();
        String where = successor.map(s -> {
          List<Integer> later = data.years(DfeTable.WORKFORCE, s).stream()
              .filter(y -> y > baseYear).toList();
          return String.format(Locale.ROOT, "; %s (%s) publishes %d-%d", s.name(), s.code(),
              later.get(0), later.get(later.size() - 1));
        }).orElse("");
        notScored.add(String.format(Locale.ROOT, "%s (%s) %d: nothing published after %d under"
            + " this code%s", council.name(), council.code(), baseYear, baseYear, where));
        continue;
      }
      // a name two councils have had (Buckinghamshire's county and unitary council) is told
      // apart by its code
      String named = namesakes.isEmpty() ? council.name()
          : council.name() + " (" + council.code() + ")";
      Optional<String> impossible = impossibleFigure(data, council, named, baseYear, years);
      if (impossible.isPresent()) {
        skipped.add(new Skipped(impossible.get(),
            UncalibratableException.Reason.UNUSABLE_FIGURES));
        continue;
      }
      Calibration calibration;
      try {
        calibration = Calibrator.calibrate(data, council, baseYear, 12 * years);
      } catch (UncalibratableException e) {
        skipped.add(new Skipped(named + " " + baseYear + ": " + e.why(), e.reason()));
        continue;
      }
      RunResult forecast = MonteCarlo.run(calibration.scenario(), options, List.of());
      for (RunResult.SnapshotSummary snapshot : forecast.snapshots()) {
        int year = snapshot.date().getYear();
        for (Indicator indicator : Indicator.values()) {
          double actual = indicator.actual(data, council, year);
          if (!Double.isFinite(actual)) {
            continue;
          }
          Summary s = snapshot.get(indicator.metric());
          if (s.n() == 0) {
            continue; // no replication had a value (nobody in post): nothing to score
          }
          History history = History.of(data, council, indicator, baseYear);
          double ceiling = indicator.isRate() ? 1 : Double.POSITIVE_INFINITY;
          scores.add(new Score(council.name(), council.code(), indicator, year, actual,
              new Band(s.p5(), s.p50(), s.p95()),
              BandError.of(s),
              NaiveForecaster.LAST_VALUE.forecast(history, year, 0, ceiling),
              NaiveForecaster.MEAN_REVERTING.forecast(history, year, 0, ceiling),
              trend(history, year, ceiling)));
        }
      }
    }
    return new Result(baseYear, years, scores, skipped, notScored);
  }

  /**
   * The first figure no table could hold ({@link PublishedFigure}) among those the scoring
   * reads: every column of the indicators, from the naive forecasters' first year to the last
   * year scored; as the calibration words it, naming {@code named}, the year and the column.
   * Such a figure is not scored as published (a turnover from -5 FTE in post, an error of 300
   * digits): the council is left out, as the calibration leaves out one whose base year holds
   * it.
   */
  private static Optional<String> impossibleFigure(DfeData data, Area council, String named,
      int baseYear, int years) {
    for (int year = baseYear - History.LOOKBACK; year <= baseYear + years; year++) {
      for (String column : Indicator.COLUMNS) {
        double v = data.value(DfeTable.WORKFORCE, council, year, column);
        if (!PublishedFigure.possible(v)) {
          return Optional.of(named + " " + year + ": " + PublishedFigure.refusal(column, v));
        }
      }
    }
    return Optional.empty();
  }

  /** Whether any indicator of {@code council} is published in the years scored. */
  private static boolean publishedAfter(DfeData data, Area council, int baseYear, int years) {
    for (int year = baseYear + 1; year <= baseYear + years; year++) {
      for (Indicator indicator : Indicator.values()) {
        if (Double.isFinite(indicator.actual(data, council, year))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The least-squares line through the published values up to the base year, at {@code year}. */
  static double trend(History history, int year, double ceiling) {
    SimpleRegression regression = new SimpleRegression();
    for (int i = 0; i < history.size(); i++) {
      regression.addData(history.years().get(i), history.values().get(i));
    }
    if (regression.getN() < 2) {
      return history.years().contains(history.baseYear()) ? history.last() : Double.NaN;
    }
    return Math.max(0, Math.min(ceiling, regression.predict(year)));
  }
}
