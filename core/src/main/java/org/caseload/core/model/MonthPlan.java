package org.caseload.core.model;

import java.time.LocalDate;
import org.caseload.core.scenario.Demand;
import org.caseload.core.scenario.FundedPosts;
import org.caseload.core.scenario.Funding;
import org.caseload.core.scenario.Intervention;
import org.caseload.core.scenario.Scenario;
import org.caseload.core.scenario.ScenarioValidator;
import org.caseload.core.scenario.Team;
import org.caseload.core.scenario.Workforce;

/**
 * The scenario's parameters with its interventions applied, month by month: what every
 * lever means for month {@code t}. Computed once per scenario and shared by every
 * replication and by the expected-value projection, so both read the levers the same way.
 *
 * <p>Index 0 is the base date; months 1 to horizon are the projected months.
 *
 * @implNote Immutable after construction and thread-safe.
 */
public final class MonthPlan {

  private final Scenario scenario;
  private final int horizon;
  private final int teams;
  private final int[] calendarMonth;
  private final double[] referralMean;
  private final double[] nfaShare;
  private final double[] notInNeedGivenAssessed;
  private final double[][] fillProbability;
  private final double[][] turnoverMultiplier;
  private final double[][] agencyCoverShare;
  private final double[][] agencyCostPerYear;
  private final double[] agencyCapFte;
  private final double[] nqCohortPerYear;
  private final double[] inflation;
  private final double[] interventionSpend;
  private final double[][] retentionCostPerHead;
  private final double[][] establishment;
  private final int[][] cap;
  private final int[][] hardLimit;

  private MonthPlan(Scenario scenario) {
    this.scenario = scenario;
    this.horizon = scenario.horizonMonths();
    this.teams = scenario.teams().size();
    int n = horizon + 1;
    calendarMonth = new int[n];
    referralMean = new double[n];
    nfaShare = new double[n];
    notInNeedGivenAssessed = new double[n];
    fillProbability = new double[n][teams];
    turnoverMultiplier = new double[n][teams];
    agencyCoverShare = new double[n][teams];
    agencyCostPerYear = new double[n][teams];
    agencyCapFte = new double[n];
    nqCohortPerYear = new double[n];
    inflation = new double[n];
    interventionSpend = new double[n];
    retentionCostPerHead = new double[n][teams];
    establishment = new double[n][teams];
    cap = new int[n][teams];
    hardLimit = new int[n][teams];
    double level = 1.0;
    for (int t = 0; t < n; t++) {
      level = fillMonth(t, level);
    }
  }

  /** The plan of a valid scenario. */
  public static MonthPlan of(Scenario scenario) {
    return new MonthPlan(scenario);
  }

  private double fillMonth(int t, double previousLevel) {
    Demand demand = scenario.parameters().demand();
    Workforce workforce = scenario.parameters().workforce();
    Funding funding = scenario.parameters().funding();
    LocalDate date = scenario.dateOf(t);
    calendarMonth[t] = date.getMonthValue();
    inflation[t] = funding.inflation(t);

    for (int i = 0; i < teams; i++) {
      Team team = scenario.teams().get(i);
      cap[t][i] = team.caseloadCap();
      hardLimit[t][i] = team.hardLimit();
    }
    MonthLevers levers = new MonthLevers(scenario, cap[t], hardLimit[t]);
    for (Intervention lever : scenario.interventions()) {
      if (t > 0 && lever.activeIn(t)) {
        lever.accept(levers);
      }
    }
    double funded = FundedPosts.fill(scenario, t, establishment[t]);
    if (funded > ScenarioValidator.MAX_FUNDED_POSTS) {
      // Only a replication's drawn growth of funded posts gets here (the scenario as given is
      // validated within the limit): its posts are held at the limit, in the teams' shares.
      for (int i = 0; i < teams; i++) {
        establishment[t][i] *= ScenarioValidator.MAX_FUNDED_POSTS / funded;
      }
    }
    double level = t == 0 ? 1.0 : previousLevel * Math.pow(1 + levers.growth, 1 / 12.0);
    // Only a replication's drawn level or growth gets past the limit (the scenario as given
    // is validated within it): its referrals are held there, within what a month can count.
    referralMean[t] = Math.min(ScenarioValidator.MAX_MONTHLY_REFERRALS, demand.baseMonthly()
        * level * demand.seasonality().get(calendarMonth[t] - 1) * levers.shock);
    double nfa = levers.nfa;
    nfaShare[t] = nfa;
    notInNeedGivenAssessed[t] = nfa >= 1 ? 0 : Math.min(1, demand.notInNeedShare() / (1 - nfa));
    for (int i = 0; i < teams; i++) {
      fillProbability[t][i] = Math.min(1, workforce.fillProbability() * levers.fillMultiplier[i]);
      turnoverMultiplier[t][i] = levers.turnover[i];
      retentionCostPerHead[t][i] = levers.retention[i];
    }
    for (int i = 0; i < teams; i++) {
      agencyCoverShare[t][i] = levers.cover[i];
      agencyCostPerYear[t][i] = levers.agencyCost[i];
    }
    double agencyCost = levers.serviceAgencyCost;
    double agencyCap = levers.agencyCap;
    double budgetCap = funding.agencyBudgetPerYear() / (agencyCost * inflation[t]);
    agencyCapFte[t] = Math.min(agencyCap, agencyCost > 0 ? budgetCap : agencyCap);
    nqCohortPerYear[t] = levers.nq;
    interventionSpend[t] = levers.spend;
    return level;
  }

