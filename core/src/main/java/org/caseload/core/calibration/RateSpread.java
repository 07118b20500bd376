package org.caseload.core.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.caseload.core.data.DfeTable;
import org.caseload.core.scenario.Uncertainty;

/**
 * The uncertainty of the rates carried into the Monte Carlo: each rate's standard deviation
 * from its year-to-year spread over the history years (for turnover, fill probability and
 * agency cover pooled with the spread typical of councils, {@link TypicalSpread}), the
 * referral level and growth from
 * the trend fit, the growth of funded posts from its annual changes (docs/calibration.md,
 * "Uncertainty carried into the Monte Carlo").
 */
final class RateSpread {

  /** Fewest years that give a spread. */
  static final int MIN_YEARS = 2;
  /** Plausible standard deviation of a share or rate. */
  static final Bounds SD = new Bounds(0, 1);

  /**
   * {@code sd} within {@link #SD} and within what the parameter's sd can mean ({@link
   * Uncertainty.Parameter#maxSd()}, half its range), so a calibration is always a valid
   * scenario; no council's figures of 2013-2024 reach that limit (at most 0.42).
   */
  private static double plausible(Uncertainty.Parameter parameter, double sd) {
    return Math.min(SD.clamp(sd), parameter.maxSd());
  }

  private RateSpread() {}

  static List<Uncertainty> of(Figures figures, Trend referrals, FrontDoor door,
      StaffFlows flows, Trend posts) {
    List<Uncertainty> uncertainty = new ArrayList<>();
    uncertainty.add(new Uncertainty(Uncertainty.Parameter.referralLevel, referrals.levelSd()));
    uncertainty.add(new Uncertainty(Uncertainty.Parameter.referralGrowth,
        referrals.growthSd()));
    add(uncertainty, Uncertainty.Parameter.nfaShare, door.nfa(), 1);
    add(uncertainty, Uncertainty.Parameter.notInNeedShare, door.notInNeed(), 1);
    double turnover = TypicalSpread.of(figures, "leavers_fte", "inpost_fte", (n, d) -> n / d);
    double fill = TypicalSpread.of(figures, "starters_fte", "vacancy_fte",
        StaffFlows::fillProbability);
    double cover = TypicalSpread.of(figures, "agency_cover_fte", "vacancy_fte",
        (n, d) -> Math.min(1, n / d));
    if (Double.isNaN(turnover) || Double.isNaN(fill) || Double.isNaN(cover)) {
      turnover = FIRST_YEARS_TURNOVER;
      fill = FIRST_YEARS_FILL;
      cover = FIRST_YEARS_COVER;
      figures.note(String.format(Locale.ROOT, "turnover, fill probability and agency cover:"
          + " fewer than two years of workforce figures, so their spread is the typical"
          + " council's over 2017-2019 (%.1f, %.1f and %.1f points), an assumption read from"
          + " years after the base year", 100 * turnover, 100 * fill, 100 * cover));
    }
    pooled(uncertainty, Uncertainty.Parameter.annualTurnover, flows.turnover(), turnover,
        1 / flows.pressure());
    pooled(uncertainty, Uncertainty.Parameter.fillProbability, flows.fill(), fill, 1);
    pooled(uncertainty, Uncertainty.Parameter.agencyCoverShare, coverHistory(figures), cover,
        1);
    uncertainty.add(new Uncertainty(Uncertainty.Parameter.establishmentGrowth,
        posts.growthSd()));
    figures.note(spreads(uncertainty));
    noteIfWide(figures, uncertainty, Uncertainty.Parameter.annualTurnover,
        turnover / flows.pressure());
    noteIfWide(figures, uncertainty, Uncertainty.Parameter.fillProbability, fill);
    noteIfWide(figures, uncertainty, Uncertainty.Parameter.agencyCoverShare, cover);
    noteNoRecruitment(figures, flows.fillProbability(), uncertainty);
    return uncertainty;
  }

  /**
   * A council's spread of turnover, fill probability or agency cover this many times the
   * typical council's, or more, is said to be very uncertain: its years' figures disagree so
   * much that replications draw services unlike each other (Leeds 2021: fill probability sd
   * 0.286 a month, 4.5 times the typical, so that about one replication in five fills no
   * vacancy), and a planner reading only the bands had taken them for the model's (a fifth
   * trial). Four times gives about one such note for every ten councils (every council
   * calibrated for 2019 and 2021: 12 and 22 notes over 150 councils, nearly all of fill
   * probability; at 2.5 times, 50 and 27), so that the note stays a warning.
   */
  static final double WIDE = 4;

  /** Adds the note that {@code parameter}'s spread is very uncertain, where it is. */
  private static void noteIfWide(Figures figures, List<Uncertainty> uncertainty,
      Uncertainty.Parameter parameter, double typical) {
    for (Uncertainty u : uncertainty) {
      if (u.parameter() == parameter && typical > 0 && u.sd() >= WIDE * typical) {
        figures.note(String.format(Locale.ROOT, "%s %s: drawn with sd %s, %.1f times the"
            + " typical council's %s, as its years' figures disagree; replications differ"
            + " widely, so expect wide bands, and check its returns (docs/calibration.md)",
            VERY_UNCERTAIN, parameter.name(), inUnit(parameter, u.sd()), u.sd() / typical,
            inUnit(parameter, typical)));
      }
    }
  }

