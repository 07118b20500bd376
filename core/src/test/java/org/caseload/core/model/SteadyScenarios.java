package org.caseload.core.model;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.caseload.core.metrics.Metric;
import org.caseload.core.scenario.CaseCounts;
import org.caseload.core.scenario.Demand;
import org.caseload.core.scenario.Funding;
import org.caseload.core.scenario.Parameters;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioValidator;
import org.caseload.core.scenario.Team;
import org.caseload.core.scenario.TeamRole;
import org.caseload.core.scenario.WorkerCohort;
import org.caseload.core.scenario.Workforce;

/**
 * A service where the model is linear: constant parameters, caps far above any caseload, no
 * caseload pressure, no agency, every worker a case holder, whole-number posts. It starts at
 * its expected steady state, so long-run averages test Little's law directly.
 */
public final class SteadyScenarios {

  /**
   * The metrics the expected-value projection matches where the model is linear: every metric
   * but the per-worker caseload distribution (median, 90th percentile, maximum, shares above
   * 20, 25, 30): order statistics over workers are not linear, so the mean of the simulation's
   * maximum exceeds the maximum of the cohorts' averages. Counts, FTE and money are sums, equal
   * in expectation; caseloads, rates and mean waits are ratios of such sums, which the mean of
   * a ratio matches only up to about the denominator's relative variance: within the tests'
   * tolerance for these 60 posts, about 2% for a 16-post team (docs/model.md).
   */
  public static final List<Metric> LINEAR = Arrays.stream(Metric.values())
      .filter(m -> !List.of(Metric.caseloadMedian, Metric.caseloadP90, Metric.caseloadMax,
          Metric.shareAbove20, Metric.shareAbove25, Metric.shareAbove30).contains(m))
      .toList();

  public static final double EXTERNAL = 80;
  public static final double RE_REFERRAL = 0.2;
  public static final double REFERRALS = EXTERNAL / (1 - RE_REFERRAL);
  public static final double NFA = 0.1;
  public static final double NOT_IN_NEED = 0.3;
  public static final double CP_SHARE = 0.16;
  public static final double LAC_SHARE = 0.08;
  public static final double CP_MONTHS = 9.6;
  public static final double LAC_MONTHS = 30;
  public static final double CIN_MONTHS = 9;
  public static final double SAME_MONTH = 0.45;
  public static final double LATER = 0.818;
  public static final double TURNOVER = 0.18;
  public static final int POSTS = 60;

  private SteadyScenarios() {}

  public static double newLongTermPerMonth() {
    return REFERRALS * (1 - NFA - NOT_IN_NEED);
  }

  public static double assessmentStock() {
    return REFERRALS * (1 - NFA) * (1 - SAME_MONTH) / LATER;
  }

  public static Scenario linear(int horizon) {
    double lt = newLongTermPerMonth();
    int cp = (int) Math.round(lt * CP_SHARE * CP_MONTHS);
    int lac = (int) Math.round(lt * LAC_SHARE * LAC_MONTHS);
    int cin = (int) Math.round(lt * (1 - CP_SHARE - LAC_SHARE) * CIN_MONTHS);
    Demand demand = Demand.builder(EXTERNAL)
        .annualGrowth(0)
        .overdispersion(0.05)
        .nfaShare(NFA)
        .notInNeedShare(NOT_IN_NEED)
        .reReferralShare(RE_REFERRAL)
        .childProtectionShare(CP_SHARE)
        .lookedAfterShare(LAC_SHARE)
        .assessmentSameMonthShare(SAME_MONTH)
        .assessmentLaterHazard(LATER)
        .childProtectionMonths(CP_MONTHS)
        .lookedAfterMonths(LAC_MONTHS)
        .childInNeedMonths(CIN_MONTHS)
        .build();
    // Everything not set here is Workforce.defaults().
    Workforce workforce = Workforce.builder()
        .annualTurnover(TURNOVER)
        .earlyTenureFactor(1)
        .laterTenureFactor(1)
        .pressureBeta(0)
        .fillProbability(0.3)
        .agencyCoverShare(0)
        .build();
    Funding funding = new Funding(55_000, 82_500, 5_000, 0.0, Double.POSITIVE_INFINITY, 0);
    Team assessment = new Team("assessment", TeamRole.ASSESSMENT, 10, 1, 500, 500,
        List.of(WorkerCohort.of(9, 40, false)), 0, 1,
        CaseCounts.of((int) Math.round(assessmentStock()), 0, 0, 0));
    Team longTerm = new Team("longTerm", TeamRole.LONG_TERM, POSTS - 10, 1, 500, 500,
        List.of(WorkerCohort.of(45, 40, false)), 0, 2, CaseCounts.of(0, cp, lac, cin));
    return ScenarioValidator.requireValid(new Scenario("linear", LocalDate.of(2019, 9, 30),
        horizon, List.of(assessment, longTerm), CaseCounts.NONE,
        new Parameters(demand, workforce, funding), List.of(), List.of()));
  }
}
