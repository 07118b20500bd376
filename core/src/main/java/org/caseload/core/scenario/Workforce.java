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
    double agencyCapFte) {

  /**
   * Defaults: England 2022 turnover 17.2%, tenure factors 1.3 in the first 24 months and 0.85
   * after (an assumption), beta 0.013 above a caseload of 17, agency turnover 80% a year,
   * monthly fill probability 0.05 (England 2022 starters / vacancies / 12), 3 months to start,
   * no newly qualified cohort, 70% cap while newly qualified, protection kept, over-cap
   * allocation allowed, 3% absence, 69% agency cover of vacancies (England 2022), agency
   * starts with probability 0.8 a month, no agency cap.
   */
  public static Workforce defaults() {
    return new Workforce(0.172, 24, 1.3, 0.85, 0.013, 17.0, 0.8, 0.05, 3.0, 0.0, 0.7, false,
        true, 0.03, 0.69, 0.0, 0.8, Double.POSITIVE_INFINITY);
  }

  /** A copy with another annual turnover. */
  public Workforce withAnnualTurnover(double value) {
    return new Workforce(value, earlyTenureMonths, earlyTenureFactor, laterTenureFactor,
        pressureBeta, caseloadReference, agencyAnnualTurnover, fillProbability, hireDelayMonths,
        nqCohortPerYear, nqCapShare, nqProtectionLapses, allowOverCap, absenceShare,
        agencyCoverShare, agencyExtraFte, agencyStartProbability, agencyCapFte);
  }

  /** A copy with another fill probability. */
  public Workforce withFillProbability(double value) {
    return new Workforce(annualTurnover, earlyTenureMonths, earlyTenureFactor,
        laterTenureFactor, pressureBeta, caseloadReference, agencyAnnualTurnover, value,
        hireDelayMonths, nqCohortPerYear, nqCapShare, nqProtectionLapses, allowOverCap,
        absenceShare, agencyCoverShare, agencyExtraFte, agencyStartProbability, agencyCapFte);
  }

  /** A copy with another agency cover share. */
  public Workforce withAgencyCoverShare(double value) {
    return new Workforce(annualTurnover, earlyTenureMonths, earlyTenureFactor,
        laterTenureFactor, pressureBeta, caseloadReference, agencyAnnualTurnover,
        fillProbability, hireDelayMonths, nqCohortPerYear, nqCapShare, nqProtectionLapses,
        allowOverCap, absenceShare, value, agencyExtraFte, agencyStartProbability,
        agencyCapFte);
  }

  /** A copy with another pressure effect. */
  public Workforce withPressureBeta(double beta) {
    return new Workforce(annualTurnover, earlyTenureMonths, earlyTenureFactor, laterTenureFactor,
        beta, caseloadReference, agencyAnnualTurnover, fillProbability, hireDelayMonths,
        nqCohortPerYear, nqCapShare, nqProtectionLapses, allowOverCap, absenceShare,
        agencyCoverShare, agencyExtraFte, agencyStartProbability, agencyCapFte);
  }
}