  /** How the note of replications that recruit nobody begins: the page shows it apart. */
  static final String NO_RECRUITMENT = "no recruitment:";

  /** The share of replications recruiting nobody from which it is noted. */
  static final double NO_RECRUITMENT_NOTED = 0.05;

  /**
   * Notes how often the fill probability is drawn as 0 (its central value plus sd times a
   * standard normal draw, kept within 0 to 1: docs/calibration.md's known limitation), where
   * it is {@link #NO_RECRUITMENT_NOTED} or more: those replications fill no vacancy in the
   * whole run (a planner's trial had found 10.5% of Birmingham 2022's with no starter at
   * all, where it published 50 to 136 every year, with nothing said).
   */
  private static void noteNoRecruitment(Figures figures, double fill,
      List<Uncertainty> uncertainty) {
    double sd = uncertainty.stream()
        .filter(u -> u.parameter() == Uncertainty.Parameter.fillProbability)
        .mapToDouble(Uncertainty::sd).findFirst().orElse(0);
    if (!(sd > 0)) {
      return;
    }
    double atZero = new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
        .cumulativeProbability(-fill / sd);
    if (atZero >= NO_RECRUITMENT_NOTED) {
      figures.note(String.format(Locale.ROOT, "%s the fill probability (%.3f a month, sd %.3f"
          + " across replications) is drawn as 0 in %.0f%% of replications, which fill no"
          + " vacancy in the whole run: the bands of staff in post, vacancies and starters"
          + " reach lower than the council's history (docs/calibration.md, a known"
          + " limitation)", NO_RECRUITMENT, fill, sd, 100 * atZero));
    }
  }

  /** How a note that a parameter is very uncertain begins: the page shows these apart. */
  static final String VERY_UNCERTAIN = "very uncertain:";

  /**
   * The note stating how uncertain the figures the notes give are, as the runs take them:
   * each parameter's sd across replications, in its unit (an outside audit had found "fill
   * probability 0.074 a month" with no spread, while replications drew it with sd 0.090).
   */
  static String spreads(List<Uncertainty> uncertainty) {
    StringBuilder out = new StringBuilder("uncertain across replications (each drawn with this"
        + " sd, docs/calibration.md):");
    String sep = " ";
    for (Uncertainty u : uncertainty) {
      out.append(sep).append(u.parameter().name()).append(' ')
          .append(inUnit(u.parameter(), u.sd()));
      sep = ", ";
    }
    return out.toString();
  }

  /** A spread of {@code parameter} in its unit: "0.286 a month", "42.1 points". */
  private static String inUnit(Uncertainty.Parameter parameter, double sd) {
    return switch (parameter) {
      case referralLevel -> String.format(Locale.ROOT, "%.1f%% (of its log)", 100 * sd);
      case referralGrowth, establishmentGrowth -> String.format(Locale.ROOT,
          "%.1f points a year", 100 * sd);
      case fillProbability -> String.format(Locale.ROOT, "%.3f a month", sd);
      case nfaShare, notInNeedShare, annualTurnover, agencyCoverShare ->
          String.format(Locale.ROOT, "%.1f points", 100 * sd);
    };
  }

  /** Agency cover of vacancies over the history years. */
  private static SummaryStatistics coverHistory(Figures figures) {
    SummaryStatistics cover = new SummaryStatistics();
    for (int y = figures.year() - Figures.HISTORY + 1; y <= figures.year(); y++) {
      double c = figures.read(DfeTable.WORKFORCE, y, "agency_cover_fte");
      double v = figures.read(DfeTable.WORKFORCE, y, "vacancy_fte");
      if (c >= 0 && v > 0) {
        cover.addValue(Math.min(1, c / v));
      }
    }
    return cover;
  }

  /**
   * Years of the typical council's spread pooled with a council's own (from two or three
   * years) for turnover, fill probability and agency cover: an assumption; in the backtest
   * (docs/backtest.md) it raised turnover's coverage from 84% to 88% (base 2019), and 3
   * years did no better.
   */
  static final double PRIOR_YEARS = 2;

  /**
   * The typical spreads (in {@link TypicalSpread}'s sense) where no council has two years of
   * workforce figures up to the base year, as for 2017, the first year published: the median
   * council's over 2017-2019, the first three years (what {@code TypicalSpread.of} gives at
   * base year 2019; {@code CalibratorTest} recomputes them). An assumption read from years
   * after the base year, which the calibration's notes say; without it a council's spread
   * from its single year would be 0 and its bands too narrow.
   */
  static final double FIRST_YEARS_TURNOVER = 0.041;
  static final double FIRST_YEARS_FILL = 0.080;
  static final double FIRST_YEARS_COVER = 0.137;

  private static void pooled(List<Uncertainty> list, Uncertainty.Parameter parameter,
      SummaryStatistics stats, double typical, double scale) {
    if (stats.getN() >= 1) {
      list.add(new Uncertainty(parameter, plausible(parameter, TypicalSpread.pool(stats,
          typical, PRIOR_YEARS) * scale)));
    }
  }

  private static void add(List<Uncertainty> list, Uncertainty.Parameter parameter,
      SummaryStatistics stats, double scale) {
    if (stats.getN() >= MIN_YEARS) {
      list.add(new Uncertainty(parameter, plausible(parameter,
          stats.getStandardDeviation() * scale)));
    }
  }
}
