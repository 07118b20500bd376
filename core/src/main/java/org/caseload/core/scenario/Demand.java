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
    return builder(baseMonthly).build();
  }

  /** A builder starting from {@link #defaults(double)}. */
  public static Builder builder(double baseMonthly) {
    return new Builder().baseMonthly(baseMonthly);
  }

  /** A copy with another annual growth. */
  public Demand withAnnualGrowth(double growth) {
    return toBuilder().annualGrowth(growth).build();
  }

  /** A copy with another external referral level. */
  public Demand withBaseMonthly(double value) {
    return toBuilder().baseMonthly(value).build();
  }

  /** A copy with other front-door and not-in-need shares. */
  public Demand withShares(double nfa, double notInNeed) {
    return toBuilder().nfaShare(nfa).notInNeedShare(notInNeed).build();
  }

  /** A copy with another overdispersion (0 for Poisson referrals). */
  public Demand withOverdispersion(double value) {
    return toBuilder().overdispersion(value).build();
  }

  /** A copy with another re-referral share. */
  public Demand withReReferralShare(double value) {
    return toBuilder().reReferralShare(value).build();
  }

  /** A builder starting from this record's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.baseMonthly = baseMonthly;
    b.annualGrowth = annualGrowth;
    b.overdispersion = overdispersion;
    b.seasonality = seasonality;
    b.nfaShare = nfaShare;
    b.notInNeedShare = notInNeedShare;
    b.reReferralShare = reReferralShare;
    b.reReferralDelayMonths = reReferralDelayMonths;
    b.childProtectionShare = childProtectionShare;
    b.lookedAfterShare = lookedAfterShare;
    b.assessmentSameMonthShare = assessmentSameMonthShare;
    b.assessmentLaterHazard = assessmentLaterHazard;
    b.childProtectionMonths = childProtectionMonths;
    b.lookedAfterMonths = lookedAfterMonths;
    b.childInNeedMonths = childInNeedMonths;
    return b;
  }

  /**
   * Builds a {@link Demand} by field name, starting from the defaults (see
   * {@link #defaults(double)}), so no call site lists every field by position.
   */
  public static final class Builder {
    private double baseMonthly;
    private double annualGrowth = 0.0; // assumption: no trend
    private double overdispersion = 0.01; // assumption
    private List<Double> seasonality = FLAT_SEASON;
    private double nfaShare = 0.076; // docs/specification.md section 3, England
    private double notInNeedShare = 0.288; // docs/specification.md section 3, England
    private double reReferralShare = 0.22; // docs/specification.md section 3, England
    private double reReferralDelayMonths = 4.0; // assumption
    private double childProtectionShare = 0.16; // docs/specification.md section 3
    private double lookedAfterShare = 0.08; // docs/specification.md section 3
    private double assessmentSameMonthShare = 0.45; // docs/specification.md section 3
    private double assessmentLaterHazard = 0.818; // docs/specification.md section 3
    private double childProtectionMonths = 9.6; // docs/specification.md section 3
    private double lookedAfterMonths = 30.0; // docs/specification.md section 3
    private double childInNeedMonths = 9.0; // assumption; calibration scales it

    private Builder() {}

    public Builder baseMonthly(double value) {
      this.baseMonthly = value;
      return this;
    }

    public Builder annualGrowth(double value) {
      this.annualGrowth = value;
      return this;
    }

    public Builder overdispersion(double value) {
      this.overdispersion = value;
      return this;
    }

    public Builder seasonality(List<Double> value) {
      this.seasonality = value;
      return this;
    }

    public Builder nfaShare(double value) {
      this.nfaShare = value;
      return this;
    }

    public Builder notInNeedShare(double value) {
      this.notInNeedShare = value;
      return this;
    }

    public Builder reReferralShare(double value) {
      this.reReferralShare = value;
      return this;
    }

    public Builder reReferralDelayMonths(double value) {
      this.reReferralDelayMonths = value;
      return this;
    }

    public Builder childProtectionShare(double value) {
      this.childProtectionShare = value;
      return this;
    }

    public Builder lookedAfterShare(double value) {
      this.lookedAfterShare = value;
      return this;
    }

    public Builder assessmentSameMonthShare(double value) {
      this.assessmentSameMonthShare = value;
      return this;
    }

    public Builder assessmentLaterHazard(double value) {
      this.assessmentLaterHazard = value;
      return this;
    }

    public Builder childProtectionMonths(double value) {
      this.childProtectionMonths = value;
      return this;
    }

    public Builder lookedAfterMonths(double value) {
      this.lookedAfterMonths = value;
      return this;
    }

    public Builder childInNeedMonths(double value) {
      this.childInNeedMonths = value;
      return this;
    }

    public Demand build() {
      return new Demand(baseMonthly, annualGrowth, overdispersion, seasonality, nfaShare,
          notInNeedShare, reReferralShare, reReferralDelayMonths, childProtectionShare,
          lookedAfterShare, assessmentSameMonthShare, assessmentLaterHazard, childProtectionMonths,
          lookedAfterMonths, childInNeedMonths);
    }
  }
}
