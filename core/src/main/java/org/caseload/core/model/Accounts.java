package org.caseload.core.model;

import org.caseload.core.metrics.DfeIndicators;
import org.caseload.core.metrics.Metric;

/**
 * Workforce counts and money for a month (docs/specification.md sections 4 and 5), shared by the
 * simulation and the expected-value projection so both account the same way.
 *
 * <p>Cost = permanent FTE x permanent cost / 12 + agency FTE x agency cost / 12 + starters x
 * recruitment cost + campaign and retention spend, all inflated to the month's prices.
 * Budget = establishment x permanent cost / 12 + intervention spend. Per team, vacancies
 * covered by agency are {@code min(agency, vacancies)}; the uncovered vacancies' budget is
 * the underspend, and agency cost above the budget of the posts it covers is the overspend.
 *
 * @implNote Stateless and thread-safe.
 */
final class Accounts {

  private Accounts() {}

  /** Writes the workforce and cost metrics of month {@code month} into {@code out}. */
  static void record(MonthPlan plan, int month, double[] permanentByTeam, double[] agencyByTeam,
      double holders, double starters, double leavers, double leaversLastYear,
      double pipeline, double[] out) {
    double inflation = plan.inflation(month);
    double permanentMonthly =
        plan.scenario().parameters().funding().permanentCostPerYear() / 12 * inflation;
    double establishment = 0;
    double costAgency = 0;
    boolean oneAgencyRate = true;
    double vacancies = 0;
    double underspend = 0;
    double overspend = 0;
    double permanent = 0;
    double agency = 0;
    for (int t = 0; t < permanentByTeam.length; t++) {
      double e = plan.establishment(month, t);
      double v = Math.max(0, e - permanentByTeam[t]);
      double covered = Math.min(agencyByTeam[t], v);
      double agencyMonthly = plan.agencyCostPerYear(month, t) / 12 * inflation;
      costAgency += agencyByTeam[t] * agencyMonthly;
      oneAgencyRate &= plan.agencyCostPerYear(month, t) == plan.agencyCostPerYear(month, 0);
      establishment += e;
      vacancies += v;
      underspend += (v - covered) * permanentMonthly;
      overspend += agencyByTeam[t] * agencyMonthly - covered * permanentMonthly;
      permanent += permanentByTeam[t];
      agency += agencyByTeam[t];
    }
    put(out, Metric.establishmentFte, establishment);
    put(out, Metric.inPostFte, permanent);
    put(out, Metric.agencyFte, agency);
    put(out, Metric.vacancyFte, vacancies);
    put(out, Metric.caseHolderFte, holders);
    put(out, Metric.vacancyRate, DfeIndicators.vacancyRate(vacancies, permanent));
    put(out, Metric.agencyRate, DfeIndicators.agencyRate(agency, permanent));
    put(out, Metric.turnoverRate, DfeIndicators.turnoverRate(leaversLastYear, permanent));
    put(out, Metric.starters, starters);
    put(out, Metric.leavers, leavers);
    put(out, Metric.pipelineFte, pipeline);
    double costPermanent = permanent * permanentMonthly;
    if (oneAgencyRate && permanentByTeam.length > 0) {
      // The same rate everywhere: priced as one sum, as before agency rates by team.
      costAgency = agency * (plan.agencyCostPerYear(month, 0) / 12 * inflation);
    }
    double costRecruitment =
        starters * plan.scenario().parameters().funding().recruitmentCostPerHire() * inflation;
    double retention = 0;
    for (int t = 0; t < permanentByTeam.length; t++) {
      retention += plan.retentionCostPerHead(month, t) * permanentByTeam[t];
    }
    double costInterventions = (plan.interventionSpend(month) + retention) * inflation;
    double cost = costPermanent + costAgency + costRecruitment + costInterventions;
    double budget = establishment * permanentMonthly + costInterventions;
    put(out, Metric.costPermanent, costPermanent);
    put(out, Metric.costAgency, costAgency);
    put(out, Metric.costRecruitment, costRecruitment);
    put(out, Metric.costInterventions, costInterventions);
    put(out, Metric.cost, cost);
    put(out, Metric.budget, budget);
    put(out, Metric.budgetVariance, cost - budget);
    put(out, Metric.vacancyUnderspend, underspend);
    put(out, Metric.agencyOverspend, overspend);
  }

  static void put(double[] out, Metric metric, double value) {
    out[metric.ordinal()] = value;
  }
}
