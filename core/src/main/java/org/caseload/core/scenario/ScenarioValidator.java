package org.caseload.core.scenario;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caseload.core.scenario.Uncertainty.Parameter;

/**
 * Checks a whole scenario and reports every problem with its JSON path and reason. The
 * ranges are documented in {@code docs/scenario-format.md}.
 *
 * @implNote Stateless and thread-safe.
 */
public final class ScenarioValidator {

  /** The most workers (permanent and agency, all teams) a base state may hold. */
  public static final int MAX_WORKERS = 100_000;

  /**
   * The most funded posts, summed over teams, a scenario may have in any month (after growth
   * of funded posts and every posts and funding lever): about five times England as one
   * service (the england-2022 preset funds about 39,500). Workers join only into funded posts
   * (agency cover only into vacancies), so this bounds the workers a run can hold.
   */
  public static final int MAX_FUNDED_POSTS = 200_000;

  /** The most interventions a scenario may have. */
  public static final int MAX_INTERVENTIONS = 200;

  /**
   * The most teams, and cohorts of permanent workers in a team, a scenario file may list: far
   * beyond any council (a county's localities are tens; a run's summaries by team then meet
   * the memory check first), and a bound on what reading a file holds (2.7 million empty
   * teams in an 8 MiB file had run the reader out of memory).
   */
  public static final int MAX_TEAMS = 10_000;
  public static final int MAX_COHORTS = 1_000;

  /** The earliest and latest base-date years a scenario may have. */
  public static final int MIN_YEAR = 2000;
  public static final int MAX_YEAR = 2100;

  /**
   * The most new referrals a month a scenario may reach: about 185 times England's (some
   * 54,000 a month), and far within what a month's draws can count (a base of 1,000,000 at a
   * seasonality of 10 and 100% growth a year had passed 2^31 referrals in year eight and
   * crashed the run).
   */
  public static final double MAX_MONTHLY_REFERRALS = 10_000_000;

  static final double MAX_COUNT = 10_000_000;
  static final double MAX_MONEY = 1e10;

  private ScenarioValidator() {}

  /** Every problem of {@code scenario} (at most 100 listed); empty when it may run. */
  public static List<Problem> problems(Scenario scenario) {
    return check(scenario).problems();
  }

  /** The checks of {@code scenario}: its problems listed, and how many more there were. */
  static Checks check(Scenario scenario) {
    Checks checks = new Checks();
    checkLabel(checks, "name", scenario.name(), Scenario.MAX_NAME_LENGTH, "");
    if (scenario.area() != null) {
      checkLabel(checks, "area", scenario.area(), Scenario.MAX_AREA_LENGTH,
          " (leave it out for no council)");
    }
    int year = scenario.baseDate().getYear();
    if (year < MIN_YEAR || year > MAX_YEAR) {
      checks.add("baseDate", "must be in the years " + MIN_YEAR + " to " + MAX_YEAR + ", was "
          + scenario.baseDate());
    } else if (scenario.baseDate().getDayOfMonth() != scenario.baseDate().lengthOfMonth()) {
      checks.add("baseDate", "must be the last day of a month, was " + scenario.baseDate());
    }
    checks.between("horizonMonths", scenario.horizonMonths(), 1, Scenario.MAX_HORIZON_MONTHS);
    checkTeams(checks, scenario.teams());
    checkCounts(checks, "queues", scenario.queues());
    checkDemand(checks, scenario.parameters().demand());
    checkWorkforce(checks, scenario.parameters().workforce());
    checkFunding(checks, scenario.parameters().funding());
    if (scenario.interventions().size() > MAX_INTERVENTIONS) {
      checks.add("interventions", "must have at most " + MAX_INTERVENTIONS + " items, had "
          + scenario.interventions().size());
    }
    for (int i = 0; i < scenario.interventions().size(); i++) {
      InterventionRules.check(checks, "interventions[" + i + "]", scenario.interventions().get(i),
          scenario);
    }
    java.util.Map<Uncertainty.Parameter, Integer> given =
        new java.util.EnumMap<>(Uncertainty.Parameter.class);
    for (int i = 0; i < scenario.uncertainty().size(); i++) {
      Uncertainty u = scenario.uncertainty().get(i);
      checkSd(checks, "uncertainty[" + i + "].sd", u);
      Integer first = given.putIfAbsent(u.parameter(), i);
      if (first != null) {
        checks.add("uncertainty[" + i + "].parameter", u.parameter() + " is already given"
            + " (uncertainty[" + first + "])");
      }
    }
    if (checks.listed().isEmpty()) {
      checkFundedPosts(checks, scenario);
      checkReferrals(checks, scenario);
    }
    return checks;
  }

