package org.caseload.core.calibration;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.caseload.core.data.DfeTable;
import org.caseload.core.scenario.Demand;

/**
 * Referrals of the year to 31 March of the base year and what happens to them at the front
 * door: re-referral, no further action and not-in-need shares, each the mean of the history
 * years with its year-to-year spread (docs/calibration.md, "Flows").
 *
 * @param referrals referrals in the year to 31 March
 * @param reReferral re-referral shares of the history years
 * @param nfa no-further-action shares of the history years
 * @param notInNeed not-in-need shares of the history years
 * @param reReferralShare the re-referral share used
 * @param nfaShare the no-further-action share used
 * @param notInNeedShare the not-in-need share used
 */
record FrontDoor(double referrals, SummaryStatistics reReferral, SummaryStatistics nfa,
    SummaryStatistics notInNeed, double reReferralShare, double nfaShare,
    double notInNeedShare) {

  /** Referrals a year per case held when referrals are not published: an assumption. */
  static final double REFERRALS_PER_CASE = 1.5;
  /**
   * Most referrals that may end at the front door or in "not in need", so that some open
   * long-term cases: an assumption.
   */
  static final double MAX_CLOSED_SHARE = 0.95;

  /** Reads the referrals and shares; defaults are {@link Demand#defaults(double)}'s. */
  static FrontDoor read(Figures figures, double casesHeld) {
    Demand defaults = Demand.defaults(0);
    double referrals = figures.orDefault(figures.read(DfeTable.REFERRALS, figures.year(),
        "referral_count"), casesHeld * REFERRALS_PER_CASE, "referrals");
    SummaryStatistics reReferral = figures.history(DfeTable.REFERRALS, "rereferral_percent",
        0.01);
    SummaryStatistics nfa = figures.history(DfeTable.REFERRALS, "no_further_action_percent",
        0.01);
    SummaryStatistics notInNeed = figures.history(DfeTable.REFERRALS, "not_in_need_percent",
        0.01);
    double reReferralShare = figures.orDefault(Figures.mean(reReferral),
        defaults.reReferralShare(), "re-referral share");
    double nfaShare = figures.orDefault(Figures.mean(nfa), defaults.nfaShare(),
        "no further action share");
    double notInNeedShare = Math.min(figures.orDefault(Figures.mean(notInNeed),
        defaults.notInNeedShare(), "not in need share"), MAX_CLOSED_SHARE - nfaShare);
    return new FrontDoor(referrals, reReferral, nfa, notInNeed, reReferralShare, nfaShare,
        notInNeedShare);
  }

  /** Referrals a month. */
  double monthly() {
    return referrals / 12;
  }

  /** Referrals a month from outside, excluding re-referrals (the model feeds those back). */
  double externalMonthly() {
    return monthly() * (1 - reReferralShare);
  }

  /** New long-term cases a year: the referrals neither closed at the door nor not in need. */
  double newLongTermPerYear() {
    return referrals * (1 - nfaShare - notInNeedShare);
  }
}
