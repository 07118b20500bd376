package org.caseload.core.model;

import java.util.Arrays;
import java.util.function.IntConsumer;
import org.caseload.core.scenario.FundedPosts;
import org.caseload.core.scenario.Funding;
import org.caseload.core.scenario.Intervention;
import org.caseload.core.scenario.Scenario;

/**
 * What the levers active in one month set, starting from the scenario's parameters: those
 * that set a value take the one listed last, those that add add up, multipliers multiply.
 */
final class MonthLevers implements Intervention.Cases<Void> {

  private final Scenario scenario;
  private final int teams;
  private final int[] cap;
  private final int[] hardLimit;
  private final Funding funding;
  double growth;
  double shock = 1.0;
  double nfa;
  final double[] fillMultiplier;
  final double[] turnover;
  final double[] cover;
  /** Agency cost a year by team, and for the service (what its agency budget buys). */
  final double[] agencyCost;
  double serviceAgencyCost;
  double agencyCap;
  double nq;
  double spend = 0;
  final double[] retention;

  /** Levers writing the month's caps and hard limits, by team, in place. */
  MonthLevers(Scenario scenario, int[] cap, int[] hardLimit) {
    this.scenario = scenario;
    this.teams = scenario.teams().size();
    this.cap = cap;
    this.hardLimit = hardLimit;
    this.funding = scenario.parameters().funding();
    this.growth = scenario.parameters().demand().annualGrowth();
    this.nfa = scenario.parameters().demand().nfaShare();
    this.fillMultiplier = filled(1.0);
    this.turnover = filled(1.0);
    this.cover = filled(scenario.parameters().workforce().agencyCoverShare());
    this.agencyCost = filled(funding.agencyCostPerYear());
    this.serviceAgencyCost = funding.agencyCostPerYear();
    this.agencyCap = scenario.parameters().workforce().agencyCapFte();
    this.nq = scenario.parameters().workforce().nqCohortPerYear();
    this.retention = filled(0.0);
  }

  private double[] filled(double value) {
    double[] byTeam = new double[teams];
    Arrays.fill(byTeam, value);
    return byTeam;
  }

  /** The teams a lever addresses: the one named, or every team for none. */
  private void forTeams(String team, IntConsumer action) {
    if (team == null) {
      for (int i = 0; i < teams; i++) {
        action.accept(i);
      }
    } else {
      action.accept(scenario.teamIndex(team));
    }
  }

  @Override
  public Void referralGrowth(Intervention.ReferralGrowth g) {
    growth = g.annualGrowth();
    return null;
  }

  @Override
  public Void referralShock(Intervention.ReferralShock s) {
    shock *= s.multiplier();
    return null;
  }

  /** The month's funded posts are {@link FundedPosts}'s, shared with the validator. */
  @Override
  public Void posts(Intervention.Posts p) {
    return null;
  }

  /** As {@link #posts}. */
  @Override
  public Void fundingChange(Intervention.FundingChange f) {
    return null;
  }

  @Override
  public Void recruitmentCampaign(Intervention.RecruitmentCampaign c) {
    forTeams(c.team(), i -> fillMultiplier[i] *= c.fillMultiplier());
    spend += c.monthlyCost();
    return null;
  }

  @Override
  public Void retentionPayment(Intervention.RetentionPayment r) {
    forTeams(r.team(), i -> {
      turnover[i] *= r.turnoverMultiplier();
      retention[i] += r.annualCostPerHead() / 12.0;
    });
    return null;
  }

  @Override
  public Void agencyPolicy(Intervention.AgencyPolicy a) {
    forTeams(a.team(), i -> {
      if (a.coverShare() != null) {
        cover[i] = a.coverShare();
      }
      agencyCost[i] = a.costPerYear();
    });
    if (a.team() == null) {
      serviceAgencyCost = a.costPerYear();
      agencyCap = a.capFte();
    }
    return null;
  }

  @Override
  public Void caseloadCap(Intervention.CaseloadCap c) {
    int i = scenario.teamIndex(c.team());
    cap[i] = c.cap();
    hardLimit[i] = c.hardLimit();
    return null;
  }

  @Override
  public Void nqCohort(Intervention.NqCohort c) {
    nq = c.cohortPerYear();
    return null;
  }

  @Override
  public Void frontDoor(Intervention.FrontDoor f) {
    nfa = f.nfaShare();
    return null;
  }
}