  /**
   * The referrals a month stay within {@link #MAX_MONTHLY_REFERRALS} over the horizon, by a
   * bound that the scenario's own referral mean (MonthPlan) never exceeds: the base level at
   * its highest month's seasonality, grown for the whole horizon at the highest growth the
   * scenario or a lever sets, times every referral shock that raises it (a replication's
   * drawn level or growth may pass it: MonthPlan holds those at the limit). Only for a
   * scenario with no other problem.
   */
  private static void checkReferrals(Checks checks, Scenario scenario) {
    Demand d = scenario.parameters().demand();
    double growth = Math.max(0, d.annualGrowth());
    double shocks = 1;
    for (Intervention lever : scenario.interventions()) {
      if (lever instanceof Intervention.ReferralGrowth g) {
        growth = Math.max(growth, g.annualGrowth());
      } else if (lever instanceof Intervention.ReferralShock s) {
        shocks *= Math.max(1, s.multiplier());
      }
    }
    double seasonal = d.seasonality().stream().mapToDouble(Double::doubleValue).max().orElse(1);
    double most = d.baseMonthly() * seasonal * shocks
        * Math.pow(1 + growth, scenario.horizonMonths() / 12.0);
    if (!(most <= MAX_MONTHLY_REFERRALS)) {
      checks.add("parameters.demand.baseMonthly", String.format(java.util.Locale.ROOT,
          "the referrals a month could reach %.3g within %d months (base %s x seasonality up"
          + " to %s x growth up to %s a year x referral shocks %s), more than the %,.0f a"
          + " scenario may have (about 185 times England's)", most, scenario.horizonMonths(),
          Problem.show(d.baseMonthly()), Problem.show(seasonal), Problem.show(growth),
          Problem.show(shocks), MAX_MONTHLY_REFERRALS));
    }
  }

  /** Throws {@link InvalidScenarioException} listing every problem, if there is any. */
  public static Scenario requireValid(Scenario scenario) {
    List<Problem> problems = problems(scenario);
    if (!problems.isEmpty()) {
      throw new InvalidScenarioException(problems);
    }
    return scenario;
  }

  /**
   * The funded posts of every month ({@link FundedPosts}, as the model hires into them),
   * summed over teams, are at most {@link #MAX_FUNDED_POSTS}. The first month over names the
   * lever adding the most posts then, or else the growth, or the teams. Only for a scenario
   * with no other problem (its teams and numbers are then sound).
   */
  private static void checkFundedPosts(Checks checks, Scenario scenario) {
    Funding funding = scenario.parameters().funding();
    List<Intervention> levers = scenario.interventions();
    double[] posts = new double[scenario.teams().size()];
    for (int month = 0; month <= scenario.horizonMonths(); month++) {
      double total = FundedPosts.fill(scenario, month, posts);
      int most = -1;
      double mostAdded = 0;
      double leversAdded = 0;
      for (int l = 0; l < levers.size(); l++) {
        if (levers.get(l).activeIn(month)) {
          double added = FundedPosts.added(levers.get(l), funding).posts();
          leversAdded += added;
          if (added > mostAdded) {
            most = l;
            mostAdded = added;
          }
        }
      }
      if (!(total <= MAX_FUNDED_POSTS)) {
        String over = String.format(java.util.Locale.ROOT, "the teams' funded posts in month %d"
            + " would be %.0f, more than the %d a scenario may fund (about five times England"
            + " as one service)", month, total, MAX_FUNDED_POSTS);
        // the levers are named only where they are the cause: without them the posts would fit
        if (most >= 0 && total - leversAdded <= MAX_FUNDED_POSTS) {
          Intervention lever = levers.get(most);
          String at = "interventions[" + most + "]";
          if (lever instanceof Intervention.FundingChange f) {
            checks.add(at + ".poundsPerYear", over + String.format(java.util.Locale.ROOT,
                "; it funds %.0f posts at parameters.funding.permanentCostPerYear %s (with"
                + " inflation to month %d), was %s", mostAdded,
                Problem.show(funding.permanentCostPerYear()), f.startMonth(),
                Problem.show(f.poundsPerYear())));
          } else {
            checks.add(at + ".fte", over + "; was " + Problem.show(mostAdded));
          }
        } else if (funding.establishmentGrowth() > 0) {
          checks.add("parameters.funding.establishmentGrowth", over + " at this growth over "
              + scenario.horizonMonths() + " months; was "
              + Problem.show(funding.establishmentGrowth()));
        } else {
          checks.add("teams", over + " (their establishment)");
        }
        return;
      }
    }
  }

