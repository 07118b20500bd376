package org.caseload.core.scenario;

import java.util.EnumSet;
import java.util.Set;

/**
 * The uncertain parameters a scenario's levers set in every month of its horizon, so that
 * the value each replication draws for them is never used: a referral growth assumption from
 * month 1 with no end sets {@code referralGrowth}, agency policies with a cover share for
 * every team (one for all, or one each) set {@code agencyCoverShare}. (A front-door threshold
 * sets the month's no-further-action share, but the drawn {@code nfaShare} still bounds the
 * not-in-need draw, so it is not one.) A sensitivity study swinging one of them would show a bar of no
 * effect over a range the scenario does not use (a planner's tornado had drawn "Referral
 * growth" as no effect beside an 8% assumption).
 *
 * @implNote Stateless and thread-safe.
 */
public final class SetParameters {

  private SetParameters() {}

  /** The parameters {@code scenario}'s interventions set in every month of its horizon. */
  public static Set<Uncertainty.Parameter> of(Scenario scenario) {
    Set<Uncertainty.Parameter> set = EnumSet.noneOf(Uncertainty.Parameter.class);
    for (Uncertainty.Parameter p : Uncertainty.Parameter.values()) {
      boolean everyMonth = scenario.horizonMonths() > 0;
      for (int month = 1; month <= scenario.horizonMonths() && everyMonth; month++) {
        everyMonth = setIn(scenario, p, month);
      }
      if (everyMonth) {
        set.add(p);
      }
    }
    return set;
  }

  /**
   * Whether the levers active in {@code month} set {@code p} there: for every team, where a
   * lever may be for one team (an agency policy for each team, as well as one for all: an
   * analyst's two per-team policies had left a bar of no effect).
   */
  private static boolean setIn(Scenario scenario, Uncertainty.Parameter p, int month) {
    return scenario.teams().stream().allMatch(team -> scenario.interventions().stream()
        .anyMatch(i -> i.activeIn(month) && p == setBy(i) && forTeam(i, team.name())));
  }

  /** Whether {@code lever} acts on the team named {@code team} (a lever for all teams does). */
  private static boolean forTeam(Intervention lever, String team) {
    return !(lever instanceof Intervention.AgencyPolicy a) || a.team() == null
        || a.team().equals(team);
  }

  /** The uncertain parameter {@code lever} sets while active, or null. */
  static Uncertainty.Parameter setBy(Intervention lever) {
    return lever.accept(new Intervention.Cases<Uncertainty.Parameter>() {
      @Override
      public Uncertainty.Parameter referralGrowth(Intervention.ReferralGrowth g) {
        return Uncertainty.Parameter.referralGrowth;
      }

      @Override
      public Uncertainty.Parameter referralShock(Intervention.ReferralShock s) {
        return null; // multiplies the level
      }

      @Override
      public Uncertainty.Parameter posts(Intervention.Posts p) {
        return null;
      }

      @Override
      public Uncertainty.Parameter fundingChange(Intervention.FundingChange f) {
        return null;
      }

      @Override
      public Uncertainty.Parameter recruitmentCampaign(Intervention.RecruitmentCampaign c) {
        return null; // multiplies the fill probability
      }

      @Override
      public Uncertainty.Parameter retentionPayment(Intervention.RetentionPayment r) {
        return null; // multiplies turnover
      }

      @Override
      public Uncertainty.Parameter agencyPolicy(Intervention.AgencyPolicy a) {
        return a.coverShare() != null ? Uncertainty.Parameter.agencyCoverShare : null;
      }

      @Override
      public Uncertainty.Parameter caseloadCap(Intervention.CaseloadCap c) {
        return null;
      }

      @Override
      public Uncertainty.Parameter nqCohort(Intervention.NqCohort n) {
        return null;
      }

      @Override
      public Uncertainty.Parameter frontDoor(Intervention.FrontDoor f) {
        // sets the month's share, but the drawn nfaShare still bounds the not-in-need draw
        // (Uncertainty's draws): its uncertainty still plays a part
        return null;
      }
    });
  }
}
