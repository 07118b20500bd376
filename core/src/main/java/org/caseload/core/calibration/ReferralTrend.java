package org.caseload.core.calibration;

import java.util.Locale;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.caseload.core.data.DfeTable;

/**
 * The referral trend: least squares of log(referrals) on the year over up to
 * {@link #YEARS} years to the base year, the slope shrunk towards 0 by its precision and
 * damped (docs/calibration.md, "Flows").
 */
final class ReferralTrend {

  /** Years of referrals used for the trend. */
  static final int YEARS = 6;
  /** Fewest years that give a trend. */
  static final int MIN_YEARS = 3;
  /** With fewer years: no growth, uncertain by 5% a year, level by 10% (an assumption). */
  static final Trend UNKNOWN = new Trend(0, 0.05, 0.1);
  /** Plausible annual growth of referrals. */
  static final Bounds GROWTH = new Bounds(-0.3, 0.5);
  /** Plausible standard error of that growth. */
  static final Bounds GROWTH_SD = new Bounds(0.005, 0.3);
  /** Plausible residual spread of the level. */
  static final Bounds LEVEL_SD = new Bounds(0.02, 0.5);

  /**
   * Share of the fitted (and precision-shrunk) log growth carried forward: an assumption
   * chosen by the backtest among 1, 0.5 and 0.25 (docs/backtest.md). Steep referral trends
   * rarely last (Worcestershire's +16% a year to 2017 fell 19% in 2018), and a council's
   * caseload follows its referrals only until it adds staff or changes its thresholds.
   */
  static final double DAMPING = 0.25;
  /** Share of the slope's standard error kept as the growth's uncertainty: an assumption. */
  static final double SD_DAMPING = 0.5;

  /**
   * Share of the residual spread of log(referrals) around the trend kept as the uncertainty
   * of the referral level: an assumption. The residual spread is year-to-year noise, which a
   * replication would otherwise carry as a shift of its whole horizon; with all of it the
   * caseload bands held 91-93% of published caseloads instead of 90%, and with half their
   * interval score fell 4-6% (docs/backtest.md).
   */
  static final double LEVEL_SD_SHARE = 0.5;

  private ReferralTrend() {}

  static Trend fit(Figures figures) {
    SimpleRegression regression = new SimpleRegression();
    for (int y = figures.year() - YEARS + 1; y <= figures.year(); y++) {
      double r = figures.read(DfeTable.REFERRALS, y, "referral_count");
      if (r > 0) {
        regression.addData(y, Math.log(r));
      }
    }
    if (regression.getN() < MIN_YEARS) {
      figures.note("referral trend: fewer than 3 years of referrals; no growth assumed, level"
          + " uncertain by 10%");
      return UNKNOWN;
    }
    double slope = regression.getSlope();
    double se = regression.getSlopeStdErr();
    double residualSd = Math.sqrt(regression.getMeanSquareError());
    // The fitted growth is shrunk towards zero by its precision, so that one noisy year
    // does not become a steep trend (a James-Stein style weight).
    double weight = slope * slope / (slope * slope + se * se);
    double growth = GROWTH.clamp(Math.exp(weight * slope * DAMPING) - 1);
    figures.note(String.format(Locale.ROOT, "referral trend: log-linear fit over %d years"
        + " gives %+.1f%% a year (se %.1f%%), shrunk by its precision and damped to %+.1f%%;"
        + " residual sd"
        + " %.1f%%", regression.getN(), 100 * (Math.exp(slope) - 1), 100 * se, 100 * growth,
        100 * residualSd));
    return new Trend(growth, GROWTH_SD.clamp(se * SD_DAMPING),
        LEVEL_SD.clamp(residualSd * LEVEL_SD_SHARE));
  }
}