  /** An sd from 0 to the most its parameter can mean ({@link Uncertainty.Parameter#maxSd()}). */
  private static void checkSd(Checks checks, String path, Uncertainty u) {
    double max = u.parameter().maxSd();
    if (u.sd() > max && Double.isFinite(u.sd())) {
      checks.add(path, "must be from 0 to " + Problem.show(max) + " for " + u.parameter()
          + " (" + u.parameter().maxSdReason() + "), was " + Problem.show(u.sd()));
    } else {
      checks.between(path, u.sd(), 0, max);
    }
  }

  private static void checkTeams(Checks checks, List<Team> teams) {
    if (teams.size() > MAX_TEAMS) {
      checks.add("teams", "must have at most " + MAX_TEAMS + " items, had " + teams.size());
    }
    boolean assessment = false;
    boolean longTerm = false;
    Map<String, String> names = new HashMap<>(); // reading key -> the name first given
    long workers = 0;
    for (int i = 0; i < teams.size(); i++) {
      Team team = teams.get(i);
      String at = "teams[" + i + "]";
      if (checkLabel(checks, at + ".name", team.name(), Team.MAX_NAME_LENGTH, "")) {
        // names a reader cannot tell apart are one name: results by team would show two
        // teams of one name with different figures ('Café' composed and decomposed)
        String earlier = names.putIfAbsent(PlainText.readingKey(team.name()), team.name());
        if (earlier != null) {
          checks.add(at + ".name", earlier.equals(team.name())
              ? "must be unique, '" + team.name() + "' is used twice"
              : "must be unique, '" + team.name() + "' reads as '" + earlier
                  + "', another team's name");
        }
      }
      assessment |= team.role() == TeamRole.ASSESSMENT;
      longTerm |= team.role() == TeamRole.LONG_TERM;
      checks.between(at + ".establishment", team.establishment(), 0, MAX_WORKERS);
      checks.between(at + ".caseHolderShare", team.caseHolderShare(), 0.01, 1);
      checks.between(at + ".caseloadCap", team.caseloadCap(), 1, Team.MAX_CASELOAD_CAP);
      if (checks.between(at + ".hardLimit", team.hardLimit(), 1, Team.MAX_HARD_LIMIT)
          && team.hardLimit() < team.caseloadCap()) {
        checks.add(at + ".hardLimit", "must be >= caseloadCap (" + team.caseloadCap()
            + "), was " + team.hardLimit());
      }
      if (team.permanent().size() > MAX_COHORTS) {
        checks.add(at + ".permanent", "must have at most " + MAX_COHORTS + " items, had "
            + team.permanent().size());
      }
      for (int c = 0; c < team.permanent().size(); c++) {
        WorkerCohort cohort = team.permanent().get(c);
        String cat = at + ".permanent[" + c + "]";
        checks.between(cat + ".count", cohort.count(), 0, MAX_WORKERS);
        checks.between(cat + ".tenureMonths", cohort.tenureMonths(), 0, 600);
        if (cohort.newlyQualified() && cohort.tenureMonths() >= 12) {
          checks.add(cat + ".newlyQualified",
              "must be false when tenureMonths >= 12, was true with " + cohort.tenureMonths());
        }
        workers += Math.max(0, cohort.count());
      }
      checks.between(at + ".agencyWorkers", team.agencyWorkers(), 0, MAX_WORKERS);
      workers += Math.max(0, team.agencyWorkers());
      checks.between(at + ".pipeline", team.pipeline(), 0, MAX_WORKERS);
      workers += Math.max(0, team.pipeline());
      checkCounts(checks, at + ".cases", team.cases());
      if (team.role() == TeamRole.ASSESSMENT && team.cases().longTerm() > 0) {
        checks.add(at + ".cases", "an assessment team holds only assessments, was given "
            + team.cases().longTerm() + " long-term cases");
      }
      if (team.role() == TeamRole.LONG_TERM && team.cases().assessment() > 0) {
        checks.add(at + ".cases.assessment", "a long-term team holds no assessments, was "
            + team.cases().assessment());
      }
    }
    for (TeamRole role : TeamRole.values()) {
      checkDemandShares(checks, teams, role);
    }
    if (!assessment) {
      checks.add("teams", "must include a team with role 'assessment'");
    }
    if (!longTerm) {
      checks.add("teams", "must include a team with role 'longTerm'");
    }
    if (workers > MAX_WORKERS) {
      checks.add("teams", "must hold at most " + MAX_WORKERS + " workers, held " + workers);
    }
  }

