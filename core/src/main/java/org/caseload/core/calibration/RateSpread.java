package org.caseload.core.calibration;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.caseload.core.data.DfeTable;
import org.caseload.core.scenario.Uncertainty;

/**
 * The uncertainty of the rates carried into the Monte Carlo: each rate's standard deviation
 * from its year-to-year spread over the history years, the referral level and growth from
 * the trend fit, the growth of funded posts from its annual changes (docs/calibration.md,
 * "Uncertainty carried into the Monte Carlo").
 */
final class RateSpread {

  /** Fewest years that give a spread. */
  static final int MIN_YEARS = 2;
  /** Plausible standard deviation of a share or rate. */
  static final Bounds SD = new Bounds(0, 1);

  private RateSpread() {}

  static List<Uncertainty> of(Figures figures, Trend referrals, FrontDoor door,
      StaffFlows flows, Trend posts) {
    List<Uncertainty> uncertainty = new ArrayList<>();
    uncertainty.add(new Uncertainty(Uncertainty.Parameter.referralLevel, referrals.levelSd()));
    uncertainty.add(new Uncertainty(Uncertainty.Parameter.referralGrowth,
        referrals.growthSd()));
    add(uncertainty, Uncertainty.Parameter.nfaShare, door.nfa(), 1);
    add(uncertainty, Uncertainty.Parameter.notInNeedShare, door.notInNeed(), 1);
    add(uncertainty, Uncertainty.Parameter.annualTurnover, flows.turnover(),
        1 / flows.pressure());
    add(uncertainty, Uncertainty.Parameter.fillProbability, flows.fill(), 1);
    add(uncertainty, Uncertainty.Parameter.agencyCoverShare, coverHistory(figures), 1);
    uncertainty.add(new Uncertainty(Uncertainty.Parameter.establishmentGrowth,
        posts.growthSd()));
    return uncertainty;
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

  private static void add(List<Uncertainty> list, Uncertainty.Parameter parameter,
      SummaryStatistics stats, double scale) {
    if (stats.getN() >= MIN_YEARS) {
      list.add(new Uncertainty(parameter, SD.clamp(stats.getStandardDeviation() * scale)));
    }
  }
}
