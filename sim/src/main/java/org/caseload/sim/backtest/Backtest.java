package org.caseload.sim.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.caseload.core.calibration.Calibration;
import org.caseload.core.calibration.Calibrator;
import org.caseload.core.data.Area;
import org.caseload.core.data.DfeData;
import org.caseload.sim.engine.MonteCarlo;
import org.caseload.sim.engine.RunOptions;
import org.caseload.sim.engine.RunResult;
import org.caseload.sim.output.CsvNumbers;
import org.caseload.sim.summary.Summary;

/**
 * Forecasts councils from a base year and scores the 30 September snapshots of the following
 * years against the published figures: whether each falls inside the 5-95% band, and the
 * absolute error of the median against carrying the last value forward and against the
 * linear trend.
 *
 * @implNote Stateless and thread-safe.
 */
public final class Backtest {

  private Backtest() {}

  /** What a backtest did: its scores, and the councils it could not forecast and why. */
  public record Result(int baseYear, int years, List<Score> scores, List<String> skipped) {
    public Result {
      scores = List.copyOf(scores);
      skipped = List.copyOf(skipped);
    }

    /**
     * The summary line of one indicator. Errors of a naive forecast are averaged over the
     * forecasts where it exists (a council may lack the base year's value).
     */
    public Line line(Indicator indicator) {
      List<Score> mine = scores.stream().filter(s -> s.indicator() == indicator).toList();
      double n = mine.size();
      return new Line(indicator, mine.size(),
          mine.stream().filter(Score::inside).count() / n,
          mine.stream().mapToDouble(Score::errorMedian).sum() / n,
          mine.stream().mapToDouble(Score::errorLast).filter(Double::isFinite).average()
              .orElse(Double.NaN),
          mine.stream().mapToDouble(Score::errorTrend).filter(Double::isFinite).average()
              .orElse(Double.NaN));
    }
  }

  /** Coverage and mean absolute errors of one indicator over all councils and years. */
  public record Line(Indicator indicator, int n, double coverage, double maeMedian,
      double maeLast, double maeTrend) {}

  /**
   * Backtests {@code councils} from {@code baseYear} over {@code years} years.
   *
   * @param options replications, seed and threads of each forecast
   */
  public static Result run(DfeData data, List<Area> councils, int baseYear, int years,
      RunOptions options) {
    List<Score> scores = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (Area council : councils) {
      Calibration calibration;
      try {
        calibration = Calibrator.calibrate(data, council, baseYear, 12 * years);
      } catch (IllegalArgumentException e) {
        skipped.add(e.getMessage());
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
          scores.add(new Score(council.name(), council.code(), indicator, year, actual, s.p5(),
              s.p50(), s.p95(), indicator.actual(data, council, baseYear),
              trend(data, council, indicator, baseYear, year)));
        }
      }
    }
    return new Result(baseYear, years, scores, skipped);
  }

  /** The least-squares line through the published values up to the base year, at {@code year}. */
  static double trend(DfeData data, Area council, Indicator indicator, int baseYear, int year) {
    SimpleRegression regression = new SimpleRegression();
    for (int y = baseYear - 5; y <= baseYear; y++) {
      double v = indicator.actual(data, council, y);
      if (Double.isFinite(v)) {
        regression.addData(y, v);
      }
    }
    if (regression.getN() < 2) {
      return indicator.actual(data, council, baseYear);
    }
    double predicted = regression.predict(year);
    return indicator == Indicator.inPostFte || indicator == Indicator.caseload
        ? Math.max(0, predicted) : Math.max(0, Math.min(1, predicted));
  }

  /** The summary table as text. */
  public static String table(Result result) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "Backtest from 30 September %d, scored against %d-%d (%d values scored: council x"
            + " indicator x year; %d councils skipped)%n", result.baseYear(), result.baseYear() + 1,
        result.baseYear() + result.years(), result.scores().size(), result.skipped().size()));
    out.append(String.format(Locale.ROOT, "%-13s %6s %16s %12s %12s %12s %10s%n", "indicator",
        "n", "inside 5-95%", "MAE median", "MAE last", "MAE trend", "beats last"));
    for (Indicator indicator : Indicator.values()) {
      Line line = result.line(indicator);
      out.append(String.format(Locale.ROOT, "%-13s %6d %15.1f%% %12.4f %12.4f %12.4f %10s%n",
          indicator.name(), line.n(), 100 * line.coverage(), line.maeMedian(), line.maeLast(),
          line.maeTrend(), line.maeMedian() < line.maeLast() ? "yes" : "no"));
    }
    return out.toString();
  }

  /** One CSV row per council x indicator x year, numbers as {@link CsvNumbers} writes them. */
  public static String csv(Result result) {
    StringBuilder out = new StringBuilder("council,code,indicator,year,actual,p5,p50,p95,"
        + "inside,lastValue,trend,errorMedian,errorLast,errorTrend\n");
    for (Score s : result.scores()) {
      out.append(s.council().contains(",") ? "\"" + s.council() + "\"" : s.council())
          .append(',').append(s.code()).append(',').append(s.indicator()).append(',')
          .append(s.year());
      for (double v : new double[] {s.actual(), s.p5(), s.p50(), s.p95()}) {
        out.append(',').append(CsvNumbers.format(v));
      }
      out.append(',').append(s.inside());
      for (double v : new double[] {s.lastValue(), s.trend(), s.errorMedian(), s.errorLast(),
          s.errorTrend()}) {
        out.append(',').append(CsvNumbers.format(v));
      }
      out.append('\n');
    }
    return out.toString();
  }
}