  /** A role's teams give all their demand shares, adding up to 1, or none. */
  private static void checkDemandShares(Checks checks, List<Team> teams, TeamRole role) {
    int given = 0;
    int of = 0;
    double sum = 0;
    String last = null;
    for (int i = 0; i < teams.size(); i++) {
      Team team = teams.get(i);
      if (team.role() != role) {
        continue;
      }
      of++;
      if (team.hasDemandShare()) {
        last = "teams[" + i + "].demandShare";
        if (checks.between(last, team.demandShare(), 0, 1)) {
          given++;
          sum += team.demandShare();
        }
      }
    }
    if (last == null || given == 0) {
      return;
    }
    if (given < of) {
      checks.add(last, "give every " + role.jsonName() + " team a demandShare or none; "
          + given + " of " + of + " have one");
    } else if (Math.abs(sum - 1) > 1e-6) {
      checks.add(last, "the demand shares of the " + role.jsonName()
          + " teams must add up to 1, were " + sum);
    }
  }

  private static void checkCounts(Checks checks, String at, CaseCounts counts) {
    checks.between(at + ".assessment", counts.assessment(), 0, MAX_COUNT);
    checks.between(at + ".childProtection", counts.childProtection(), 0, MAX_COUNT);
    checks.between(at + ".lookedAfter", counts.lookedAfter(), 0, MAX_COUNT);
    checks.between(at + ".childInNeed", counts.childInNeed(), 0, MAX_COUNT);
  }

  private static void checkDemand(Checks checks, Demand d) {
    String at = "parameters.demand.";
    inRange(checks, at + "baseMonthly", d.baseMonthly(), Parameter.referralLevel);
    inRange(checks, at + "annualGrowth", d.annualGrowth(), Parameter.referralGrowth);
    checks.between(at + "overdispersion", d.overdispersion(), 0, 10);
    if (d.seasonality().size() != 12) {
      checks.add(at + "seasonality", "must have 12 values (January to December), had "
          + d.seasonality().size());
    }
    for (int m = 0; m < d.seasonality().size(); m++) {
      checks.between(at + "seasonality[" + m + "]", d.seasonality().get(m), 0, 10);
    }
    boolean nfa = inRange(checks, at + "nfaShare", d.nfaShare(), Parameter.nfaShare);
    boolean notInNeed = inRange(checks, at + "notInNeedShare", d.notInNeedShare(),
        Parameter.notInNeedShare);
    if (nfa && notInNeed && d.nfaShare() + d.notInNeedShare() > 1) {
      checks.add(at + "notInNeedShare", "nfaShare + notInNeedShare must be <= 1, was "
          + Problem.show(d.nfaShare() + d.notInNeedShare()));
    }
    checks.between(at + "reReferralShare", d.reReferralShare(), 0, 0.95);
    checks.between(at + "reReferralDelayMonths", d.reReferralDelayMonths(), 1, 60);
    boolean cp = checks.between(at + "childProtectionShare", d.childProtectionShare(), 0, 1);
    boolean lac = checks.between(at + "lookedAfterShare", d.lookedAfterShare(), 0, 1);
    if (cp && lac && d.childProtectionShare() + d.lookedAfterShare() > 1) {
      checks.add(at + "lookedAfterShare", "childProtectionShare + lookedAfterShare must be"
          + " <= 1, was " + Problem.show(d.childProtectionShare() + d.lookedAfterShare()));
    }
    checks.between(at + "assessmentSameMonthShare", d.assessmentSameMonthShare(), 0, 1);
    checks.between(at + "assessmentLaterHazard", d.assessmentLaterHazard(), 0.01, 1);
    checks.between(at + "childProtectionMonths", d.childProtectionMonths(), 1, 600);
    checks.between(at + "lookedAfterMonths", d.lookedAfterMonths(), 1, 600);
    checks.between(at + "childInNeedMonths", d.childInNeedMonths(), 1, 600);
  }

