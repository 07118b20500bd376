package org.caseload.core.scenario;

/**
 * Funding parameters (docs/specification.md section 5). Money is in pounds at base-date prices, inflated
 * by {@code annualInflation} month by month.
 *
 * @param permanentCostPerYear cost of one permanent FTE a year, with on-costs
 * @param agencyCostPerYear cost of one agency FTE a year
 * @param recruitmentCostPerHire cost of each permanent hire
 * @param annualInflation annual growth of every cost
 * @param agencyBudgetPerYear most spent on agency a year; {@code +Infinity} for no limit
 *     (JSON null)
 * @param establishmentGrowth annual growth of every team's funded posts (budget growth); 0
 *     keeps them as they are, apart from interventions
 */
public record Funding(
    double permanentCostPerYear,
    double agencyCostPerYear,
    double recruitmentCostPerHire,
    double annualInflation,
    double agencyBudgetPerYear,
    double establishmentGrowth) {

  /**
   * Defaults: £55,000 a permanent FTE with on-costs, £82,500 an agency FTE (1.5 times, after
   * the DfE-commissioned estimate of +53%), £5,000 a hire (an assumption), 2% inflation, no
   * agency budget limit, no growth of funded posts.
   */
  public static Funding defaults() {
    return new Funding(55_000, 82_500, 5_000, 0.02, Double.POSITIVE_INFINITY, 0);
  }

  /** Prices {@code month} months after the base date relative to the base date's. */
  public double inflation(int month) {
    return Math.pow(1 + annualInflation, month / 12.0);
  }

  /** The permanent cost of a post a year, at the prices of {@code month}. */
  public double permanentCostAt(int month) {
    return permanentCostPerYear * inflation(month);
  }

  /** A copy with another growth of funded posts. */
  public Funding withEstablishmentGrowth(double value) {
    return new Funding(permanentCostPerYear, agencyCostPerYear, recruitmentCostPerHire,
        annualInflation, agencyBudgetPerYear, value);
  }
}
