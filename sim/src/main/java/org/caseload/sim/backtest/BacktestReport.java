package org.caseload.sim.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.caseload.sim.output.CsvNumbers;

/**
 * A backtest as people and programs read it: the summary table (each indicator's scores,
 * goals and Monte Carlo errors) and the per-council CSV.
 *
 * @implNote Stateless and thread-safe.
 */
public final class BacktestReport {

  private BacktestReport() {}

  /** The summary table as text. */
  public static String table(Backtest.Result result) {
    List<Integer> scored = yearsScored(result);
    List<Integer> unscored = new ArrayList<>();
    for (int year = result.baseYear() + 1; year <= result.baseYear() + result.years(); year++) {
      if (!scored.contains(year)) {
        unscored.add(year);
      }
    }
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "Backtest from 30 September %d, scored against %s%s (%d values scored: council x"
            + " indicator x year; %d councils skipped%s)%n", result.baseYear(),
        scored.isEmpty() ? "no year" : years(scored),
        unscored.isEmpty() ? "" : " (no published figures for " + years(unscored) + ")",
        result.scores().size(), result.skipped().size(), result.notScored().isEmpty() ? ""
            : String.format(Locale.ROOT, ", %d with nothing published after it",
                result.notScored().size())));
    out.append(withoutNaive(result));
    out.append("Median's MAE, 90% interval score (IS) and 5-95% coverage of the model, of the last"
        + " value carried forward\n(last) and of the mean-reverting naive (mean + 0.7^h x last"
        + " deviation; mean-rev); gain: how much lower\nthe model's MAE is than the better"
        + " naive's (goal >= 7%); goals: MAE, IS (below both), coverage (85-95%).\n");
    out.append(String.format(Locale.ROOT, "%-13s %5s %8s %9s %9s %9s %7s %6s %9s %9s %9s %8s"
        + " %8s %s%n", "indicator", "n", "coverage", "MAE", "MAE", "MAE", "gain", "gain", "IS",
        "IS", "IS", "coverage", "coverage", "goals"));
    out.append(String.format(Locale.ROOT, "%-13s %5s %8s %9s %9s %9s %7s %6s %9s %9s %9s %8s"
        + " %8s %s%n", "", "", "model", "model", "last", "mean-rev", "", "se", "model", "last",
        "mean-rev", "last", "mean-rev", "M/I/C"));
    for (Indicator indicator : Indicator.values()) {
      Backtest.Line l = result.line(indicator);
      if (l.n() == 0) {
        out.append(nothingToScore(indicator));
        continue;
      }
      // rates (fractions) to 0.0001, FTE and caseloads to 0.01: finer than the Monte Carlo
      // noise either way (gain se), as in docs/backtest.md's tables
      String three = indicator.isRate() ? "%9.4f %9.4f %9.4f" : "%9.2f %9.2f %9.2f";
      out.append(String.format(Locale.ROOT, "%-13s %5d %7.1f%% " + three + " %6.1f%% %5.1f%% "
          + three + " %7.1f%% %7.1f%% %s%n", indicator.name(), l.n(),
          100 * l.coverage(), l.maeMedian(), l.maeLast(), l.maeMeanReverting(),
          100 * l.maeGain(), 100 * l.maeGainSe(), l.intervalScore(), l.intervalScoreLast(),
          l.intervalScoreMeanReverting(), 100 * l.coverageLast(),
          100 * l.coverageMeanReverting(), !l.judged() ? "n too small to judge"
              : mark(l.maeGoalMet(), l.maeGoalWithinNoise()) + "/"
                  + mark(l.intervalGoalMet(), l.intervalGoalWithinNoise()) + "/"
                  + mark(l.coverageGoalMet(), l.coverageGoalWithinNoise())));
    }
    out.append("The model's scores' Monte Carlo error, 95% (1.96 se, as the goals' ~ use; the naive"
        + " forecasters' are exact),\nand its coverage with the values within noise of a band end"
        + " counted all outside or all inside:\n");
    out.append(String.format(Locale.ROOT, "%-13s %9s %9s %17s%n", "indicator", "MAE ±",
        "IS ±", "coverage between"));
    for (Indicator indicator : Indicator.values()) {
      Backtest.Line l = result.line(indicator);
      if (l.n() == 0) {
        out.append(String.format(Locale.ROOT, "%-13s %s%n", indicator.name(), NO_VALUES));
        continue;
      }
      out.append(String.format(Locale.ROOT, "%-13s %9s %9s %7.1f%% - %5.1f%%%n",
          indicator.name(), noise(Score.Z975 * l.maeSe(), indicator),
          noise(Score.Z975 * l.intervalScoreSe(), indicator), 100 * l.coverageLow(),
          100 * l.coverageHigh()));
    }
    out.append("Monte Carlo noise: gain se is the standard error of the gain from the medians'"
        + " (their 95% errors over 1.96),\nwhether the councils' errors shift together or"
        + " apart, whichever is larger; ~ marks a goal met or missed\nwithin noise: the gain within"
        + " 1.96 se of 7%, the IS within 1.96 se of the better naive's (its se likewise from\n"
        + "p5's and p95's), or coverage that the values within a band end's 95% error could take"
        + " across 85% or\n95%. Band ends are the sketch's p5 and p95, within 0.5% of the exact"
        + " percentiles; a percentile's 95% error\nis the reach of its order-statistic interval,"
        + " its se that over 1.96; - where too few replications bound\nit (p5's and p95's need"
        + " 72; docs/monte-carlo.md, docs/backtest.md)."
        + " Goals are judged on " + Backtest.MIN_VALUES + " values or more: with fewer, one value moves"
        + " the\ncoverage by more than 5 points, half the 85-95% goal.\n");
    return out.toString();
  }

  /**
   * A Monte Carlo error as the table prints it: to four decimals for a rate, two otherwise;
   * {@code -} where there is none (too few replications to bound a band end's percentile).
   */
  private static String noise(double error, Indicator indicator) {
    return Double.isNaN(error) ? "-"
        : String.format(Locale.ROOT, indicator.isRate() ? "%.4f" : "%.2f", error);
  }

  /**
   * An indicator's line with no value to score: n 0 and why, where its averages (of nothing)
   * had been printed as NaN.
   */
  private static String nothingToScore(Indicator indicator) {
    return String.format(Locale.ROOT, "%-13s %5d %s%n", indicator.name(), 0, NO_VALUES);
  }

  /** What a line of an indicator with no value to score says in place of its figures. */
  static final String NO_VALUES = "no values to score: none published (or defined) in the years"
      + " scored, or none with the base year's value and an earlier one to compare with";

  /** The years with a value scored, ascending. */
  public static List<Integer> yearsScored(Backtest.Result result) {
    return result.scores().stream().map(Score::year).distinct().sorted().toList();
  }

  /** Ascending years as runs: "2020-2022", "2019, 2021". */
  private static String years(List<Integer> years) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < years.size()) {
      int j = i;
      while (j + 1 < years.size() && years.get(j + 1) == years.get(j) + 1) {
        j++;
      }
      out.append(out.length() == 0 ? "" : ", ").append(years.get(i));
      if (j > i) {
        out.append('-').append(years.get(j));
      }
      i = j + 1;
    }
    return out.toString();
  }

  private static String mark(boolean met, boolean withinNoise) {
    return (met ? "yes" : "no") + (withinNoise ? "~" : "");
  }

  /** One CSV row per council x indicator x year, numbers as {@link CsvNumbers} writes them. */
  public static String csv(Backtest.Result result) {
    StringBuilder out = new StringBuilder("council,code,indicator,year,actual,p5,p50,p95,"
        + "inside,lastValue,lastP5,lastP95,meanReverting,meanRevertingP5,meanRevertingP95,"
        + "trend,errorMedian,errorLast,errorMeanReverting,errorTrend,intervalScore,"
        + "intervalScoreLast,intervalScoreMeanReverting\n");
    for (Score s : result.scores()) {
      out.append(CsvNumbers.text(s.council())).append(',').append(CsvNumbers.text(s.code()))
          .append(',').append(s.indicator()).append(',')
          .append(s.year());
      for (double v : new double[] {s.actual(), s.model().p5(), s.model().p50(),
          s.model().p95()}) {
        out.append(',').append(CsvNumbers.format(v));
      }
      out.append(',').append(s.inside());
      for (Band naive : new Band[] {s.last(), s.meanReverting()}) {
        for (double v : naive == null ? new double[] {Double.NaN, Double.NaN, Double.NaN}
            : new double[] {naive.p50(), naive.p5(), naive.p95()}) {
          out.append(',').append(CsvNumbers.format(v));
        }
      }
      for (double v : new double[] {s.trend(), s.errorMedian(), s.errorLast(),
          s.errorMeanReverting(), s.errorTrend(), s.intervalScore(), s.intervalScoreLast(),
          s.intervalScoreMeanReverting()}) {
        out.append(',').append(CsvNumbers.format(v));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** Councils named in {@link #withoutNaive} before "and N more". */
  private static final int NAMED = 5;

  /**
   * The values the table leaves out, where a naive forecaster has none (no published value of
   * the base year and one before it), and whose; empty where none is. An analyst had added
   * the table's n to 73 of "88 values scored" with nothing said: Bournemouth, Christchurch
   * and Poole's 15, its model's worst errors.
   */
  static String withoutNaive(Backtest.Result result) {
    List<Score> left = result.scores().stream().filter(s -> !s.comparable()).toList();
    if (left.isEmpty()) {
      return "";
    }
    List<String> councils = left.stream().map(Score::council).distinct().toList();
    String named = String.join(", ", councils.subList(0, Math.min(NAMED, councils.size())))
        + (councils.size() > NAMED ? " and " + (councils.size() - NAMED) + " more" : "");
    return String.format(Locale.ROOT, "The table is of the values both naive forecasters can"
        + " forecast (published in the base year and one\nbefore); %d %s not, in the CSV"
        + " (--out) only: %s.%n", left.size(), left.size() == 1 ? "value is" : "values are",
        named);
  }
}
