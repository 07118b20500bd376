package org.caseload.core.metrics;

/**
 * The Department for Education's workforce indicators, exactly as defined in its
 * "Children's social work workforce" release (docs/specification.md section 8). Rates are fractions in
 * [0, 1]; a rate with an empty denominator is 0.
 *
 * @implNote Stateless and thread-safe.
 */
public final class DfeIndicators {

  private DfeIndicators() {}

  /** FTE vacancies / (FTE vacancies + FTE permanent); agency FTE is not in the denominator. */
  public static double vacancyRate(double vacancyFte, double permanentFte) {
    return ratio(vacancyFte, vacancyFte + permanentFte);
  }

  /** FTE permanent leavers in the 12 months to the snapshot / FTE permanent in post then. */
  public static double turnoverRate(double leaversFte, double permanentFte) {
    return ratio(leaversFte, permanentFte);
  }

  /** Agency FTE / (agency FTE + permanent FTE). */
  public static double agencyRate(double agencyFte, double permanentFte) {
    return ratio(agencyFte, agencyFte + permanentFte);
  }

  /** Cases held by case-holding workers, agency included / case-holding FTE. */
  public static double caseload(double cases, double caseHolderFte) {
    return ratio(cases, caseHolderFte);
  }

  private static double ratio(double numerator, double denominator) {
    return denominator <= 0 ? 0 : numerator / denominator;
  }
}
