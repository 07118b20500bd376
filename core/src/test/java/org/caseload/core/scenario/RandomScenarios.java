package org.caseload.core.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Random valid scenarios, small enough to simulate quickly, for property tests. */
public final class RandomScenarios {

  private RandomScenarios() {}

  public static Scenario generate(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Team> teams = new ArrayList<>();
    teams.add(team(r, "assess", TeamRole.ASSESSMENT));
    int longTerm = 1 + r.nextInt(2);
    for (int i = 0; i < longTerm; i++) {
      teams.add(team(r, "lt" + i, TeamRole.LONG_TERM));
    }
    Demand d = Demand.defaults(r.nextDouble(0, 150));
    double nfa = r.nextDouble(0, 0.5);
    double cp = r.nextDouble(0, 0.5);
    Demand demand = Demand.builder(d.baseMonthly())
        .annualGrowth(r.nextDouble(-0.2, 0.3))
        .overdispersion(r.nextDouble(0, 0.2))
        .seasonality(season(r))
        .nfaShare(nfa)
        .notInNeedShare(r.nextDouble(0, 1 - nfa))
        .reReferralShare(r.nextDouble(0, 0.5))
        .reReferralDelayMonths(r.nextDouble(1, 8))
        .childProtectionShare(cp)
        .lookedAfterShare(r.nextDouble(0, 1 - cp))
        .assessmentSameMonthShare(r.nextDouble(0, 1))
        .assessmentLaterHazard(r.nextDouble(0.05, 1))
        .childProtectionMonths(r.nextDouble(1, 24))
        .lookedAfterMonths(r.nextDouble(1, 60))
        .childInNeedMonths(r.nextDouble(1, 24))
        .build();
    Workforce workforce = Workforce.builder()
        .annualTurnover(r.nextDouble(0, 0.6))
        .earlyTenureMonths(r.nextInt(0, 36))
        .earlyTenureFactor(r.nextDouble(0.5, 2))
        .laterTenureFactor(r.nextDouble(0.5, 2))
        .pressureBeta(r.nextDouble(0, 0.1))
        .caseloadReference(r.nextDouble(5, 25))
        .agencyAnnualTurnover(r.nextDouble(0, 2))
        .fillProbability(r.nextDouble(0, 1))
        .hireDelayMonths(r.nextDouble(1, 6))
        .nqCohortPerYear(r.nextDouble(0, 10))
        .nqCapShare(r.nextDouble(0, 1))
        .nqProtectionLapses(r.nextBoolean())
        .allowOverCap(r.nextBoolean())
        .absenceShare(r.nextDouble(0, 0.3))
        .agencyCoverShare(r.nextDouble(0, 1))
        .agencyExtraFte(r.nextDouble(0, 5))
        .agencyStartProbability(r.nextDouble(0, 1))
        .agencyCapFte(r.nextBoolean() ? Double.POSITIVE_INFINITY : r.nextDouble(0, 20))
        .build();
    Funding funding = new Funding(r.nextDouble(30_000, 70_000), r.nextDouble(40_000, 120_000),
        r.nextDouble(0, 10_000), r.nextDouble(0, 0.05),
        r.nextBoolean() ? Double.POSITIVE_INFINITY : r.nextDouble(0, 2_000_000),
        r.nextDouble(-0.1, 0.1));
    int horizon = 1 + r.nextInt(36);
    List<Intervention> levers = interventions(r, teams, horizon, demand);
    CaseCounts queues = CaseCounts.of(r.nextInt(20), r.nextInt(10), r.nextInt(10),
        r.nextInt(20));
    return ScenarioValidator.requireValid(new Scenario("random " + seed,
        LocalDate.of(2018 + r.nextInt(4), 1 + r.nextInt(12), 1).plusMonths(1).minusDays(1),
        horizon, teams, queues, new Parameters(demand, workforce, funding), levers,
        uncertainty(r)));
  }

  private static List<Uncertainty> uncertainty(SplittableRandom r) {
    List<Uncertainty> list = new ArrayList<>();
    if (r.nextBoolean()) {
      for (Uncertainty.Parameter p : Uncertainty.Parameter.values()) {
        if (r.nextBoolean()) {
          list.add(new Uncertainty(p, r.nextDouble(0, 0.2)));
        }
      }
    }
    return list;
  }

  private static List<Double> season(SplittableRandom r) {
    List<Double> season = new ArrayList<>();
    for (int m = 0; m < 12; m++) {
      season.add(r.nextBoolean() ? 1.0 : r.nextDouble(0.5, 1.5));
    }
    return season;
  }

  private static Team team(SplittableRandom r, String name, TeamRole role) {
    int cap = 5 + r.nextInt(25);
    List<WorkerCohort> cohorts = new ArrayList<>();
    int n = r.nextInt(4);
    for (int c = 0; c < n; c++) {
      int tenure = r.nextInt(100);
      cohorts.add(WorkerCohort.of(r.nextInt(15), tenure, tenure < 12 && r.nextBoolean()));
    }
    CaseCounts cases = role == TeamRole.ASSESSMENT
        ? CaseCounts.of(r.nextInt(100), 0, 0, 0)
        : CaseCounts.of(0, r.nextInt(60), r.nextInt(60), r.nextInt(150));
    return new Team(name, role, r.nextDouble(0, 50), r.nextDouble(0.2, 1), cap,
        cap + r.nextInt(20), cohorts, r.nextInt(6), r.nextInt(4), cases);
  }

  private static List<Intervention> interventions(SplittableRandom r, List<Team> teams,
      int horizon, Demand demand) {
    List<Intervention> levers = new ArrayList<>();
    int n = r.nextInt(5);
    for (int i = 0; i < n; i++) {
      int start = 1 + r.nextInt(horizon);
      Integer end = r.nextBoolean() ? null : start + r.nextInt(12);
      int endOrStart = end == null ? start + 6 : end;
      Team chosen = teams.get(r.nextInt(teams.size()));
      String team = chosen.name();
      // A lever may remove at most the team's posts (30,000 is the lowest permanent cost).
      double posts = chosen.establishment();
      int cap = 3 + r.nextInt(25);
      levers.add(switch (r.nextInt(10)) {
        case 0 -> new Intervention.ReferralGrowth(start, end, r.nextDouble(-0.3, 0.5));
        case 1 -> new Intervention.ReferralShock(start, endOrStart, r.nextDouble(0, 3));
        case 2 -> new Intervention.Posts(start, end, team, r.nextDouble(-Math.min(20, posts), 20));
        case 3 -> new Intervention.FundingChange(start, end, team,
            r.nextDouble(-Math.min(500_000, posts * 30_000), 1_000_000));
        case 4 -> new Intervention.RecruitmentCampaign(start, endOrStart, r.nextDouble(0, 4),
            r.nextDouble(0, 20_000));
        case 5 -> new Intervention.RetentionPayment(start, end, r.nextDouble(0, 1.5),
            r.nextDouble(0, 5_000));
        case 6 -> new Intervention.AgencyPolicy(start, end, r.nextDouble(0, 1),
            r.nextDouble(50_000, 120_000), r.nextBoolean() ? Double.POSITIVE_INFINITY : 5);
        case 7 -> new Intervention.CaseloadCap(start, end, team, cap, cap + r.nextInt(10));
        case 8 -> new Intervention.NqCohort(start, end, r.nextDouble(0, 10));
        default -> new Intervention.FrontDoor(start, end,
            r.nextDouble(0, 1 - demand.notInNeedShare()));
      });
    }
    return levers;
  }
}
