package org.caseload.core.scenario;

import java.util.Collections;
import java.util.List;

/**
 * Demand parameters (docs/specification.md section 3).
 *
 * @param baseMonthly mean referrals per month from outside the system at the base date,
 *     excluding the re-referrals that the model itself feeds back from closed cases
 * @param annualGrowth annual growth of those referrals ({@code g}); 0.08 is 8% a year
 * @param overdispersion {@code 1/k} of the negative binomial referral count: its variance is
 *     {@code mu + overdispersion * mu^2}; 0 gives a Poisson count
 * @param seasonality twelve multipliers of the referral mean, January to December
 * @param nfaShare share of referrals that end in no further action at the front door
 * @param notInNeedShare share of referrals assessed as not in need (a share of all referrals,
 *     as the DfE publishes it)
 * @param reReferralShare probability that a closed case is referred again
 * @param reReferralDelayMonths mean months from closure to that re-referral
 * @param childProtectionShare share of new long-term cases that are child protection
 * @param lookedAfterShare share of new long-term cases that are looked after
 * @param assessmentSameMonthShare share of assessments completed in the month of allocation
 * @param assessmentLaterHazard monthly completion probability after that month
 * @param childProtectionMonths mean months a child protection case stays open
 * @param lookedAfterMonths mean months a looked-after case stays open
 * @param childInNeedMonths mean months another child in need case stays open
 */
public record Demand(
    double baseMonthly,
    double annualGrowth,
    double overdispersion,
    List<Double> seasonality,
    double nfaShare,
    double notInNeedShare,
    double reReferralShare,
    double reReferralDelayMonths,
    double childProtectionShare,
    double lookedAfterShare,
    double assessmentSameMonthShare,
    double assessmentLaterHazard,
    double childProtectionMonths,
    double lookedAfterMonths,
    double childInNeedMonths) {

  /** No seasonal variation. */
  public static final List<Double> FLAT_SEASON = Collections.nCopies(12, 1.0);

  public Demand {
    seasonality = List.copyOf(seasonality);
  }

  /**
   * Defaults from docs/specification.md and England's 2022 figures, for a given referral level: growth 0,
   * overdispersion 0.01, flat season, NFA 7.6%, not in need 28.8%, re-referral 22% after 4
   * months on average, 16% child protection and 8% looked after, assessments 45% in the month
   * and then 0.818 a month, durations 9.6 / 30 / 9 months.
   */
  public static Demand defaults(double baseMonthly) {
    return new Demand(baseMonthly, 0.0, 0.01, FLAT_SEASON, 0.076, 0.288, 0.22, 4.0, 0.16, 0.08,
        0.45, 0.818, 9.6, 30.0, 9.0);
  }

  /** A copy with another annual growth. */
  public Demand withAnnualGrowth(double growth) {
    return new Demand(baseMonthly, growth, overdispersion, seasonality, nfaShare, notInNeedShare,
        reReferralShare, reReferralDelayMonths, childProtectionShare, lookedAfterShare,
        assessmentSameMonthShare, assessmentLaterHazard, childProtectionMonths,
        lookedAfterMonths, childInNeedMonths);
  }

  /** A copy with another external referral level. */
  public Demand withBaseMonthly(double value) {
    return new Demand(value, annualGrowth, overdispersion, seasonality, nfaShare,
        notInNeedShare, reReferralShare, reReferralDelayMonths, childProtectionShare,
        lookedAfterShare, assessmentSameMonthShare, assessmentLaterHazard,
        childProtectionMonths, lookedAfterMonths, childInNeedMonths);
  }

  /** A copy with other front-door and not-in-need shares. */
  public Demand withShares(double nfa, double notInNeed) {
    return new Demand(baseMonthly, annualGrowth, overdispersion, seasonality, nfa, notInNeed,
        reReferralShare, reReferralDelayMonths, childProtectionShare, lookedAfterShare,
        assessmentSameMonthShare, assessmentLaterHazard, childProtectionMonths,
        lookedAfterMonths, childInNeedMonths);
  }

  /** A copy with another overdispersion (0 for Poisson referrals). */
  public Demand withOverdispersion(double value) {
    return new Demand(baseMonthly, annualGrowth, value, seasonality, nfaShare, notInNeedShare,
        reReferralShare, reReferralDelayMonths, childProtectionShare, lookedAfterShare,
        assessmentSameMonthShare, assessmentLaterHazard, childProtectionMonths,
        lookedAfterMonths, childInNeedMonths);
  }

  /** A copy with another re-referral share. */
  public Demand withReReferralShare(double value) {
    return new Demand(baseMonthly, annualGrowth, overdispersion, seasonality, nfaShare,
        notInNeedShare, value, reReferralDelayMonths, childProtectionShare, lookedAfterShare,
        assessmentSameMonthShare, assessmentLaterHazard, childProtectionMonths,
        lookedAfterMonths, childInNeedMonths);
  }
}
