package org.caseload.core.scenario;

import java.util.List;

/**
 * The validator's rules for interventions: the months every lever has, and each kind's own
 * fields ({@link Intervention.Cases}, so a new kind cannot go unchecked). Part of
 * {@link ScenarioValidator}, which reports every problem with its path.
 */
final class InterventionRules {

  private InterventionRules() {}

  /** Checks intervention {@code lever} at path {@code at} of {@code scenario}. */
  static void check(Checks checks, String at, Intervention lever, Scenario scenario) {
    checks.between(at + ".startMonth", lever.startMonth(), 1, Scenario.MAX_HORIZON_MONTHS);
    if (lever.endMonth() != null) {
      if (checks.between(at + ".endMonth", lever.endMonth(), 1, Scenario.MAX_HORIZON_MONTHS)
          && lever.endMonth() < lever.startMonth()) {
        checks.add(at + ".endMonth", "must be >= startMonth (" + lever.startMonth()
            + "), was " + lever.endMonth());
      }
    }
    lever.accept(new InterventionChecks(checks, at, scenario));
  }

  /** The checks of each kind of lever's own fields. */
  private record InterventionChecks(Checks checks, String at, Scenario scenario)
      implements Intervention.Cases<Void> {
    @Override
    public Void referralGrowth(Intervention.ReferralGrowth g) {
      checks.between(at + ".annualGrowth", g.annualGrowth(), -0.5, 1);
      return null;
    }

    @Override
    public Void referralShock(Intervention.ReferralShock s) {
      checks.between(at + ".multiplier", s.multiplier(), 0, 10);
      requireEnd(checks, at, s);
      return null;
    }

    @Override
    public Void posts(Intervention.Posts p) {
      if (checkTeam(checks, at, p.team(), scenario)
          && checks.between(at + ".fte", p.fte(), -ScenarioValidator.MAX_WORKERS, ScenarioValidator.MAX_WORKERS)) {
        checkRemovesNoMoreThanTheTeamHas(at + ".fte", p, p.team(), p.fte());
      }
      return null;
    }

    @Override
    public Void fundingChange(Intervention.FundingChange f) {
      if (checkTeam(checks, at, f.team(), scenario)
          && checks.between(at + ".poundsPerYear", f.poundsPerYear(), -ScenarioValidator.MAX_MONEY, ScenarioValidator.MAX_MONEY)
          && scenario.parameters().funding().permanentCostPerYear() > 0) {
        checkRemovesNoMoreThanTheTeamHas(at + ".poundsPerYear", f, f.team(), f.poundsPerYear());
      }
      return null;
    }

    /**
     * While a lever of {@code team} that adds or removes posts is active, the team's posts
     * and funding levers then active together may remove at most the team's posts at the base
     * date: more would be cut to none without a word. Checked in every month where the levers
     * active change.
     */
    private void checkRemovesNoMoreThanTheTeamHas(String field, Intervention lever, String team,
        double was) {
      Funding funding = scenario.parameters().funding();
      if (FundedPosts.added(lever, funding).to(team) >= 0) {
        return;
      }
      double has = scenario.teams().get(scenario.teamIndex(team)).establishment();
      List<Intervention> levers = scenario.interventions().stream()
          .filter(o -> FundedPosts.added(o, funding).to(team) != 0).toList();
      int from = lever.startMonth();
      int to = lever.endMonth() == null ? Integer.MAX_VALUE : lever.endMonth();
      for (Intervention change : levers) {
        for (int month : new int[] {change.startMonth(),
            change.endMonth() == null ? from : change.endMonth() + 1, from}) {
          if (month < from || month > to) {
            continue;
          }
          double added = 0;
          for (Intervention o : levers) {
            if (o.startMonth() <= month && (o.endMonth() == null || month <= o.endMonth())) {
              added += FundedPosts.added(o, funding).to(team);
            }
          }
          if (has >= 0 && added < -has - 1e-9) {
            checks.add(field, String.format(java.util.Locale.ROOT, "the posts and funding"
                + " levers of team '%s' active in month %d remove %.1f posts, more than it has"
                + " at the base date (%.1f); was %s", team, month, -added, has,
                Problem.show(was)));
            return;
          }
        }
      }
    }

    @Override
    public Void recruitmentCampaign(Intervention.RecruitmentCampaign c) {
      checks.between(at + ".fillMultiplier", c.fillMultiplier(), 0, 20);
      checks.between(at + ".monthlyCost", c.monthlyCost(), 0, ScenarioValidator.MAX_MONEY);
      requireEnd(checks, at, c);
      if (c.team() != null) {
        checkTeam(checks, at, c.team(), scenario);
      }
      return null;
    }

    @Override
    public Void retentionPayment(Intervention.RetentionPayment r) {
      checks.between(at + ".turnoverMultiplier", r.turnoverMultiplier(), 0, 5);
      checks.between(at + ".annualCostPerHead", r.annualCostPerHead(), 0, 1_000_000);
      if (r.team() != null) {
        checkTeam(checks, at, r.team(), scenario);
      }
      return null;
    }

    @Override
    public Void agencyPolicy(Intervention.AgencyPolicy a) {
      if (a.coverShare() != null) {
        checks.between(at + ".coverShare", a.coverShare(), 0, 1);
      }
      checks.between(at + ".costPerYear", a.costPerYear(), 0, 10_000_000);
      checks.limit(at + ".capFte", a.capFte());
      if (a.team() != null) {
        checkTeam(checks, at, a.team(), scenario);
        if (a.capFte() != Double.POSITIVE_INFINITY) {
          checks.add(at + ".capFte", "agency is capped across every team: give the cap in a"
              + " policy without a team, was " + a.capFte() + " for team '" + a.team() + "'");
        }
      }
      return null;
    }

    @Override
    public Void caseloadCap(Intervention.CaseloadCap c) {
      checkTeam(checks, at, c.team(), scenario);
      checks.between(at + ".cap", c.cap(), 1, Team.MAX_CASELOAD_CAP);
      if (checks.between(at + ".hardLimit", c.hardLimit(), 1, Team.MAX_HARD_LIMIT)
          && c.hardLimit() < c.cap()) {
        checks.add(at + ".hardLimit", "must be >= cap (" + c.cap() + "), was " + c.hardLimit());
      }
      return null;
    }

    @Override
    public Void nqCohort(Intervention.NqCohort n) {
      checks.between(at + ".cohortPerYear", n.cohortPerYear(), 0, ScenarioValidator.MAX_WORKERS);
      return null;
    }

    @Override
    public Void frontDoor(Intervention.FrontDoor f) {
      Demand demand = scenario.parameters().demand();
      if (checks.between(at + ".nfaShare", f.nfaShare(), 0, 1)
          && f.nfaShare() + demand.notInNeedShare() > 1) {
        checks.add(at + ".nfaShare", "nfaShare + parameters.demand.notInNeedShare must be"
            + " <= 1, was " + Problem.show(f.nfaShare() + demand.notInNeedShare()));
      }
      return null;
    }
  }

  private static void requireEnd(Checks checks, String at, Intervention lever) {
    if (lever.endMonth() == null) {
      checks.add(at + ".endMonth", "is required for " + lever.type());
    }
  }

  /** Whether {@code team} names a team of the scenario; if not, says so. */
  private static boolean checkTeam(Checks checks, String at, String team, Scenario scenario) {
    if (scenario.teamIndex(team) < 0) {
      checks.add(at + ".team", "must name a team of the scenario ("
          + String.join(", ", scenario.teams().stream().map(Team::name).toList()) + "), was '"
          + PlainText.shown(team.length() <= Team.MAX_NAME_LENGTH ? team
              : team.substring(0, Team.MAX_NAME_LENGTH) + "...") + "'");
      return false;
    }
    return true;
  }
}