  private static void checkWorkforce(Checks checks, Workforce w) {
    String at = "parameters.workforce.";
    inRange(checks, at + "annualTurnover", w.annualTurnover(), Parameter.annualTurnover);
    checks.between(at + "earlyTenureMonths", w.earlyTenureMonths(), 0, 600);
    checks.between(at + "earlyTenureFactor", w.earlyTenureFactor(), 0, 10);
    checks.between(at + "laterTenureFactor", w.laterTenureFactor(), 0, 10);
    checks.between(at + "pressureBeta", w.pressureBeta(), 0, 1);
    checks.between(at + "caseloadReference", w.caseloadReference(), 0, 500);
    checks.between(at + "agencyAnnualTurnover", w.agencyAnnualTurnover(), 0, 12);
    inRange(checks, at + "fillProbability", w.fillProbability(), Parameter.fillProbability);
    checks.between(at + "hireDelayMonths", w.hireDelayMonths(), 1, 36);
    checks.between(at + "nqCohortPerYear", w.nqCohortPerYear(), 0, MAX_WORKERS);
    checks.between(at + "nqCapShare", w.nqCapShare(), 0, 1);
    checks.between(at + "absenceShare", w.absenceShare(), 0, 0.9);
    inRange(checks, at + "agencyCoverShare", w.agencyCoverShare(),
        Parameter.agencyCoverShare);
    checks.between(at + "agencyExtraFte", w.agencyExtraFte(), 0, MAX_WORKERS);
    checks.between(at + "agencyStartProbability", w.agencyStartProbability(), 0, 1);
    checks.limit(at + "agencyCapFte", w.agencyCapFte());
    checks.between(at + "pressureClosureFactor", w.pressureClosureFactor(), 0, 10);
    checks.between(at + "pressureReReferralUplift", w.pressureReReferralUplift(), 0, 0.95);
    if (w.poolAfterMonths() != Double.POSITIVE_INFINITY
        && checks.between(at + "poolAfterMonths", w.poolAfterMonths(), 0, 120)
        && w.poolAfterMonths() != Math.rint(w.poolAfterMonths())) {
      checks.add(at + "poolAfterMonths", "must be a whole number of months or null (never), was "
          + w.poolAfterMonths());
    }
  }

  private static void checkFunding(Checks checks, Funding f) {
    String at = "parameters.funding.";
    checks.between(at + "permanentCostPerYear", f.permanentCostPerYear(), 1, 10_000_000);
    checks.between(at + "agencyCostPerYear", f.agencyCostPerYear(), 0, 10_000_000);
    checks.between(at + "recruitmentCostPerHire", f.recruitmentCostPerHire(), 0, 10_000_000);
    checks.between(at + "annualInflation", f.annualInflation(), -0.5, 1);
    checks.limit(at + "agencyBudgetPerYear", f.agencyBudgetPerYear());
    inRange(checks, at + "establishmentGrowth", f.establishmentGrowth(),
        Parameter.establishmentGrowth);
  }

  /**
   * Plain text ({@link PlainText}): no control character (U+0000 to U+001F, U+007F to U+009F)
   * and no half of a surrogate pair. Returns whether {@code text} is plain.
   */
  static boolean checkText(Checks checks, String path, String text) {
    String problem = PlainText.problem(text);
    if (problem != null) {
      checks.add(path, problem);
    }
    return problem == null;
  }

  /**
   * A label (a name): not blank ({@code blankHint} added to that reason), at most {@code max}
   * characters, plain text, its letters of one of Latin, Cyrillic and Greek
   * ({@link PlainText#mixedScripts}). Returns whether it is.
   */
  static boolean checkLabel(Checks checks, String path, String text, int max,
      String blankHint) {
    if (PlainText.blank(text)) {
      checks.add(path, "must not be blank" + blankHint);
      return false;
    }
    // characters as a reader counts them, code points (an emoji had counted as two)
    int characters = text.codePointCount(0, text.length());
    if (characters > max) {
      checks.add(path, "must be at most " + max + " characters, was " + characters);
      return false;
    }
    if (!checkText(checks, path, text)) {
      return false;
    }
    // a name's rule, not a text's: "Plan A" with a Cyrillic A had read as another scenario's
    String mixed = PlainText.mixedScripts(text);
    if (mixed != null) {
      checks.add(path, mixed);
    }
    return mixed == null;
  }

  /**
   * Checks a parameter that may be uncertain against its valid range, the one its draws are
   * clamped to ({@link Parameter#min()} to {@link Parameter#max()}).
   */
  private static boolean inRange(Checks checks, String path, double value, Parameter p) {
    return checks.between(path, value, p.min(), p.max());
  }
}