  public Scenario scenario() {
    return scenario;
  }

  public int horizon() {
    return horizon;
  }

  public int teamCount() {
    return teams;
  }

  /** Calendar month (1 = January) of month {@code t}. */
  public int calendarMonth(int t) {
    return calendarMonth[t];
  }

  /** Mean external referrals in month {@code t}: growth, season and shocks applied. */
  public double referralMean(int t) {
    return referralMean[t];
  }

  public double nfaShare(int t) {
    return nfaShare[t];
  }

  /** Share of completed assessments found not in need, so that it is the demand share of all referrals. */
  public double notInNeedGivenAssessed(int t) {
    return notInNeedGivenAssessed[t];
  }

  /** Monthly probability that an open post of {@code team} is filled. */
  public double fillProbability(int t, int team) {
    return fillProbability[t][team];
  }

  /** Multiplier of {@code team}'s permanent leaving hazard (retention payments). */
  public double turnoverMultiplier(int t, int team) {
    return turnoverMultiplier[t][team];
  }

  /** Share of {@code team}'s vacant FTE covered by agency workers. */
  public double agencyCoverShare(int t, int team) {
    return agencyCoverShare[t][team];
  }

  /** Agency cost per FTE of {@code team} a year at base prices. */
  public double agencyCostPerYear(int t, int team) {
    return agencyCostPerYear[t][team];
  }

  /** The most agency FTE in month {@code t}: the cap and what the budget buys. */
  public double agencyCapFte(int t) {
    return agencyCapFte[t];
  }

  public double nqCohortPerYear(int t) {
    return nqCohortPerYear[t];
  }

  /** Cost multiplier of month {@code t} from inflation. */
  public double inflation(int t) {
    return inflation[t];
  }

  /** Campaign spend in month {@code t}, base prices. */
  public double interventionSpend(int t) {
    return interventionSpend[t];
  }

  /** Retention payment per permanent head of {@code team} in month {@code t}, base prices. */
  public double retentionCostPerHead(int t, int team) {
    return retentionCostPerHead[t][team];
  }

  public double establishment(int t, int team) {
    return establishment[t][team];
  }

  /** Team's share of all establishment in month {@code t} (equal shares if there is none). */
  public double establishmentShare(int t, int team) {
    double total = 0;
    for (double e : establishment[t]) {
      total += e;
    }
    return total > 0 ? establishment[t][team] / total : 1.0 / teams;
  }

  public int cap(int t, int team) {
    return cap[t][team];
  }

  public int hardLimit(int t, int team) {
    return hardLimit[t][team];
  }

  /** Share of newly qualified intake that starts in month {@code t} (September to November). */
  public double nqIntakeShare(int t) {
    return switch (calendarMonth[t]) {
      case 9 -> 0.5;
      case 10 -> 0.3;
      case 11 -> 0.2;
      default -> 0.0;
    };
  }

  /** Monthly leaving hazard of a permanent worker of {@code team} with {@code tenureMonths}. */
  public double leavingHazard(int t, int team, int tenureMonths, int caseload) {
    Workforce w = scenario.parameters().workforce();
    double tenureFactor = tenureMonths < w.earlyTenureMonths()
        ? w.earlyTenureFactor() : w.laterTenureFactor();
    return leavingHazard(t, team, tenureFactor, caseload);
  }

  /**
   * Monthly leaving hazard of a permanent worker of {@code team} with the tenure factor
   * {@code tenureFactor} holding {@code caseload} cases (a cohort's average in the
   * expected-value projection).
   */
  public double leavingHazard(int t, int team, double tenureFactor, double caseload) {
    Workforce w = scenario.parameters().workforce();
    return 1 - Math.exp(-(w.annualTurnover() / 12) * tenureFactor * w.pressureFactor(caseload)
        * turnoverMultiplier[t][team]);
  }

  /** Monthly leaving hazard of an agency worker. */
  public double agencyLeavingHazard() {
    return 1 - Math.exp(-scenario.parameters().workforce().agencyAnnualTurnover() / 12);
  }

  /** Monthly closure probability of each long-term kind: 1 / mean months. */
  public double closureHazard(CaseKind kind) {
    Demand d = scenario.parameters().demand();
    return switch (kind) {
      case CHILD_PROTECTION -> 1 / d.childProtectionMonths();
      case LOOKED_AFTER -> 1 / d.lookedAfterMonths();
      case CHILD_IN_NEED -> 1 / d.childInNeedMonths();
      case ASSESSMENT -> throw new IllegalArgumentException("assessments complete, not close");
    };
  }
}
