package org.caseload.core.scenario;

/**
 * Workforce parameters (docs/specification.md section 4).
 *
 * @param annualTurnover permanent leavers per FTE per year at the reference caseload
 * @param earlyTenureMonths months in post that count as early tenure
 * @param earlyTenureFactor multiplier of the leaving hazard in early tenure
 * @param laterTenureFactor multiplier of the leaving hazard after early tenure
 * @param pressureBeta caseload pressure effect: the hazard is multiplied by
 *     {@code exp(beta * max(0, caseload - caseloadReference))}
 * @param caseloadReference caseload above which pressure raises leaving
 * @param agencyAnnualTurnover agency leavers per FTE per year
 * @param fillProbability monthly probability that an open (unfilled, not in pipeline) post
 *     is filled by a recruit
 * @param hireDelayMonths mean months from offer to start (recruitment checks and notice)
 * @param nqCohortPerYear newly qualified workers recruited a year; they start from September
 *     to November (50%, 30%, 20%) into open posts
 * @param nqCapShare newly qualified workers' caseload cap as a share of the team's cap
 * @param nqProtectionLapses whether that protection lapses when cases wait unallocated
 * @param allowOverCap whether managers allocate beyond the cap, up to the team's hard limit,
 *     before leaving a case unallocated
 * @param absenceShare share of case holders absent in a month; they take no new cases
 * @param agencyCoverShare share of vacant FTE covered by agency workers
 * @param agencyExtraFte agency FTE engaged beyond vacancy cover (absence cover, project
 *     teams), across all teams, shared among them in proportion to establishment
 * @param agencyStartProbability monthly probability that a wanted agency worker starts
 * @param agencyCapFte most agency FTE across all teams; {@code +Infinity} for no cap (JSON null)
 * @param poolAfterMonths where a role has several teams (localities), the months a case waits
 *     in its own team's queue before a case holder of another team of the role may take it:
 *     0 pools the role's cases (any case holder of the role takes any case, the default and
 *     the only rule where a role has one team), {@code +Infinity} never (JSON null: each team
 *     takes only its own cases)
 * @param pressureClosureFactor closing cases early under pressure: a case holder above the
 *     caseload reference closes long-term cases with their hazard multiplied by
 *     {@code 1 + factor * (caseload - reference) / reference} (0, the default, for none: an
 *     assumption with no English data behind a value)
 * @param pressureReReferralUplift what closing under pressure costs: cases closed by a case
 *     holder above the caseload reference come back as re-referrals with the re-referral
 *     share plus this (at most 0.95; 0, the default, for no difference: an assumption)
 */
public record Workforce(
    double annualTurnover,
    double earlyTenureMonths,
    double earlyTenureFactor,
    double laterTenureFactor,
    double pressureBeta,
    double caseloadReference,
    double agencyAnnualTurnover,
    double fillProbability,
    double hireDelayMonths,
    double nqCohortPerYear,
    double nqCapShare,
    boolean nqProtectionLapses,
    boolean allowOverCap,
    double absenceShare,
    double agencyCoverShare,
    double agencyExtraFte,
    double agencyStartProbability,
    double agencyCapFte,
    double poolAfterMonths,
    double pressureClosureFactor,
    double pressureReReferralUplift) {

  /**
   * Defaults: England 2022 turnover 17.2%, tenure factors 1.3 in the first 24 months and 0.85
   * after (an assumption), beta 0.013 above a caseload of 17, agency turnover 80% a year,
   * monthly fill probability 0.05 (England 2022 starters / vacancies / 12), 3 months to start,
   * no newly qualified cohort, 70% cap while newly qualified, protection kept, over-cap
   * allocation allowed, 3% absence, 69% agency cover of vacancies (England 2022), agency
   * starts with probability 0.8 a month, no agency cap.
   */
  public static Workforce defaults() {
    return builder().build();
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A copy with another annual turnover. */
  public Workforce withAnnualTurnover(double value) {
    return toBuilder().annualTurnover(value).build();
  }

  /** A copy with another fill probability. */
  public Workforce withFillProbability(double value) {
    return toBuilder().fillProbability(value).build();
  }

  /** A copy with another agency cover share. */
  public Workforce withAgencyCoverShare(double value) {
    return toBuilder().agencyCoverShare(value).build();
  }

  /** A copy with another pressure effect. */
  public Workforce withPressureBeta(double beta) {
    return toBuilder().pressureBeta(beta).build();
  }

  /**
   * The caseload pressure factor of the leaving hazard at {@code caseload}:
   * {@code exp(beta * max(0, caseload - caseloadReference))} (the one place it is written; the
   * model and the calibration use it).
   */
  public double pressureFactor(double caseload) {
    return Math.exp(pressureBeta * Math.max(0, caseload - caseloadReference));
  }

  /** Whether a case of one team may go to another team of its role at once. */
  public boolean pooled() {
    return poolAfterMonths == 0;
  }

  /** A builder starting from this record's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.annualTurnover = annualTurnover;
    b.earlyTenureMonths = earlyTenureMonths;
    b.earlyTenureFactor = earlyTenureFactor;
    b.laterTenureFactor = laterTenureFactor;
    b.pressureBeta = pressureBeta;
    b.caseloadReference = caseloadReference;
    b.agencyAnnualTurnover = agencyAnnualTurnover;
    b.fillProbability = fillProbability;
    b.hireDelayMonths = hireDelayMonths;
    b.nqCohortPerYear = nqCohortPerYear;
    b.nqCapShare = nqCapShare;
    b.nqProtectionLapses = nqProtectionLapses;
    b.allowOverCap = allowOverCap;
    b.absenceShare = absenceShare;
    b.agencyCoverShare = agencyCoverShare;
    b.agencyExtraFte = agencyExtraFte;
    b.agencyStartProbability = agencyStartProbability;
    b.agencyCapFte = agencyCapFte;
    b.poolAfterMonths = poolAfterMonths;
    b.pressureClosureFactor = pressureClosureFactor;
    b.pressureReReferralUplift = pressureReReferralUplift;
    return b;
  }

  /**
   * Builds a {@link Workforce} by field name, starting from the defaults (see
   * {@link #defaults()}), so no call site lists every field by position.
   */
  public static final class Builder {
    private double annualTurnover = 0.172; // England 2022
    private double earlyTenureMonths = 24; // assumption
    private double earlyTenureFactor = 1.3; // assumption
    private double laterTenureFactor = 0.85; // assumption
    private double pressureBeta = 0.013; // docs/specification.md section 4
    private double caseloadReference = 17.0; // docs/specification.md section 4
    private double agencyAnnualTurnover = 0.8; // assumption
    private double fillProbability = 0.05; // England 2022 starters / vacancies / 12
    private double hireDelayMonths = 3.0; // assumption
    private double nqCohortPerYear = 0.0;
    private double nqCapShare = 0.7; // assumption
    private boolean nqProtectionLapses = false;
    private boolean allowOverCap = true;
    private double absenceShare = 0.03; // assumption
    private double agencyCoverShare = 0.69; // England 2022
    private double agencyExtraFte = 0.0;
    private double agencyStartProbability = 0.8; // assumption
    private double agencyCapFte = Double.POSITIVE_INFINITY;
    private double poolAfterMonths = 0; // as before local teams: one queue per role
    private double pressureClosureFactor = 0; // assumption: off
    private double pressureReReferralUplift = 0; // assumption: off

    private Builder() {}

    public Builder annualTurnover(double value) {
      this.annualTurnover = value;
      return this;
    }

    public Builder earlyTenureMonths(double value) {
      this.earlyTenureMonths = value;
      return this;
    }

    public Builder earlyTenureFactor(double value) {
      this.earlyTenureFactor = value;
      return this;
    }

    public Builder laterTenureFactor(double value) {
      this.laterTenureFactor = value;
      return this;
    }

    public Builder pressureBeta(double value) {
      this.pressureBeta = value;
      return this;
    }

    public Builder caseloadReference(double value) {
      this.caseloadReference = value;
      return this;
    }

    public Builder agencyAnnualTurnover(double value) {
      this.agencyAnnualTurnover = value;
      return this;
    }

    public Builder fillProbability(double value) {
      this.fillProbability = value;
      return this;
    }

    public Builder hireDelayMonths(double value) {
      this.hireDelayMonths = value;
      return this;
    }

    public Builder nqCohortPerYear(double value) {
      this.nqCohortPerYear = value;
      return this;
    }

    public Builder nqCapShare(double value) {
      this.nqCapShare = value;
      return this;
    }

    public Builder nqProtectionLapses(boolean value) {
      this.nqProtectionLapses = value;
      return this;
    }

    public Builder allowOverCap(boolean value) {
      this.allowOverCap = value;
      return this;
    }

    public Builder absenceShare(double value) {
      this.absenceShare = value;
      return this;
    }

    public Builder agencyCoverShare(double value) {
      this.agencyCoverShare = value;
      return this;
    }

    public Builder agencyExtraFte(double value) {
      this.agencyExtraFte = value;
      return this;
    }

    public Builder agencyStartProbability(double value) {
      this.agencyStartProbability = value;
      return this;
    }

    public Builder agencyCapFte(double value) {
      this.agencyCapFte = value;
      return this;
    }

    public Builder poolAfterMonths(double value) {
      this.poolAfterMonths = value;
      return this;
    }

    public Builder pressureClosureFactor(double value) {
      this.pressureClosureFactor = value;
      return this;
    }

    public Builder pressureReReferralUplift(double value) {
      this.pressureReReferralUplift = value;
      return this;
    }

    public Workforce build() {
      return new Workforce(annualTurnover, earlyTenureMonths, earlyTenureFactor, laterTenureFactor,
          pressureBeta, caseloadReference, agencyAnnualTurnover, fillProbability, hireDelayMonths,
          nqCohortPerYear, nqCapShare, nqProtectionLapses, allowOverCap, absenceShare,
          agencyCoverShare, agencyExtraFte, agencyStartProbability, agencyCapFte,
          poolAfterMonths, pressureClosureFactor, pressureReReferralUplift);
    }
  }
}
